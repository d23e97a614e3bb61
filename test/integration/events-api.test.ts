// POST /crm/events on a real Directus (SQLite): every event type, idempotent replays, per-item batch results,
// bad input named precisely, and permissions (401, per-item and top-level 403).
import { createItem } from '@directus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootCrm, type CrmInstance } from '../harness/crm.ts';
import { apiUserWithPermissions, eventsApiToken, minutesFromNow, postEvents, rows } from './events-api-helpers.ts';

let crm: CrmInstance;
let token: string;
const post = (body: unknown, as: string | null = token) => postEvents(crm.url, as, body);
const order = (externalId: string, extra: Record<string, unknown> = {}) => ({
	external_id: externalId,
	customer: { external_id: 'C-100' },
	channel: 'web',
	ordered_at: '2026-01-15T10:00:00+09:00',
	total: 45000,
	lines: [
		{ sku: 'TEA-1', quantity: 2, unit_price: 15000 },
		{ sku: 'NEW-SKU', product_name: '신상품 머그', quantity: 1, unit_price: 15000 },
	],
	...extra,
});

beforeAll(async () => {
	crm = await bootCrm('events-api');
	await crm.client.request(
		createItem('crm_products' as never, { sku: 'TEA-1', name: '제주 녹차', category: 'tea', price: 15000 } as never),
	);
	token = await eventsApiToken(crm, 'events-api-token');
});
afterAll(async () => {
	await crm?.stop();
});

describe('events API: event types', () => {
	it('customer.upsert creates, then updates by e-mail with normalised contact data', async () => {
		const created = await post({
			type: 'customer.upsert',
			idempotency_key: 'cust-1',
			data: {
				external_id: 'C-100',
				full_name: '김민준',
				email: ' MinJun@Example.com ',
				phone: '010-1234-5678',
				consent_sms: true,
			},
		});
		expect(created.status).toBe(201);
		expect(created.body.data![0]).toMatchObject({
			idempotency_key: 'cust-1',
			type: 'customer.upsert',
			status: 'processed',
			result: { created: true },
		});
		const id = created.body.data![0].result!.customer;
		const [row] = await rows(crm, 'crm_customers', { id: { _eq: id } });
		expect(row).toMatchObject({
			email: 'minjun@example.com',
			phone: '+821012345678',
			external_id: 'C-100',
			consent_sms: true,
		});

		const updated = await post({
			type: 'customer.upsert',
			idempotency_key: 'cust-2',
			data: { email: 'minjun@example.com', first_name: '민준', language: 'en-US' },
		});
		expect(updated.status).toBe(200);
		expect(updated.body.data![0].result).toEqual({ customer: id, created: false, matched_by: 'email' });
		const [after] = await rows(crm, 'crm_customers', { id: { _eq: id } });
		expect(after).toMatchObject({ first_name: '민준', language: 'en-US', full_name: '김민준' });
	});

	it('order.placed creates the order with its lines (products by sku), pending by default', async () => {
		const res = await post({ type: 'order.placed', idempotency_key: 'order-A1', data: order('A-1') });
		expect(res.status).toBe(201);
		const result = res.body.data![0].result!;
		expect(result).toMatchObject({ status: 'pending', created: true });
		const [saved] = await rows(crm, 'crm_orders', { id: { _eq: result.order } }, [
			'status',
			'external_id',
			'ordered_at',
			'customer',
			'lines.product',
			'lines.product_name',
			'lines.category',
			'lines.line_total',
		]);
		expect(saved).toMatchObject({ status: 'pending', external_id: 'A-1', customer: result.customer });
		const lines = (saved.lines as Record<string, unknown>[]).sort((a, b) =>
			String(a.product_name).localeCompare(String(b.product_name)),
		);
		expect(lines).toHaveLength(2);
		expect(lines.find((l) => l.product_name === '제주 녹차')).toMatchObject({ category: 'tea' });
		expect(lines.find((l) => l.product_name === '신상품 머그')).toMatchObject({ product: null });
		expect(Number(lines.find((l) => l.product_name === '제주 녹차')!.line_total)).toBe(30000);
	});

	it('order.paid, order.refunded and order.cancelled move the status and the customer stats follow', async () => {
		const stats = async () =>
			(
				await rows<{ order_count: number; total_spent: number | string }>(
					crm,
					'crm_customers',
					{ external_id: { _eq: 'C-100' } },
					['order_count', 'total_spent'],
				)
			)[0];
		const paid = await post({ type: 'order.paid', idempotency_key: 'pay-A1', data: { external_id: 'A-1' } });
		expect(paid.status).toBe(200);
		expect(paid.body.data![0].result).toMatchObject({ status: 'paid', previous_status: 'pending', changed: true });
		expect(await stats()).toMatchObject({ order_count: 1 });
		expect(Number((await stats()).total_spent)).toBe(45000);

		const refunded = await post({ type: 'order.refunded', idempotency_key: 'refund-A1', data: { external_id: 'A-1' } });
		expect(refunded.body.data![0].result).toMatchObject({ status: 'refunded', changed: true });
		expect(await stats()).toMatchObject({ order_count: 0 });

		const again = await post({ type: 'order.paid', idempotency_key: 'pay-A1-again', data: { external_id: 'A-1' } });
		expect(again.status).toBe(409);
		expect(again.body.data![0].errors![0]).toMatchObject({ code: 'INVALID_TRANSITION' });

		await post({ type: 'order.placed', idempotency_key: 'order-A2', data: order('A-2') });
		const cancelled = await post({
			type: 'order.cancelled',
			idempotency_key: 'cancel-A2',
			data: { external_id: 'A-2' },
		});
		expect(cancelled.body.data![0].result).toMatchObject({ status: 'cancelled', changed: true });
	});

	it('order.paid with a full order creates it as paid when it does not exist', async () => {
		const res = await post({
			type: 'order.paid',
			idempotency_key: 'pay-P1',
			data: { ...order('P-1'), customer: { phone: '+82 10 1234 5678' } },
		});
		expect(res.status).toBe(201);
		expect(res.body.data![0].result).toMatchObject({ status: 'paid', created: true });
		const [saved] = await rows(crm, 'crm_orders', { external_id: { _eq: 'P-1' } }, ['status']);
		expect(saved.status).toBe('paid');
	});

	it('interaction.logged creates an interaction with source key event:<key>', async () => {
		const res = await post({
			type: 'interaction.logged',
			idempotency_key: 'talk-1',
			data: {
				customer: { email: 'MINJUN@example.com' },
				channel: 'kakao',
				type: 'inquiry',
				subject: '배송 문의',
				occurred_at: '2026-01-16T09:00:00Z',
				order: { external_id: 'P-1' },
			},
		});
		expect(res.status).toBe(201);
		const [saved] = await rows(crm, 'crm_interactions', { id: { _eq: res.body.data![0].result!.interaction } }, [
			'source_key',
			'channel',
			'subject',
			'order',
		]);
		expect(saved).toMatchObject({ source_key: 'event:talk-1', channel: 'kakao', subject: '배송 문의' });
		expect(saved.order).not.toBeNull();
	});
});

