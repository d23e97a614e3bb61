// A Directus process killed (SIGKILL) in the middle of a segment refresh and of an RFM rescoring (PostgreSQL + Redis +
// two processes, 12,000 customers): nothing half-done is left behind (the refresh's transaction rolls back whole; the
// rescoring's single statement applies to every customer or none), and after a restart the run gives the exact
// result, with one entered/left event per membership change. The kill lands at a known point: the test
// holds a row lock the refresh needs late in its transaction, waits until PostgreSQL shows the refresh blocked on it,
// kills the process, then lets go.
import { createItem, customEndpoint } from '@directus/sdk';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileSegmentQuery } from '../../extensions/crm/src/data/segments/segment-query.ts';
import type { Rule } from '../../extensions/crm/src/domain/segments/rule-types.ts';
import { rfmScores } from '../../extensions/crm/src/domain/rfm/index.ts';
import { bootReplicas, type Replicas } from '../harness/replicas.ts';
import { followupHelpers, type Row } from './followups-helpers.ts';

let stack: Replicas;
const h = followupHelpers(() => stack.primary);
const CUSTOMERS = 12_000;
const RULE: Rule = { type: 'orders', metric: 'count', op: 'gte', value: 3 } as Rule;

/** Customers S1..S12000 with (id mod 6) paid orders each, written with SQL: Directus would take minutes for this. */
async function seed(db: Knex) {
	await db.raw(
		`insert into crm_customers (full_name, external_id, date_created) select 'Seed ' || g, 'S' || g, now() from generate_series(1, ?) g`,
		[CUSTOMERS],
	);
	await db.raw(
		`insert into crm_orders (customer, status, ordered_at, total, points_pending)
		 select c.id, 'paid', now() - make_interval(days => c.id % 300, hours => n), 10000 * ((c.id + n) % 9 + 1), false
		 from crm_customers c cross join lateral generate_series(1, c.id % 6) n where c.external_id like 'S%'`,
	);
}

const ids = (rows: { customer?: unknown; id?: unknown }[]) =>
	rows.map((row) => Number(row.customer ?? row.id)).sort((a, b) => a - b);

/** Waits until PostgreSQL shows a statement of a Directus backend waiting for a lock; returns that backend's pid. */
async function blockedOn(db: Knex, pattern: string): Promise<number> {
	return h.eventually(async () => {
		const { rows } = await db.raw(
			`select pid from pg_stat_activity where wait_event_type = 'Lock' and query ilike ? and pid <> pg_backend_pid()`,
			[pattern],
		);
		return rows[0]?.pid as number | undefined;
	}, 60_000);
}

/** The killed process's backend ends (rolling its transaction back) once it can no longer wait or answer. */
const backendGone = (db: Knex, pid: number) =>
	h.eventually(
		async () => (await db.raw('select 1 from pg_stat_activity where pid = ?', [pid])).rows.length === 0,
		30_000,
	);

beforeAll(async () => {
	stack = await bootReplicas('faults-refresh');
	await seed(stack.db);
});
afterAll(async () => {
	await stack?.stop();
});

