// POST /crm/events on PostgreSQL: the idempotency claim under real concurrency (the same event sent 10× at once
// creates one order), stats exact under parallel orders, and a failed statement rolling back one event only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootCrm, type CrmInstance } from '../harness/crm.ts';
import { eventsApiToken, postEvents, rows } from './events-api-helpers.ts';

let crm: CrmInstance;
let token: string;
const post = (body: unknown) => postEvents(crm.url, token, body);
const order = (externalId: string, total = 10_000) => ({
	external_id: externalId,
	customer: { external_id: 'PG-1' },
	ordered_at: '2026-02-01T12:00:00+09:00',
	total,
	lines: [{ product_name: '선물 세트', quantity: 1, unit_price: total }],
});

beforeAll(async () => {
	crm = await bootCrm('events-api-pg', { db: 'postgres' });
	token = await eventsApiToken(crm, 'events-api-pg-token');
});
afterAll(async () => {
	await crm?.stop();
});

describe('events API (PostgreSQL)', () => {
	it('handles every event type', async () => {
		expect(
			(
				await post({
					type: 'customer.upsert',
					idempotency_key: 'pg-cust',
					data: { external_id: 'PG-1', full_name: '정하늘', phone: '+82 10 9876 5432' },
				})
			).status,
		).toBe(201);
		expect((await post({ type: 'order.placed', idempotency_key: 'pg-o1', data: order('PG-O1') })).status).toBe(201);
		expect(
			(await post({ type: 'order.paid', idempotency_key: 'pg-o1-paid', data: { external_id: 'PG-O1' } })).body.data![0]
				.result,
		).toMatchObject({ status: 'paid' });
		expect(
			(await post({ type: 'order.refunded', idempotency_key: 'pg-o1-refund', data: { external_id: 'PG-O1' } })).body
				.data![0].result,
		).toMatchObject({ status: 'refunded' });
		await post({ type: 'order.placed', idempotency_key: 'pg-o2', data: order('PG-O2') });
		expect(
			(await post({ type: 'order.cancelled', idempotency_key: 'pg-o2-cancel', data: { external_id: 'PG-O2' } })).body
				.data![0].result,
		).toMatchObject({ status: 'cancelled' });
		const talk = await post({
			type: 'interaction.logged',
			idempotency_key: 'pg-talk',
			data: { customer: { phone: '010-9876-5432' }, channel: 'store', type: 'visit' },
		});
		expect(talk.status).toBe(201);
		const replay = await post({ type: 'order.placed', idempotency_key: 'pg-o1', data: order('PG-O1') });
		expect(replay.body.data![0].status).toBe('replayed');
		expect((await post({ type: 'order.placed', idempotency_key: 'pg-o1', data: order('PG-O1', 1) })).status).toBe(409);
	});

	it('the same event sent 10 times in parallel creates exactly one order', async () => {
		const body = { type: 'order.paid', idempotency_key: 'pg-race', data: order('PG-RACE') };
		const replies = await Promise.all(Array.from({ length: 10 }, () => post(body)));
		const statuses = replies.map((reply) => reply.body.data![0].status).sort();
		expect(statuses).toEqual(['processed', ...Array(9).fill('replayed')]);
		expect(new Set(replies.map((reply) => JSON.stringify(reply.body.data![0].result))).size).toBe(1);
		expect(await rows(crm, 'crm_orders', { external_id: { _eq: 'PG-RACE' } }, ['id'])).toHaveLength(1);
		expect(await rows(crm, 'crm_events', { idempotency_key: { _eq: 'pg-race' } }, ['id'])).toHaveLength(1);
	});

	it('parallel paid orders for one customer add up exactly in the customer stats', async () => {
		const [before] = await rows<{ order_count: number; total_spent: string }>(
			crm,
			'crm_customers',
			{ external_id: { _eq: 'PG-1' } },
			['order_count', 'total_spent'],
		);
		const replies = await Promise.all(
			Array.from({ length: 10 }, (_, i) =>
				post({ type: 'order.paid', idempotency_key: `pg-par-${i}`, data: order(`PG-PAR-${i}`, 1000 * (i + 1)) }),
			),
		);
		expect(replies.map((reply) => reply.status)).toEqual(Array(10).fill(201));
		const [after] = await rows<{ order_count: number; total_spent: string }>(
			crm,
			'crm_customers',
			{ external_id: { _eq: 'PG-1' } },
			['order_count', 'total_spent'],
		);
		expect(after.order_count - before.order_count).toBe(10);
		expect(Number(after.total_spent) - Number(before.total_spent)).toBe(55_000);
	});

	it('a failed statement inside one event of a batch rolls back that event only', async () => {
		await post({
			type: 'customer.upsert',
			idempotency_key: 'pg-other',
			data: { external_id: 'PG-2', full_name: '윤도현', email: 'dohyun@example.com' },
		});
		const res = await post({
			events: [
				{
					type: 'customer.upsert',
					idempotency_key: 'pg-b1',
					data: { external_id: 'PG-1', email: 'dohyun@example.com', first_name: '하늘' },
				},
				{ type: 'order.placed', idempotency_key: 'pg-b2', data: order('PG-B2') },
				{ type: 'order.placed', idempotency_key: 'pg-b3', data: { ...order('PG-B3'), customer: { id: 999999 } } },
			],
		});
		expect(res.body.data!.map((item) => item.status)).toEqual(['rejected', 'processed', 'rejected']);
		expect(res.body.data![0].errors![0]).toMatchObject({ path: 'events[0].data.email', code: 'CONFLICT' });
		expect(res.body.data![2].errors![0]).toMatchObject({ path: 'events[2].data.customer', code: 'UNKNOWN_CUSTOMER' });
		const [haneul] = await rows(crm, 'crm_customers', { external_id: { _eq: 'PG-1' } }, ['email', 'first_name']);
		expect(haneul).toEqual({ email: null, first_name: null });
		expect(await rows(crm, 'crm_orders', { external_id: { _in: ['PG-B2', 'PG-B3'] } }, ['external_id'])).toEqual([
			{ external_id: 'PG-B2' },
		]);
	});
});