describe('events API: idempotency', () => {
	it('a replay returns the first result and creates nothing new', async () => {
		const body = { type: 'order.placed', idempotency_key: 'order-R1', data: order('R-1') };
		const first = await post(body);
		const before = (await rows(crm, 'crm_orders', {}, ['id'])).length;
		const replay = await post({ ...body, data: { ...body.data, ordered_at: '2026-01-15T01:00:00Z' } });
		expect(replay.status).toBe(200);
		expect(replay.body.data![0]).toEqual({
			idempotency_key: 'order-R1',
			type: 'order.placed',
			status: 'replayed',
			result: first.body.data![0].result,
		});
		expect((await rows(crm, 'crm_orders', {}, ['id'])).length).toBe(before);
		expect(await rows(crm, 'crm_events', { idempotency_key: { _eq: 'order-R1' } }, ['status'])).toEqual([
			{ status: 'processed' },
		]);
	});

	it('the same key with a different payload is a 409', async () => {
		const res = await post({
			type: 'order.placed',
			idempotency_key: 'order-R1',
			data: order('R-1', { channel: 'store' }),
		});
		expect(res.status).toBe(409);
		expect(res.body.data![0]).toMatchObject({
			status: 'rejected',
			errors: [{ path: 'idempotency_key', code: 'IDEMPOTENCY_KEY_REUSED' }],
		});
		expect(res.body.errors![0].extensions.code).toBe('IDEMPOTENCY_KEY_REUSED');
	});
});