describe('SIGKILL mid-refresh (two replicas, PostgreSQL + Redis)', () => {
	it('a segment refresh killed after writing its entries leaves nothing behind; the rerun is exact with one event per change', async () => {
		const { db } = stack;
		const segment = (await stack.primary.client.request(
			createItem(
				'crm_segments' as never,
				{ name: 'Three or more orders', kind: 'dynamic', refresh: 'manual', rule: RULE } as never,
			),
		)) as Row;
		// The previous refresh's result, as if the data had changed since: some matching customers are missing (they
		// will enter), some members no longer match (they will leave), and hand-added members stay whatever happens.
		await db.raw(
			`insert into crm_segment_members (segment, customer, entered_at, source)
			 select ?, c.id, now() - interval '30 days', case when c.id % 6 = 0 and c.id % 40 = 2 then 'manual' else 'rule' end from crm_customers c
			 where c.external_id like 'S%' and ((c.id % 6 >= 3 and c.id % 40 <> 3) or (c.id % 6 < 3 and c.id % 40 = 1) or (c.id % 6 = 0 and c.id % 40 = 2))`,
			[segment.id],
		);
		const before = await db('crm_segment_members')
			.select('id', 'customer', 'source', 'left_at', 'entered_at')
			.where('segment', segment.id)
			.orderBy('id');
		await db('crm_segments').where('id', segment.id).update({ member_count: before.length });
		const entered = await h.rule({
			trigger: 'segment_entered',
			segment: segment.id,
			action: 'tag',
			tag: 'joined',
			delay_minutes: 7 * 24 * 60,
		});
		const left = await h.rule({
			trigger: 'segment_left',
			segment: segment.id,
			action: 'tag',
			tag: 'dropped',
			delay_minutes: 7 * 24 * 60,
		});

		const expected = ids(await compileSegmentQuery(db, RULE, { now: new Date(), timeZone: 'Asia/Seoul' }));
		// Independently of the compiler: customers with at least three purchases.
		expect(
			ids(
				await db('crm_orders')
					.select('customer')
					.whereIn('status', ['paid', 'fulfilled'])
					.groupBy('customer')
					.havingRaw('count(*) >= 3'),
			),
		).toEqual(expected);
		const previous = new Set(before.map((row) => Number(row.customer)));
		const matching = new Set(expected);
		const entering = expected.filter((id) => !previous.has(id));
		const leaving = before
			.filter((row) => row.source === 'rule' && !matching.has(Number(row.customer)))
			.map((row) => Number(row.customer))
			.sort((a, b) => a - b);
		expect(expected.length).toBeGreaterThan(5000);
		expect(entering.length).toBeGreaterThanOrEqual(50);
		expect(leaving.length).toBeGreaterThanOrEqual(50);

		// Lock one leaving member's row: the refresh inserts its entries, then blocks stamping left_at on that row.
		const hold = await db.transaction();
		await hold('crm_segment_members')
			.select('id')
			.where({ segment: segment.id, customer: leaving[0] })
			.whereNull('left_at')
			.forUpdate();
		const onReplica = await stack.replicaClient();
		// Sequences are not transactional: how far the id sequence moved shows the rows the refresh inserted.
		const lastId = async () =>
			Number((await db.raw('select last_value from crm_segment_members_id_seq')).rows[0].last_value);
		const idsBefore = await lastId();
		const doomed = onReplica
			.request(customEndpoint({ path: `/crm/segments/${segment.id}/refresh`, method: 'POST' }))
			.then(
				() => 'answered',
				() => 'killed',
			);
		const pid = await blockedOn(db, 'update "crm_segment_members" set "left_at"%');
		expect(await lastId()).toBe(idsBefore + entering.length);
		await stack.replica.kill();
		expect(await doomed).toBe('killed');
		await hold.rollback();
		await backendGone(db, pid);

		// Nothing of the interrupted refresh: no new rows, no exits stamped, the segment's count untouched, no events.
		expect(
			await db('crm_segment_members')
				.select('id', 'customer', 'source', 'left_at', 'entered_at')
				.where('segment', segment.id)
				.orderBy('id'),
		).toEqual(before);
		expect(await db('crm_segments').first('member_count', 'refreshed_at').where('id', segment.id)).toEqual({
			member_count: before.length,
			refreshed_at: null,
		});
		expect(await db('crm_outbox').whereIn('rule', [entered.id, left.id]).count({ n: '*' })).toEqual([{ n: '0' }]);

		// Restarted, the refresh runs again: exactly the rule's matches plus the hand-added member.
		await stack.startReplica();
		const again = await stack.replicaClient();
		const result = await again.request(customEndpoint({ path: `/crm/segments/${segment.id}/refresh`, method: 'POST' }));
		const manual = before.filter((row) => row.source === 'manual').map((row) => Number(row.customer));
		expect(manual.length).toBeGreaterThanOrEqual(50);
		expect(manual.filter((id) => matching.has(id))).toEqual([]);
		expect(result).toEqual({
			segment: segment.id,
			members: expected.length + manual.length,
			entered: entering.length,
			left: leaving.length,
		});
		const open = await db('crm_segment_members')
			.select('customer', 'source')
			.where('segment', segment.id)
			.whereNull('left_at');
		expect(ids(open)).toEqual([...expected, ...manual].sort((a, b) => a - b));
		expect(open.length).toBe(new Set(open.map((row) => row.customer)).size); // no customer twice
		expect(
			ids(await db('crm_segment_members').select('customer').where('segment', segment.id).whereNotNull('left_at')),
		).toEqual(leaving);
		expect(await db('crm_segment_members').where('segment', segment.id).count({ n: '*' })).toEqual([
			{ n: String(before.length + entering.length) },
		]);

		// One event per change: the follow-up rules listening to them planned one row per entered and per left member.
		const plannedFor = (rule: number) => db('crm_outbox').select('customer', 'dedupe_key').where('rule', rule);
		const plannedEntered = await h.eventually(async () => {
			const rows = await plannedFor(entered.id);
			return rows.length >= entering.length ? rows : null;
		}, 90_000);
		const plannedLeft = await h.eventually(async () => {
			const rows = await plannedFor(left.id);
			return rows.length >= leaving.length ? rows : null;
		}, 90_000);
		expect(ids(plannedEntered)).toEqual(entering);
		expect(ids(plannedLeft)).toEqual(leaving);

		// And a further refresh changes nothing.
		expect(
			await again.request(customEndpoint({ path: `/crm/segments/${segment.id}/refresh`, method: 'POST' })),
		).toMatchObject({ entered: 0, left: 0, members: expected.length + manual.length });
		for (const rule of [entered, left]) await h.archive(rule.id);
	}, 240_000);

	it('an RFM rescoring killed mid-statement leaves all customers or none rescored; rerun after a restart, it scores every customer', async () => {
		const { db } = stack;
		expect(await db('crm_customers').whereNotNull('rfm_at').count({ n: '*' })).toEqual([{ n: '0' }]);
		const buyer = await db('crm_orders').first('customer').where('status', 'paid').orderBy('customer');
		// The rescoring blocks on this buyer's row, having written whatever it reached before it.
		const hold = await db.transaction();
		await hold('crm_customers').select('id').where('id', buyer.customer).forUpdate();
		const onReplica = await stack.replicaClient();
		const doomed = onReplica
			.request(customEndpoint({ path: '/crm/rfm/refresh', method: 'POST', body: JSON.stringify({ windowDays: 3650 }) }))
			.then(
				() => 'answered',
				() => 'killed',
			);
		const pid = await blockedOn(db, '%"rfm_scores"%');
		await stack.replica.kill();
		expect(await doomed).toBe('killed');
		await hold.rollback();
		await backendGone(db, pid);
		// All or nothing: every customer unscored still, or every customer rescored by that one run (a single
		// autocommitted statement finishes even though its process is gone); never a part of them.
		const stamps = (await db('crm_customers').select('rfm_at').count({ n: '*' }).groupBy('rfm_at')) as {
			rfm_at: Date | null;
			n: string;
		}[];
		expect(stamps).toHaveLength(1);
		expect(Number(stamps[0].n)).toBe(CUSTOMERS);

		await stack.startReplica();
		const again = await stack.replicaClient();
		const result = (await again.request(
			customEndpoint({ path: '/crm/rfm/refresh', method: 'POST', body: JSON.stringify({ windowDays: 3650 }) }),
		)) as { cells: Record<string, number> };
		const customers = await db('crm_customers').select('id', 'rfm_r', 'rfm_f', 'rfm_m', 'rfm_at').orderBy('id');
		expect(Object.values(result.cells).reduce((a, b) => a + b, 0)).toBe(customers.length);
		expect(new Set(customers.map((c) => new Date(c.rfm_at).getTime())).size).toBe(1);
		expect(customers[0].rfm_at).not.toEqual(stamps[0].rfm_at);
		// Scores as the reference scorer gives them, from measures read independently (recency at the run's own clock).
		const now = new Date(customers[0].rfm_at);
		const measured = await db('crm_orders')
			.select(
				'customer',
				db.raw('max(ordered_at) as last'),
				db.raw('count(*)::int as frequency'),
				db.raw('sum(total)::float8 as monetary'),
			)
			.whereIn('status', ['paid', 'fulfilled'])
			.where('ordered_at', '>', new Date(now.getTime() - 3650 * 86_400_000))
			.where('ordered_at', '<=', now)
			.groupBy('customer')
			.orderBy('customer');
		const scores = rfmScores(
			measured.map((m) => ({
				recencyDays: Math.floor((now.getTime() - new Date(m.last).getTime()) / 86_400_000),
				frequency: m.frequency,
				monetary: m.monetary,
			})),
		);
		const byId = new Map(customers.map((c) => [Number(c.id), c]));
		expect(measured.map((m, i) => ({ customer: Number(m.customer), ...scores[i] }))).toEqual(
			measured.map((m) => {
				const c = byId.get(Number(m.customer))!;
				return { customer: Number(m.customer), r: c.rfm_r, f: c.rfm_f, m: c.rfm_m };
			}),
		);
		expect(customers.filter((c) => c.rfm_r === null).length).toBe(customers.length - measured.length);
	}, 240_000);
});
