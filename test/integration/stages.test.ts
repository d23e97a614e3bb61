// Relationship stages on a real Directus (SQLite): rules move customers up and down on orders and survey answers,
// a stage set by hand is locked with a 'manual' history row until the lock is cleared, bad rules are refused on save
// with their path, and the set-wise refresh agrees with one-customer evaluation on demo data, history included.
import {
	createItem,
	customEndpoint,
	readItem,
	readItems,
	readMe,
	readSingleton,
	updateItem,
	updateSingleton,
} from '@directus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../seed/load-demo.ts';
import { bootCrm, userWithRole, type CrmInstance } from '../harness/crm.ts';
import { testDatabase } from '../harness/database.ts';

type Row = Record<string, any>;
const DAY = 86_400_000;
const now = new Date();
const ago = (days: number) => new Date(now.getTime() - days * DAY).toISOString();
let crm: CrmInstance;

beforeAll(async () => {
	crm = await bootCrm('stages', { db: testDatabase() });
});
afterAll(async () => {
	await crm?.stop();
});

const request = <T = Row>(command: unknown) => crm.client.request(command as never) as Promise<T>;
const refresh = (body: Row = {}, client = crm.client) =>
	client.request(
		customEndpoint({ path: '/crm/stages/refresh', method: 'POST', body: JSON.stringify(body) }),
	) as Promise<Row>;
const customer = (name: string, extra: Row = {}) =>
	request(createItem('crm_customers' as never, { full_name: name, ...extra } as never));
const order = (customerId: number, days: number, extra: Row = {}) =>
	request(
		createItem(
			'crm_orders' as never,
			{ customer: customerId, status: 'paid', ordered_at: ago(days), total: 10_000, ...extra } as never,
		),
	);
const nps = (customerId: number, score: number) =>
	request(
		createItem('crm_feedback' as never, { customer: customerId, kind: 'nps', score, answered_at: ago(0) } as never),
	);
const stageOf = async (id: number) =>
	(await request(readItem('crm_customers' as never, id, { fields: ['stage', 'stage_locked'] } as never))) as Row;
const waitStage = (id: number, stage: string) =>
	expect.poll(async () => (await stageOf(id)).stage, { timeout: 15_000, interval: 100 }).toBe(stage);
const history = async (id: number) =>
	(
		await request<Row[]>(
			readItems(
				'crm_history' as never,
				{
					filter: { customer: { _eq: id }, kind: { _eq: 'stage' } },
					sort: ['id'],
					fields: ['from_value', 'to_value', 'reason', 'staff'],
					limit: -1,
				} as never,
			),
		)
	).map((row) => [row.from_value, row.to_value, row.reason, ...(row.staff ? [row.staff] : [])]);
const failure = async (promise: Promise<unknown>) => {
	const error = (await promise.then(
		() => null,
		(e) => e,
	)) as { response?: Response; errors?: { message: string }[] } | null;
	expect(error, 'the request should have failed').not.toBeNull();
	return { status: error!.response?.status, message: error!.errors?.map((e) => e.message).join(' ') ?? '' };
};

const BOUGHT = 'rule: ≥ 1 paid order';
const REGULAR = 'rule: ≥ 3 orders in 180 days';
const ADVOCATE = 'rule: bought, and last NPS ≥ 9 or referred a customer who bought';