describe('events API: bad input', () => {
	it('a batch reports per-item results and writes nothing for the invalid events', async () => {
		const res = await post({
			events: [
				{
					type: 'customer.upsert',
					idempotency_key: 'b-ok',
					data: { email: 'seoyeon@example.com', full_name: '이서연' },
				},
				{ type: 'customer.upsert', idempotency_key: 'b-email', data: { email: 'seoyeon@', full_name: '잘못된 메일' } },
				{ type: 'customer.upsert', idempotency_key: 'b-phone', data: { phone: '010-12-34', full_name: '잘못된 번호' } },
				{
					type: 'order.placed',
					idempotency_key: 'b-unknown',
					data: order('B-1', { customer: { email: 'nobody@example.com' } }),
				},
				{ type: 'order.placed', idempotency_key: 'b-negative', data: order('B-2', { total: -100 }) },
				{ type: 'order.placed', idempotency_key: 'b-future', data: order('B-3', { ordered_at: minutesFromNow(30) }) },
				{
					type: 'order.placed',
					idempotency_key: 'b-qty',
					data: order('B-4', { lines: [{ sku: 'TEA-1', quantity: 0 }] }),
				},
				{ type: 'order.refunded', idempotency_key: 'b-no-order', data: { external_id: 'NOPE' } },
				{
					type: 'customer.upsert',
					idempotency_key: 'b-taken',
					data: { external_id: 'C-200', email: 'minjun@example.com', full_name: '중복' },
				},
				{
					type: 'interaction.logged',
					idempotency_key: 'b-talk',
					data: { customer: { email: 'seoyeon@example.com' }, channel: 'phone', type: 'call' },
				},
			],
		});
		expect(res.status).toBe(200);
		const byKey = Object.fromEntries(res.body.data!.map((item) => [item.idempotency_key, item]));
		expect(res.body.data!.map((item) => item.status)).toEqual([
			'processed',
			'rejected',
			'rejected',
			'rejected',
			'rejected',
			'rejected',
			'rejected',
			'rejected',
			'rejected',
			'processed',
		]);
		expect(byKey['b-email'].errors).toEqual([
			{ path: 'events[1].data.email', message: 'is not a valid e-mail address', code: 'INVALID_PAYLOAD' },
		]);
		expect(byKey['b-phone'].errors![0]).toMatchObject({ path: 'events[2].data.phone', code: 'INVALID_PAYLOAD' });
		expect(byKey['b-unknown'].errors).toEqual([
			{
				path: 'events[3].data.customer',
				message: 'no customer with email "nobody@example.com"',
				code: 'UNKNOWN_CUSTOMER',
			},
		]);
		expect(byKey['b-negative'].errors).toEqual([
			{ path: 'events[4].data.total', message: 'must not be negative', code: 'INVALID_PAYLOAD' },
		]);
		expect(byKey['b-future'].errors![0]).toMatchObject({
			path: 'events[5].data.ordered_at',
			message: expect.stringMatching(/future/),
		});
		expect(byKey['b-qty'].errors![0]).toMatchObject({ path: 'events[6].data.lines[0].quantity' });
		expect(byKey['b-no-order'].errors![0]).toMatchObject({ path: 'events[7].data.external_id', code: 'UNKNOWN_ORDER' });
		// Matched by e-mail, but that customer already has another external id.
		expect(byKey['b-taken'].errors![0]).toMatchObject({
			path: 'events[8].data.external_id',
			code: 'CONFLICT',
			message: expect.stringContaining('"C-100"'),
		});

		expect(await rows(crm, 'crm_customers', { full_name: { _in: ['잘못된 메일', '잘못된 번호'] } })).toEqual([]);
		expect(await rows(crm, 'crm_orders', { external_id: { _in: ['B-1', 'B-2', 'B-3', 'B-4'] } })).toEqual([]);
		// Validation failures are not journaled; a rejection after validation is, and does not block its key.
		const journal = await rows<{ idempotency_key: string; status: string }>(
			crm,
			'crm_events',
			{ idempotency_key: { _starts_with: 'b-' } },
			['idempotency_key', 'status'],
		);
		expect(Object.fromEntries(journal.map((j) => [j.idempotency_key, j.status]))).toEqual({
			'b-ok': 'processed',
			'b-unknown': 'rejected',
			'b-no-order': 'rejected',
			'b-taken': 'rejected',
			'b-talk': 'processed',
		});
		await post({
			type: 'customer.upsert',
			idempotency_key: 'b-create-nobody',
			data: { email: 'nobody@example.com', full_name: '새 고객' },
		});
		const retried = await post({
			type: 'order.placed',
			idempotency_key: 'b-unknown',
			data: order('B-1', { customer: { email: 'nobody@example.com' } }),
		});
		expect(retried.status).toBe(201);
	});

	it('a unique conflict inside the work rolls back that event only, with a 409 naming the field', async () => {
		await post({
			type: 'customer.upsert',
			idempotency_key: 'dup-1',
			data: { external_id: 'C-300', full_name: '박지호', phone: '010-3333-4444' },
		});
		const res = await post({
			type: 'customer.upsert',
			idempotency_key: 'dup-2',
			data: { external_id: 'C-300', email: 'minjun@example.com' },
		});
		expect(res.status).toBe(409);
		expect(res.body.data![0].errors![0]).toMatchObject({ path: 'data.email', code: 'CONFLICT' });
		const [jiho] = await rows(crm, 'crm_customers', { external_id: { _eq: 'C-300' } }, ['email']);
		expect(jiho.email).toBeNull();
	});

	it('processes a full batch of 1000 events, each in its own transaction', async () => {
		const events = Array.from({ length: 1000 }, (_, i) => ({
			type: 'customer.upsert',
			idempotency_key: `bulk-${i}`,
			data: { external_id: `BULK-${i}`, full_name: `고객 ${i}`, phone: `010-5555-${String(i).padStart(4, '0')}` },
		}));
		const res = await post({ events });
		expect(res.status).toBe(200);
		expect(res.body.data!.filter((item) => item.status === 'processed')).toHaveLength(1000);
		expect(await rows(crm, 'crm_customers', { external_id: { _starts_with: 'BULK-' } }, ['id'])).toHaveLength(1000);
	});

	it('a single invalid event answers 400 with the path; a malformed envelope 400; 1001 events 413', async () => {
		const bad = await post({
			type: 'order.placed',
			idempotency_key: 'bad-1',
			data: order('X-1', { lines: [{ sku: 'TEA-1', quantity: 1.5 }] }),
		});
		expect(bad.status).toBe(400);
		expect(bad.body.errors![0]).toMatchObject({
			extensions: { code: 'INVALID_PAYLOAD', field: 'data.lines[0].quantity' },
		});
		expect((await post({ events: 'nope' })).status).toBe(400);
		expect((await post([1, 2])).status).toBe(400);
		expect((await post('{"type": ')).status).toBe(400);
		const many = Array.from({ length: 1001 }, (_, i) => ({
			type: 'order.paid',
			idempotency_key: `many-${i}`,
			data: { external_id: 'A-1' },
		}));
		const tooMany = await post({ events: many });
		expect(tooMany.status).toBe(413);
		expect(tooMany.body.errors![0].message).toContain('at most 1000 events (got 1001)');
		expect(await rows(crm, 'crm_events', { idempotency_key: { _starts_with: 'many-' } })).toEqual([]);
	});
});

