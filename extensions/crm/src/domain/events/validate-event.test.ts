import { describe, expect, it } from 'vitest';
import { MAX_BATCH, parseRequest, validateEvent } from './validate-event';

const now = new Date('2026-03-01T12:00:00Z');
const check = (value: unknown, path = '') => validateEvent(value, path, { now });
const issues = (value: unknown, path = '') => {
	const result = check(value, path);
	return result.ok ? [] : result.issues;
};
const order = {
	external_id: 'A-1',
	customer: { email: 'Minjun@Example.com' },
	ordered_at: '2026-03-01T10:00:00+09:00',
	total: 33000,
	lines: [{ sku: 'TEA-1', quantity: 2, unit_price: 16500 }],
};

describe('validateEvent', () => {
	it('accepts and normalises an order', () => {
		const result = check({ type: 'order.placed', idempotency_key: 'shop-1:A-1', data: order });
		expect(result).toEqual({
			ok: true,
			event: {
				type: 'order.placed',
				idempotency_key: 'shop-1:A-1',
				data: {
					...order,
					customer: { email: 'minjun@example.com' },
					ordered_at: '2026-03-01T01:00:00.000Z',
					lines: [{ sku: 'TEA-1', kind: 'product', quantity: 2, unit_price: 16500, line_total: 33000 }],
				},
			},
		});
	});

	it('names each bad field with its full path inside a batch', () => {
		const bad = {
			...order,
			total: -5,
			ordered_at: '2026-03-02T00:00:00Z',
			lines: [{ sku: 'X', quantity: 0 }, { quantity: 1 }],
		};
		expect(issues({ type: 'order.placed', idempotency_key: 'k', data: bad }, 'events[3]')).toEqual([
			{
				path: 'events[3].data.ordered_at',
				message: 'is in the future (more than 5 minutes ahead of the server clock)',
			},
			{ path: 'events[3].data.total', message: 'must not be negative' },
			{ path: 'events[3].data.lines[0].quantity', message: 'must be a positive integer (at most 1000000)' },
			{ path: 'events[3].data.lines[1].product_name', message: 'is required when there is no sku' },
		]);
	});

	it('checks the envelope: key, type, data, unknown fields', () => {
		expect(issues({ type: 'order.shipped', idempotency_key: '', data: {}, extra: 1 })).toEqual([
			{ path: 'extra', message: 'unknown field' },
			{ path: 'idempotency_key', message: 'must be 1-200 visible ASCII characters (no spaces)' },
			{
				path: 'type',
				message:
					'must be one of: customer.upsert, order.placed, order.paid, order.refunded, order.cancelled, interaction.logged',
			},
		]);
		expect(issues({ type: 'order.paid' }).map((i) => i.path)).toEqual(['idempotency_key', 'data']);
		expect(issues({ type: 'order.paid', idempotency_key: 'x'.repeat(201), data: { id: 1 } })[0].path).toBe(
			'idempotency_key',
		);
		expect(issues({ type: 'order.paid', idempotency_key: 'has space', data: { id: 1 } })[0].path).toBe(
			'idempotency_key',
		);
		expect(check({ type: 'order.paid', idempotency_key: 'x'.repeat(200), data: { id: 1 } }).ok).toBe(true);
		const failed = check({ type: 'order.paid', idempotency_key: 'k-1', data: {} });
		expect(failed).toMatchObject({ ok: false, idempotency_key: 'k-1', type: 'order.paid' });
	});

	it('customer.upsert needs a key and normalises contact data', () => {
		expect(issues({ type: 'customer.upsert', idempotency_key: 'c1', data: { full_name: '김민준' } })).toEqual([
			{ path: 'data', message: 'needs at least one of external_id, email, phone' },
		]);
		expect(
			check({
				type: 'customer.upsert',
				idempotency_key: 'c1',
				data: { phone: '010-1234-5678', email: ' KIM@EXAMPLE.COM', country: 'kr', first_name: null },
			}),
		).toMatchObject({
			ok: true,
			event: { data: { phone: '+821012345678', email: 'kim@example.com', country: 'KR', first_name: null } },
		});
		expect(
			issues({
				type: 'customer.upsert',
				idempotency_key: 'c1',
				data: { phone: '010-12', email: 'kim@', consent_sms: 'yes' },
			}),
		).toEqual([
			{ path: 'data.email', message: 'is not a valid e-mail address' },
			{ path: 'data.phone', message: 'is not a valid phone number (e.g. 010-1234-5678 or +82 10 1234 5678)' },
			{ path: 'data.consent_sms', message: 'must be true or false' },
		]);
	});

	it('order.paid takes a reference or a full order with external_id', () => {
		expect(check({ type: 'order.paid', idempotency_key: 'p1', data: { external_id: 'A-1' } }).ok).toBe(true);
		expect(check({ type: 'order.paid', idempotency_key: 'p1', data: order }).ok).toBe(true);
		expect(issues({ type: 'order.paid', idempotency_key: 'p1', data: { ...order, external_id: undefined } })).toEqual([
			{ path: 'data.external_id', message: 'is required with a full order' },
		]);
		expect(
			issues({ type: 'order.paid', idempotency_key: 'p1', data: { id: 1, external_id: 'A-1' } })[0].message,
		).toMatch(/exactly one of/);
		expect(issues({ type: 'order.refunded', idempotency_key: 'r1', data: { external_id: 'A-1', total: 5 } })).toEqual([
			{ path: 'data.total', message: 'unknown field' },
		]);
	});

	it('interaction.logged requires customer, channel and type', () => {
		expect(issues({ type: 'interaction.logged', idempotency_key: 'i1', data: { channel: 'fax' } })).toEqual([
			{ path: 'data.customer', message: 'is required' },
			{ path: 'data.channel', message: 'must be one of: store, phone, email, sms, kakao, web, social, visit' },
			{ path: 'data.type', message: 'is required' },
		]);
		expect(
			check({
				type: 'interaction.logged',
				idempotency_key: 'i1',
				data: { customer: { external_id: 'C-1' }, channel: 'kakao', type: 'inquiry', order: { external_id: 'A-1' } },
			}).ok,
		).toBe(true);
	});
});

describe('parseRequest', () => {
	it('tells a single event from a batch', () => {
		expect(parseRequest({ type: 'order.paid', idempotency_key: 'k', data: {} })).toMatchObject({
			ok: true,
			batch: false,
			events: [{ path: '' }],
		});
		expect(parseRequest({ events: [{}, {}] })).toMatchObject({
			ok: true,
			batch: true,
			events: [{ path: 'events[0]' }, { path: 'events[1]' }],
		});
	});
	it('refuses malformed envelopes with 400 and oversized batches with 413', () => {
		expect(parseRequest(null)).toMatchObject({ ok: false, status: 400 });
		expect(parseRequest({ foo: 1 })).toMatchObject({ ok: false, status: 400 });
		expect(parseRequest({ events: 'x' })).toMatchObject({ ok: false, status: 400, issues: [{ path: 'events' }] });
		expect(parseRequest({ events: [] })).toMatchObject({ ok: false, status: 400 });
		expect(parseRequest({ events: [], type: 'x' })).toMatchObject({
			ok: false,
			status: 400,
			issues: [{ path: 'type' }],
		});
		expect(parseRequest({ events: Array.from({ length: MAX_BATCH }, () => ({})) }).ok).toBe(true);
		const tooMany = parseRequest({ events: Array.from({ length: MAX_BATCH + 1 }, () => ({})) });
		expect(tooMany).toMatchObject({ ok: false, status: 413 });
		expect(JSON.stringify(tooMany)).toContain('at most 1000 events (got 1001)');
	});
});
