// The small fixed purchase history the recommendation tests compute by hand, inserted through Directus's API.
// Times are relative to now (the refresh mines the window ending now).
//
//  product: 1 텀블러 · 2 머그컵 · 3 원두 · 4 드리퍼 · 5 필터 · 6 단종 컵 (archived) · 7 선물 상자 (never bought)
//
//  customer  paid / fulfilled orders in the last 365 days            not counted
//  A         [1, 2] 10 days ago · [3] 5 days ago
//  B         [1, 2, 4]
//  C         [1, 3]
//  D         [2, 3] + a reward line for 5 and a discount line
//  E         [1, 2] (fulfilled)                                       refunded [4, 5] · pending [5]
//  F         [4, 5]
//  G         (none)                                                   [1, 5] 400 days ago (outside the window)
//  H         [1, 6]
//
// Customer baskets (window 365): A{1,2,3} B{1,2,4} C{1,3} D{2,3} E{1,2} F{4,5} H{1,6} → N = 7;
// count(1) = 5, count(2) = 4, count(3) = 3, count(4) = 2, count(5) = 1, count(6) = 1;
// pairs: {1,2} 3 (A, B, E), {1,3} 2 (A, C), {2,3} 2 (A, D), {1,4} {2,4} {4,5} {1,6} 1 each.
// Order baskets: A's 1 and 3 are in different orders, so {1,3} is 1 (C) and {2,3} is 1 (D); N = 8 orders.
import { createItems, readItems, updateSingleton } from '@directus/sdk';
import type { CrmInstance } from '../harness/crm.ts';

type Row = Record<string, any>;
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

export const NAMES = ['텀블러', '머그컵', '원두', '드리퍼', '필터', '단종 컵', '선물 상자'] as const;
export type Customer = 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H';

export interface RecommendationFixture {
	/** product number 1-7 → id */
	products: Record<number, number>;
	customers: Record<Customer, number>;
}

/** Thresholds the tests start from; each test sets only what it changes. */
export const BASE_SETTINGS = {
	rec_min_support: 0.2,
	rec_min_confidence: 0.3,
	rec_min_lift: 1,
	rec_min_pairs: 2,
	rec_window_days: 365,
	rec_max_per_product: 5,
	rec_basket: 'customer',
};

export async function setRecommendationSettings(crm: CrmInstance, values: Row = {}) {
	await crm.client.request(updateSingleton('crm_settings' as never, { ...BASE_SETTINGS, ...values } as never));
}

async function settled(crm: CrmInstance, ids: number[]) {
	for (let attempt = 0; attempt < 300; attempt++) {
		const rows = (await crm.client.request(
			readItems(
				'crm_orders' as never,
				{ filter: { id: { _in: ids } }, fields: ['points_pending'], limit: -1 } as never,
			),
		)) as Row[];
		if (rows.every((r) => !r.points_pending)) return;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error('orders never settled');
}

export async function seedRecommendationFixture(crm: CrmInstance): Promise<RecommendationFixture> {
	const request = crm.client.request.bind(crm.client) as (command: unknown) => Promise<any>;
	const productRows = (await request(
		createItems(
			'crm_products' as never,
			NAMES.map((name, i) => ({
				sku: `REC-${i + 1}`,
				name,
				price: 10_000 * (i + 1),
				status: i === 5 ? 'archived' : 'active',
			})) as never,
		),
	)) as Row[];
	const products = Object.fromEntries(productRows.map((row, i) => [i + 1, Number(row.id)]));
	const letters: Customer[] = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
	const created = (await request(
		createItems(
			'crm_customers' as never,
			letters.map((l) => ({ full_name: `추천 고객 ${l}`, first_name: l })) as never,
		),
	)) as Row[];
	const customers = Object.fromEntries(letters.map((l, i) => [l, Number(created[i].id)])) as Record<Customer, number>;

	const line = (n: number, kind = 'product') => ({
		kind,
		product: products[n],
		product_name: NAMES[n - 1],
		quantity: 1,
		unit_price: 10_000 * n,
		line_total: kind === 'product' ? 10_000 * n : 0,
	});
	const order = (c: Customer, items: number[], days = 10, status = 'paid', extra: Row[] = []) => ({
		customer: customers[c],
		status,
		ordered_at: daysAgo(days),
		// What was paid: the products less a discount line (an order's lines must add up to its total).
		total: items.reduce((sum, n) => sum + 10_000 * n, 0) + extra.reduce((sum, l) => sum + Number(l.line_total ?? 0), 0),
		lines: [...items.map((n) => line(n)), ...extra],
	});
	const orders = (await request(
		createItems(
			'crm_orders' as never,
			[
				order('A', [1, 2], 10),
				order('A', [3], 5),
				order('B', [1, 2, 4], 20),
				order('C', [1, 3], 30),
				order('D', [2, 3], 40, 'paid', [
					line(5, 'reward'),
					{ kind: 'discount', product_name: '할인', quantity: 1, unit_price: -5_000, line_total: -5_000 },
				]),
				order('E', [1, 2], 50, 'fulfilled'),
				order('E', [4, 5], 12, 'refunded'),
				order('E', [5], 2, 'pending'),
				order('F', [4, 5], 60),
				order('G', [1, 5], 400),
				order('H', [1, 6], 70),
			] as never,
		),
	)) as Row[];
	await settled(
		crm,
		orders.map((o) => Number(o.id)),
	);
	return { products, customers };
}
