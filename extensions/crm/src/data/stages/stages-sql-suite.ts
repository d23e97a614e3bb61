// Stage evaluation on a real database, shared by the SQLite and PostgreSQL runs: the set-wise refresh agrees with
// one-customer evaluation, writes one history row per change, leaves locked customers alone and demotes by rule.
import type { Knex } from 'knex';
import { expect, it } from 'vitest';
import { defaultStageRules, type StageRule } from '../../domain/stages';
import { matchStage, reevaluateStage, type StageRunOptions } from './evaluate-customer';
import { refreshStages, transitions } from './refresh-stages';
import { loadStageContext } from './stage-rules-repo';
import { CUSTOMERS, NOW } from './stage-test-fixture';
import { toDbTimestamp } from '../timestamps';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- loose row shape, kept from before the linter
type Row = Record<string, any>;
const options = (
	rules: StageRule[] = defaultStageRules(),
	trigger: StageRunOptions['trigger'] = 'nightly',
): StageRunOptions => ({ rules, timeZone: 'Asia/Seoul', now: NOW, trigger });
const stages = async (knex: Knex) =>
	Object.fromEntries(
		((await knex('crm_customers').select('id', 'stage').orderBy('id')) as Row[]).map((row) => [
			Number(row.id),
			row.stage,
		]),
	);
const history = async (knex: Knex) =>
	(await knex('crm_history').select('*').where('kind', 'stage').orderBy('id')) as Row[];

export function stagesSqlSuite(db: () => Knex) {
	it('loads the built-in rules while the setting is empty', async () => {
		expect(await loadStageContext(db())).toEqual({ rules: defaultStageRules(), timeZone: 'Asia/Seoul' });
	});

	it('moves every unlocked customer set-wise to the stage one-customer evaluation gives, with a history row each', async () => {
		const knex = db();
		const expected: Record<number, string> = {};
		for (let id = 1; id <= CUSTOMERS; id++)
			expected[id] = id % 9 === 0 ? 'partner' : (await matchStage(knex, id, options())).stage;
		const result = await refreshStages(knex, options());
		expect(await stages(knex)).toEqual(expected);
		expect(result.evaluated).toBe(CUSTOMERS - 4);
		// Every stage but partner is reached; referrers with a buying referee are advocates even with a low NPS.
		expect(new Set(Object.values(expected))).toEqual(
			new Set(['prospect', 'customer', 'regular', 'advocate', 'partner']),
		);
		expect(expected[3]).toBe('advocate');
		const rows = await history(knex);
		expect(
			rows
				.map((row) => [Number(row.customer), row.from_value, row.to_value])
				.sort((a, b) => (a[0] as number) - (b[0] as number)),
		).toEqual(
			result.changes
				.map((change) => [change.customer, change.from, change.to])
				.sort((a, b) => (a[0] as number) - (b[0] as number)),
		);
		expect(result.changes.length).toBe(
			Object.values(expected).filter((stage) => stage !== 'prospect' && stage !== 'partner').length,
		);
		expect(rows.find((row) => row.to_value === 'regular')?.reason).toBe('nightly: ≥ 3 orders in 180 days');
		expect(transitions(result.changes).reduce((sum, t) => sum + t.count, 0)).toBe(result.changes.length);

		// Nothing left to do, and the one-customer path agrees for everyone.
		expect((await refreshStages(knex, options())).changes).toEqual([]);
		for (let id = 1; id <= CUSTOMERS; id++)
			expect(await reevaluateStage(knex, id, options(defaultStageRules(), 'rule'))).toBeNull();
	});

	it('demotes by rule when a purchase goes away, and never touches a locked customer', async () => {
		const knex = db();
		const before = await stages(knex);
		const regular = Number(Object.keys(before).find((id) => before[Number(id)] === 'regular'));
		const orders = (await knex('crm_orders')
			.select('id')
			.where({ customer: regular, status: 'paid' })
			.orderBy('ordered_at', 'desc')) as Row[];
		await knex('crm_orders').where('id', orders[0].id).update({ status: 'refunded' });
		const change = await reevaluateStage(knex, regular, options(defaultStageRules(), 'rule'));
		expect(change).toMatchObject({ customer: regular, from: 'regular', reason: expect.stringMatching(/^rule: /) });
		expect(['customer', 'advocate']).toContain(change!.to);

		// A locked partner with orders stays a partner under both paths.
		await knex('crm_orders').insert({
			id: 9000,
			customer: 9,
			status: 'paid',
			channel: 'web',
			ordered_at: toDbTimestamp(knex, NOW),
			total: 1,
		});
		expect(await reevaluateStage(knex, 9, options())).toBeNull();
		expect((await refreshStages(knex, options())).changes.map((c) => c.customer)).not.toContain(9);
		expect((await stages(knex))[9]).toBe('partner');
	});

	it('applies other rules set-wise exactly as one by one, and sends everyone to prospect with no automatic rule', async () => {
		const knex = db();
		const rules: StageRule[] = [
			{
				stage: 'regular',
				rule: {
					any: [
						{ type: 'orders', metric: 'sum', op: 'gte', value: 30000 },
						{ type: 'referrals', minCount: 1, buyersOnly: false },
					],
				},
			},
			{ stage: 'customer', rule: { type: 'feedback', metric: 'last_nps', op: 'between', value: [0, 8] } },
		];
		const expected: Record<number, string> = {};
		for (let id = 1; id <= CUSTOMERS; id++)
			expected[id] = id % 9 === 0 ? 'partner' : (await matchStage(knex, id, options(rules))).stage;
		await refreshStages(knex, options(rules, 'refresh'));
		expect(await stages(knex)).toEqual(expected);
		expect(new Set(Object.values(expected))).toEqual(new Set(['prospect', 'customer', 'regular', 'partner']));

		const none = await refreshStages(knex, options([{ stage: 'partner', rule: null, manual: true }]));
		expect(Object.values(await stages(knex)).filter((stage) => stage !== 'prospect')).toEqual([
			'partner',
			'partner',
			'partner',
			'partner',
		]);
		expect(
			none.changes.every((change) => change.to === 'prospect' && change.reason === 'nightly: no stage rule matches'),
		).toBe(true);
	});
}
