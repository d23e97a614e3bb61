import { describe, expect, it } from 'vitest';
import { orderFacts, parseTimestamp, statsDeltas, type OrderFacts } from './order-stats';

const day = (d: string) => new Date(`${d}T00:00:00Z`);
const order = (over: Partial<OrderFacts> = {}): OrderFacts => ({
	customer: 1,
	status: 'paid',
	total: 10000,
	orderedAt: day('2026-01-10'),
	...over,
});

describe('statsDeltas', () => {
	it('counts a new paid order', () => {
		expect(statsDeltas(null, order())).toEqual([
			{ customer: 1, orders: 1, spent: 10000, gainedPurchaseAt: day('2026-01-10'), lostPurchaseAt: null },
		]);
	});

	it('ignores pending, refunded and cancelled orders', () => {
		for (const status of ['pending', 'refunded', 'cancelled']) expect(statsDeltas(null, order({ status }))).toEqual([]);
	});

	it('reverses a purchase when it is refunded', () => {
		expect(statsDeltas(order(), order({ status: 'refunded' }))).toEqual([
			{ customer: 1, orders: -1, spent: -10000, gainedPurchaseAt: null, lostPurchaseAt: day('2026-01-10') },
		]);
	});

	it('moves the amount only when the total changes', () => {
		expect(statsDeltas(order(), order({ total: 12500.5 }))).toEqual([
			{ customer: 1, orders: 0, spent: 2500.5, gainedPurchaseAt: null, lostPurchaseAt: null },
		]);
	});

	it('produces nothing when nothing relevant changes', () => {
		expect(statsDeltas(order(), order())).toEqual([]);
	});

	it('moves a purchase between customers', () => {
		const deltas = statsDeltas(order(), order({ customer: 2 }));
		expect(deltas).toHaveLength(2);
		expect(deltas[0]).toMatchObject({ customer: 1, orders: -1, spent: -10000 });
		expect(deltas[1]).toMatchObject({ customer: 2, orders: 1, spent: 10000 });
	});

	it('records both dates when the purchase date moves', () => {
		expect(statsDeltas(order(), order({ orderedAt: day('2026-02-01') }))).toEqual([
			{ customer: 1, orders: 0, spent: 0, gainedPurchaseAt: day('2026-02-01'), lostPurchaseAt: day('2026-01-10') },
		]);
	});

	it('removes a deleted purchase', () => {
		expect(statsDeltas(order(), null)).toMatchObject([{ orders: -1, spent: -10000 }]);
	});
});

describe('orderFacts', () => {
	it('reads decimal strings and applies defaults for missing fields', () => {
		expect(orderFacts({ customer: 3, total: '1234.50', ordered_at: '2026-03-01T09:00:00Z' })).toEqual({
			customer: 3,
			status: 'paid',
			total: 1234.5,
			orderedAt: new Date('2026-03-01T09:00:00Z'),
		});
	});
	it('merges an update payload over the stored row', () => {
		const stored = orderFacts({ customer: 3, status: 'paid', total: 100, ordered_at: 1767225600000 });
		expect(orderFacts({ status: 'refunded' }, stored)).toMatchObject({ customer: 3, status: 'refunded', total: 100 });
	});
});

describe('parseTimestamp', () => {
	it('accepts epoch milliseconds as number or string', () => {
		expect(parseTimestamp(1767225600000)?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
		expect(parseTimestamp('1767225600000')?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
	});
	it('rejects garbage', () => {
		expect(parseTimestamp('not a date')).toBeNull();
		expect(parseTimestamp(undefined)).toBeNull();
	});
});
