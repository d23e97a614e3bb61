// Loyalty on PostgreSQL: the shared suite, then the money cases under concurrency: 100 orders for one customer at
// once, the same refund delivered many times in parallel, and redemptions racing for the same points.
import { createItem, readItems, updateItem } from '@directus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootCrm, directDatabase, type CrmInstance } from '../harness/crm.ts';
import { loyaltyHelpers, loyaltySuite } from './loyalty-suite.ts';

let crm: CrmInstance;
beforeAll(async () => {
	crm = await bootCrm('loyalty-pg', { db: 'postgres' });
});
afterAll(async () => {
	await crm?.stop();
});

describe('loyalty (PostgreSQL)', () => {
	loyaltySuite(() => crm);
	const h = loyaltyHelpers(() => crm);

	it('earns from the ledger, not a corrupted cached balance, and heals the cache (#15 finding 2)', async () => {
		const c = await h.customer('캐시 손상 고객');
		const db = await directDatabase(crm);
		try {
			await db('crm_customers').where('id', c.id).update({ points_balance: -5000 });
			await h.order(c.id, [h.product(100_000)]);
			const lots = await db('crm_points_ledger').select('points', 'lot_remaining').where('customer', c.id);
			expect(lots.length).toBeGreaterThan(0);
			for (const lot of lots) expect(Number(lot.lot_remaining)).toBe(Number(lot.points));
			const total = lots.reduce((sum, lot) => sum + Number(lot.points), 0);
			const [row] = await db('crm_customers').select('points_balance').where('id', c.id);
			expect(Number(row.points_balance)).toBe(total);
		} finally {
			await db.destroy();
		}
	});

	it('keeps the ledger exact with 100 concurrent orders for one customer and a refund delivered 10 times at once', async () => {
		const c = await h.customer('동시 주문 고객');
		const orders = (await Promise.all(
			Array.from({ length: 100 }, (_, i) =>
				crm.client.request(
					createItem(
						'crm_orders' as never,
						{
							customer: c.id,
							status: 'paid',
							ordered_at: new Date(Date.now() - i * 1000).toISOString(),
							total: 10_000,
							lines: [h.product(10_000)],
						} as never,
					),
				),
			),
		)) as { id: number }[];
		for (const order of orders) await h.settled(order.id);
		// One base earning per order (100 points, ×1.2 or ×1.5 once the customer climbs to silver or gold on the way)
		// and exactly one first-purchase bonus; the cached balance is the ledger sum.
		const rows = await h.ledger(c.id);
		const base = rows.filter((r) => r.kind === 'earn' && r.source_key.startsWith('earn:'));
		expect(base).toHaveLength(100);
		expect(new Set(base.map((r) => Number(r.order))).size).toBe(100);
		expect(base.every((r) => [100, 120, 150].includes(r.points))).toBe(true);
		expect(rows.filter((r) => r.source_key.startsWith('bonus:first_purchase'))).toHaveLength(1);
		const ledgerSum = rows.reduce((sum, r) => sum + r.points, 0);
		expect((await h.card(c.id)).balance).toBe(ledgerSum);

		const target = orders[50].id;
		const earnedByTarget = rows
			.filter((r) => r.kind === 'earn' && Number(r.order) === target)
			.reduce((sum, r) => sum + r.points, 0);
		await Promise.all(
			Array.from({ length: 10 }, () =>
				crm.client.request(updateItem('crm_orders' as never, target, { status: 'refunded' } as never)),
			),
		);
		await h.settled(target);
		const reversals = (await h.ledger(c.id)).filter((r) => r.kind === 'reverse');
		expect(reversals.reduce((sum, r) => sum + r.points, 0)).toBe(-earnedByTarget);
		expect((await h.card(c.id)).balance).toBe(ledgerSum - earnedByTarget);
		expect(await h.call('/crm/loyalty/reconcile')).toEqual({ ok: true, drift: [] });
	});

	it('lets only as many redemptions through as the points cover when they race', async () => {
		const c = await h.customer('경쟁 교환 고객');
		await h.call('/crm/loyalty/adjust', 'POST', { customer: c.id, points: 12_000, reason: 'race test' });
		const [reward] = (await crm.client.request(
			readItems('crm_rewards' as never, { filter: { points_cost: { _eq: 5000 } } } as never),
		)) as { id: number }[];
		const results = await Promise.allSettled(
			Array.from({ length: 6 }, () => h.call('/crm/loyalty/redeem', 'POST', { customer: c.id, reward: reward.id })),
		);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
		expect((await h.card(c.id)).balance).toBe(2000);
		expect(await h.call('/crm/loyalty/reconcile')).toEqual({ ok: true, drift: [] });
	});
});