describe('relationship stages', () => {
	it('climbs prospect → customer on the first paid order, → regular on the 3rd order in 180 days, → advocate on NPS 9', async () => {
		const c = await customer('단계 고객');
		expect((await stageOf(c.id)).stage).toBe('prospect');
		await order(c.id, 12, { status: 'pending' });
		await order(c.id, 10);
		await waitStage(c.id, 'customer');
		// An old order and a second recent one: three purchases, but only two in the window.
		await order(c.id, 300);
		await order(c.id, 20);
		await order(c.id, 5);
		await waitStage(c.id, 'regular');
		await nps(c.id, 9);
		await waitStage(c.id, 'advocate');
		expect(await history(c.id)).toEqual([
			['prospect', 'customer', BOUGHT],
			['customer', 'regular', REGULAR],
			['regular', 'advocate', ADVOCATE],
		]);
	});

	it('demotes by rule when a refund drops a regular below the threshold', async () => {
		const c = await customer('환불 단골');
		const orders = [await order(c.id, 3), await order(c.id, 30), await order(c.id, 60)];
		await waitStage(c.id, 'regular');
		await request(updateItem('crm_orders' as never, orders[0].id, { status: 'refunded' } as never));
		await waitStage(c.id, 'customer');
		expect((await history(c.id)).slice(-1)).toEqual([['regular', 'customer', BOUGHT]]);
	});

	it('makes the referrer an advocate when a referred customer buys', async () => {
		const referrer = await customer('추천인');
		await order(referrer.id, 40);
		await waitStage(referrer.id, 'customer');
		const friend = await customer('추천받은 고객', { referred_by: referrer.id });
		await order(friend.id, 1);
		await waitStage(referrer.id, 'advocate');
		await waitStage(friend.id, 'customer');
		expect((await history(referrer.id)).slice(-1)).toEqual([['customer', 'advocate', ADVOCATE]]);
	});

	it('locks a stage set by hand (history "manual" with the staff user), leaves it alone, and re-evaluates when the lock is cleared', async () => {
		const c = await customer('파트너 후보');
		await order(c.id, 7);
		await waitStage(c.id, 'customer');
		const sales = await userWithRole(crm.client, crm.url, 'CRM Sales', 'stages-sales-token');
		const salesUser = (await sales.request(readMe({ fields: ['id'] }))) as Row;
		expect(
			await sales.request(updateItem('crm_customers' as never, c.id, { stage: 'partner' } as never)),
		).toMatchObject({ stage: 'partner', stage_locked: true });
		expect((await history(c.id)).slice(-1)).toEqual([['customer', 'partner', 'manual', salesUser.id]]);

		// Rules leave a locked customer alone: new orders, one-customer and set-wise refreshes change nothing.
		await order(c.id, 6);
		await order(c.id, 5);
		expect(await refresh({ customer: c.id })).toEqual({ evaluated: 0, changed: 0, transitions: [] });
		await refresh();
		expect(await stageOf(c.id)).toMatchObject({ stage: 'partner', stage_locked: true });

		await request(updateItem('crm_customers' as never, c.id, { stage_locked: false }));
		await waitStage(c.id, 'regular');
		expect((await history(c.id)).slice(-1)).toEqual([['partner', 'regular', REGULAR]]);

		// Created with a stage: locked from the start, with its 'manual' row.
		const admin = (await request(readMe({ fields: ['id'] }))) as Row;
		const partner = await customer('처음부터 파트너', { stage: 'partner' });
		expect(partner).toMatchObject({ stage: 'partner', stage_locked: true });
		await expect.poll(() => history(partner.id), { timeout: 10_000 }).toEqual([[null, 'partner', 'manual', admin.id]]);
		expect(
			(await failure(request(updateItem('crm_customers' as never, c.id, { stage: 'vip' } as never)))).message,
		).toContain('stage: unknown stage "vip"');
	});

	it('refuses invalid stage rules on save with the path to the bad node, and keeps the rules in force', async () => {
		const bad = [
			{ stage: 'regular', rule: { type: 'orders', metric: 'count', op: 'gte', value: 2, window: { lastDays: 90 } } },
			{ stage: 'advocate', rule: { any: [{ type: 'feedback', metric: 'last_nps', op: 'gte', value: 'nine' }] } },
		];
		const error = await failure(request(updateSingleton('crm_settings' as never, { stage_rules: bad } as never)));
		expect(error.status).toBe(400);
		expect(error.message).toContain('stage_rules[1].rule.any[0].value: wrong value type');
		expect(
			(await failure(request(updateSingleton('crm_settings' as never, { stage_rules: { customer: 1 } } as never))))
				.message,
		).toContain('stage_rules: must be a list');
		expect(
			((await request(readSingleton('crm_settings' as never, { fields: ['stage_rules'] } as never))) as Row)
				.stage_rules,
		).toBeNull();
	});

	it('refuses the refresh to a role that cannot update customers', async () => {
		const marketing = await userWithRole(crm.client, crm.url, 'CRM Marketing', 'stages-marketing-token');
		expect((await failure(refresh({}, marketing))).status).toBe(403);
		expect((await failure(refresh({ customer: 'x' }))).status).toBe(400);
		expect((await failure(refresh({ customer: 999_999 }))).status).toBe(404);
	});

	it('on demo data, the set-wise refresh agrees with one-customer evaluation, both ways, and history records every change', async () => {
		await loadDemoData(crm.client, { now, customers: 40, seed: 11, log: () => {} });
		const ids = (
			await request<Row[]>(
				readItems(
					'crm_customers' as never,
					{ filter: { external_id: { _starts_with: 'demo-' } }, fields: ['id'], limit: -1 } as never,
				),
			)
		).map((row) => Number(row.id));
		const orders = await request<Row[]>(
			readItems(
				'crm_orders' as never,
				{ filter: { customer: { _in: ids } }, fields: ['customer', 'status', 'ordered_at'], limit: -1 } as never,
			),
		);
		const answers = await request<Row[]>(
			readItems(
				'crm_feedback' as never,
				{
					filter: { customer: { _in: ids }, kind: { _eq: 'nps' } },
					fields: ['id', 'customer', 'score', 'answered_at'],
					sort: ['answered_at', 'id'],
					limit: -1,
				} as never,
			),
		);
		// The default rules, computed independently in JS from the rows.
		const expected = (lastDays: number, minRecent: number, minNps: number) =>
			Object.fromEntries(
				ids.map((id) => {
					const paid = orders.filter((o) => Number(o.customer) === id && ['paid', 'fulfilled'].includes(o.status));
					const recent = paid.filter((o) => Date.parse(o.ordered_at) >= now.getTime() - lastDays * DAY).length;
					const lastNps = answers.filter((a) => Number(a.customer) === id).at(-1)?.score ?? null;
					return [
						id,
						paid.length && lastNps !== null && lastNps >= minNps
							? 'advocate'
							: recent >= minRecent
								? 'regular'
								: paid.length
									? 'customer'
									: 'prospect',
					];
				}),
			);
		const stages = async () =>
			Object.fromEntries(
				(
					await request<Row[]>(
						readItems(
							'crm_customers' as never,
							{ filter: { id: { _in: ids } }, fields: ['id', 'stage'], limit: -1 } as never,
						),
					)
				).map((row) => [Number(row.id), row.stage]),
			);

		// Events evaluated each customer one by one; the set-wise refresh then finds nothing to change.
		const byDefault = expected(180, 3, 9);
		expect(new Set(Object.values(byDefault)).size).toBeGreaterThanOrEqual(3);
		await expect.poll(stages, { timeout: 30_000, interval: 250 }).toEqual(byDefault);
		expect(await refresh()).toMatchObject({ changed: 0, transitions: [] });

		// New rules are applied set-wise on save; one-customer evaluation then finds nothing to change.
		const rules = [
			{ stage: 'partner', manual: true },
			{
				stage: 'advocate',
				label: 'bought, NPS ≥ 7',
				rule: {
					all: [
						{ type: 'orders', metric: 'count', op: 'gte', value: 1 },
						{ type: 'feedback', metric: 'last_nps', op: 'gte', value: 7 },
					],
				},
			},
			{
				stage: 'regular',
				label: '≥ 2 orders in 365 days',
				rule: { type: 'orders', metric: 'count', op: 'gte', value: 2, window: { lastDays: 365 } },
			},
			{ stage: 'customer', label: '≥ 1 paid order', rule: { type: 'orders', metric: 'count', op: 'gte', value: 1 } },
		];
		await request(updateSingleton('crm_settings' as never, { stage_rules: rules } as never));
		const byNewRules = expected(365, 2, 7);
		expect(Object.keys(byNewRules).filter((id) => byNewRules[id] !== byDefault[id]).length).toBeGreaterThan(3);
		await expect.poll(stages, { timeout: 30_000, interval: 250 }).toEqual(byNewRules);
		for (const id of ids) expect(await refresh({ customer: id })).toMatchObject({ changed: 0 });

		// History: each customer's rows chain from prospect to the current stage; the rule change left one row per move.
		const rows = await request<Row[]>(
			readItems(
				'crm_history' as never,
				{
					filter: { customer: { _in: ids }, kind: { _eq: 'stage' } },
					sort: ['id'],
					fields: ['customer', 'from_value', 'to_value', 'reason'],
					limit: -1,
				} as never,
			),
		);
		for (const id of ids) {
			const chain = rows.filter((row) => Number(row.customer) === id);
			expect(
				chain.reduce((stage, row) => (expect(row.from_value).toBe(stage), row.to_value), 'prospect'),
				`customer ${id}`,
			).toBe(byNewRules[id]);
		}
		const moved = ids.filter((id) => byNewRules[id] !== byDefault[id]);
		expect(
			rows
				.filter((row) => row.reason.startsWith('rules changed: '))
				.map((row) => Number(row.customer))
				.sort(),
		).toEqual(moved.sort());
		await request(updateSingleton('crm_settings' as never, { stage_rules: null } as never));
	});
});