describe('events API: authentication and permissions', () => {
	it('no token or a wrong token is a 401', async () => {
		const body = { type: 'order.paid', idempotency_key: 'anon-1', data: { external_id: 'A-1' } };
		expect((await post(body, null)).status).toBe(401);
		expect((await post(body, 'not-a-real-token')).status).toBe(401);
	});

	it('a caller whose policy cannot create orders gets a 403 per item; one who can do nothing a top-level 403', async () => {
		const readOnly = await apiUserWithPermissions(crm, 'events-limited', [
			['crm_customers', 'read'],
			['crm_customers', 'create'],
			['crm_customers', 'update'],
			['crm_orders', 'read'],
		]);
		const single = await post({ type: 'order.placed', idempotency_key: 'limited-1', data: order('L-1') }, readOnly);
		expect(single.status).toBe(403);
		expect(single.body.errors![0].extensions.code).toBe('FORBIDDEN');
		const batch = await post(
			{
				events: [
					{
						type: 'customer.upsert',
						idempotency_key: 'limited-2',
						data: { external_id: 'C-400', full_name: '최유나' },
					},
					{ type: 'order.placed', idempotency_key: 'limited-3', data: order('L-2') },
				],
			},
			readOnly,
		);
		expect(batch.status).toBe(200);
		expect(batch.body.data!.map((item) => item.status)).toEqual(['processed', 'rejected']);
		expect(batch.body.data![1].errors![0]).toMatchObject({
			path: 'events[1].type',
			code: 'FORBIDDEN',
			message: 'You don\'t have permission to create "crm_orders".',
		});
		expect(await rows(crm, 'crm_orders', { external_id: { _in: ['L-1', 'L-2'] } })).toEqual([]);

		const nothing = await apiUserWithPermissions(crm, 'events-nothing', [['crm_products', 'read']]);
		const denied = await post(
			{ type: 'customer.upsert', idempotency_key: 'nothing-1', data: { external_id: 'C-500', full_name: '거부' } },
			nothing,
		);
		expect(denied.status).toBe(403);
		expect(denied.body.data).toBeUndefined();
	});
});
