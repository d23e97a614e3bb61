// Recommendations against hand-computed support, confidence and lift on the data set of recommendations-fixture.ts;
// shared by the SQLite and the PostgreSQL runs. N, count(X) and pairs are worked out in the fixture's header.
import { readItem, readSingleton, readMe, updateUser } from '@directus/sdk';
import { beforeAll, expect, it } from 'vitest';
import { userWithRole, type CrmInstance } from '../harness/crm.ts';
import { apiUserWithPermissions } from './events-api-helpers.ts';
import { followupHelpers } from './followups-helpers.ts';
import {
	BASE_SETTINGS,
	seedRecommendationFixture,
	setRecommendationSettings,
	type RecommendationFixture,
} from './recommendations-fixture.ts';

type Row = Record<string, any>;

export function recommendationsSuite(crm: () => CrmInstance) {
	let fx: RecommendationFixture;
	let adminToken: string;
	const h = followupHelpers(crm);
	beforeAll(async () => {
		fx = await seedRecommendationFixture(crm());
		adminToken = `rec-admin-${Date.now()}`;
		const me = await crm().client.request(readMe({ fields: ['id'] }));
		await crm().client.request(updateUser(me.id, { token: adminToken } as never));
	}, 300_000);

	/** The whole JSON body (the SDK would unwrap `data` and drop `computed_at`). */
	const http = async (method: string, path: string, token = adminToken) => {
		const response = await fetch(`${crm().url}${path}`, { method, headers: { authorization: `Bearer ${token}` } });
		return { status: response.status, body: (await response.json()) as Row };
	};
	const ok = async (method: string, path: string, token?: string) => {
		const { status, body } = await http(method, path, token);
		expect(status, `${path}: ${JSON.stringify(body)}`).toBe(200);
		return body;
	};
	const refreshWith = async (values: Row = {}) => {
		await setRecommendationSettings(crm(), values);
		return (await ok('POST', '/crm/recommendations/refresh')).data as Row;
	};
	const P = (n: number) => fx.products[n];
	const alsoBought = async (n: number) => (await ok('GET', `/crm/products/${P(n)}/also-bought`)).data as Row[];
	/** [consequent number, pairs, support, confidence, lift] per stored rule, in stored order. */
	const rulesOf = async (n: number) =>
		(await alsoBought(n)).map((r) => [
			Object.keys(fx.products)
				.map(Number)
				.find((k) => P(k) === r.product),
			r.pair_count,
			r.support,
			r.confidence,
			r.lift,
		]);
	const close = (rows: unknown[][], expected: unknown[][]) => {
		expect(rows.map((r) => r.slice(0, 2))).toEqual(expected.map((r) => r.slice(0, 2)));
		rows.forEach((r, i) =>
			expected[i].slice(2).forEach((value, j) => expect(r[j + 2] as number).toBeCloseTo(value as number, 12)),
		);
	};
	const forCustomer = async (c: keyof RecommendationFixture['customers'], query = '') =>
		ok('GET', `/crm/customers/${fx.customers[c]}/recommendations${query}`);

	it('mines support, confidence and lift over customer baskets and keeps the best rules per product', async () => {
		const result = await refreshWith();
		// 7 customer baskets with 6 products; rules with ≥ 2 pairs, support ≥ 0.2, confidence ≥ 0.3, lift ≥ 1
		expect(result).toMatchObject({
			baskets: 7,
			products_in_baskets: 6,
			products_with_rules: 3,
			rules: 4,
			settings: { minSupport: 0.2, basket: 'customer' },
		});
		// 1 ⇒ 2: 3 of 7 baskets, 3 of the 5 with 1, lift 0.6 / (4/7) = 1.05
		close(await rulesOf(1), [[2, 3, 3 / 7, 0.6, 1.05]]);
		// 2 ⇒ 3: 2 / 7, 2 of 4, lift 0.5 / (3/7) = 7/6 ranks above 2 ⇒ 1: 3 / 7, 3 of 4, lift 0.75 / (5/7) = 1.05
		close(await rulesOf(2), [
			[3, 2, 2 / 7, 0.5, 7 / 6],
			[1, 3, 3 / 7, 0.75, 1.05],
		]);
		// 3 ⇒ 2: 2 of 3; 3 ⇒ 1 has lift (2/3) / (5/7) = 14/15 < 1
		close(await rulesOf(3), [[2, 2, 2 / 7, 2 / 3, 7 / 6]]);
		expect(await alsoBought(4)).toEqual([]);
		const never = (await ok('GET', `/crm/products/${P(7)}/also-bought`)) as Row;
		expect(never).toMatchObject({ product: P(7), name: '선물 상자', data: [] });
		expect(Date.parse(never.computed_at)).toBeGreaterThan(Date.now() - 600_000);
		// The stored field, as the items API shows it
		const stored = (await crm().client.request(
			readItem('crm_products' as never, P(1), { fields: ['also_bought'] } as never),
		)) as Row;
		expect(stored.also_bought).toEqual([expect.objectContaining({ product: P(2), name: '머그컵', pair_count: 3 })]);
	});

	it('recommends what the customer has not bought, best rule first, and says which purchase it comes from', async () => {
		await refreshWith();
		// C bought 1 and 3: 2 comes from 1 (lift 1.05) and from 3 (lift 7/6); the better rule, from 3, is kept
		const c = await forCustomer('C');
		expect(c.data).toEqual([
			{
				product: P(2),
				name: '머그컵',
				pair_count: 2,
				support: expect.any(Number),
				confidence: expect.any(Number),
				lift: expect.any(Number),
				because: { product: P(3), name: '원두' },
			},
		]);
		expect(c.data[0].lift).toBeCloseTo(7 / 6, 12);
		expect(Date.parse(c.computed_at)).toBeGreaterThan(Date.now() - 600_000);
		// E bought 1 and 2 (the refunded and pending orders do not count): 1 ⇒ 2 and 2 ⇒ 1 are dropped, 2 ⇒ 3 stays
		expect((await forCustomer('E')).data.map((r: Row) => [r.product, r.because.product])).toEqual([[P(3), P(2)]]);
		// G's only purchase is older than the window, but it is still theirs: 1 ⇒ 2
		expect((await forCustomer('G')).data.map((r: Row) => r.product)).toEqual([P(2)]);
		// A already has every recommended product; F's products have no rules
		expect((await forCustomer('A')).data).toEqual([]);
		expect((await forCustomer('F')).data).toEqual([]);
		expect((await forCustomer('C', '?limit=1')).data).toHaveLength(1);
		// Someone who never bought gets nothing, and the answer still says when the rules were computed
		const newcomer = await h.customer();
		expect(await ok('GET', `/crm/customers/${newcomer.id}/recommendations`)).toEqual({
			data: [],
			computed_at: c.computed_at,
		});
	});

	it('answers 400 for a bad limit and 404 for an unknown customer or product', async () => {
		const bad = await http('GET', `/crm/customers/${fx.customers.C}/recommendations?limit=0`);
		expect(bad.status).toBe(400);
		expect(bad.body.errors[0]).toMatchObject({
			message: 'limit: must be a whole number from 1 to 50',
			extensions: { field: 'limit' },
		});
		expect((await http('GET', '/crm/customers/99999999/recommendations')).status).toBe(404);
		expect((await http('GET', '/crm/products/abc/also-bought')).status).toBe(404);
	});

	it('respects every threshold, the window, the top-K limit and the basket definition', async () => {
		// lift ≥ 0: 1 ⇒ 3 (2 pairs, 2 of 5, lift 14/15) now follows 1 ⇒ 2
		await refreshWith({ rec_min_lift: 0 });
		close(await rulesOf(1), [
			[2, 3, 3 / 7, 0.6, 1.05],
			[3, 2, 2 / 7, 0.4, 14 / 15],
		]);
		// confidence ≥ 0.7: only 2 ⇒ 1 (3 of 4)
		await refreshWith({ rec_min_confidence: 0.7 });
		close(await rulesOf(2), [[1, 3, 3 / 7, 0.75, 1.05]]);
		expect([await alsoBought(1), await alsoBought(3)]).toEqual([[], []]);
		// support ≥ 0.3 drops the 2-basket pairs (2/7 ≈ 0.286); so does a minimum of 3 pairs
		for (const values of [{ rec_min_support: 0.3 }, { rec_min_pairs: 3 }]) {
			await refreshWith(values);
			expect([(await rulesOf(1)).map((r) => r[0]), (await rulesOf(2)).map((r) => r[0]), await alsoBought(3)]).toEqual([
				[2],
				[1],
				[],
			]);
		}
		// one rule per product: the highest lift
		await refreshWith({ rec_min_lift: 0, rec_max_per_product: 1 });
		expect([
			(await rulesOf(1)).map((r) => r[0]),
			(await rulesOf(2)).map((r) => r[0]),
			(await rulesOf(3)).map((r) => r[0]),
		]).toEqual([[2], [3], [2]]);

		// Everything with one pair: the archived product 6 is never recommended, but its buyers get 6 ⇒ 1 (1 of 1, lift 7/5);
		// 5 was bought only by F (E's order was refunded, D's 5 was a reward line, G's is outside the window): 5 ⇒ 4, lift 1 / (2/7)
		const everything = { rec_min_support: 0, rec_min_confidence: 0, rec_min_lift: 0, rec_min_pairs: 1 };
		await refreshWith(everything);
		expect((await rulesOf(1)).map((r) => r[0])).toEqual([2, 3, 4]);
		close(await rulesOf(6), [[1, 1, 1 / 7, 1, 1.4]]);
		close(await rulesOf(5), [[4, 1, 1 / 7, 1, 3.5]]);
		// 500 days bring G's {1, 5} in: N = 8, count(5) = 2, count(1) = 6 → 5 ⇒ 4 lift 0.5 / (2/8) = 2, 5 ⇒ 1 lift 0.5 / (6/8)
		const wider = await refreshWith({ ...everything, rec_window_days: 500 });
		expect(wider.baskets).toBe(8);
		close(await rulesOf(5), [
			[4, 1, 1 / 8, 0.5, 2],
			[1, 1, 1 / 8, 0.5, 2 / 3],
		]);

		// Orders as baskets: 8 orders; A bought 1 and 3 in different orders, so only {1, 2} (3 orders) has two pairs
		const orders = await refreshWith({
			rec_min_support: 0,
			rec_min_confidence: 0,
			rec_min_lift: 0,
			rec_basket: 'order',
		});
		expect(orders).toMatchObject({ baskets: 8, rules: 2 });
		close(await rulesOf(1), [[2, 3, 3 / 8, 0.6, 1.2]]);
		close(await rulesOf(2), [[1, 3, 3 / 8, 0.75, 1.2]]);
		expect(await alsoBought(3)).toEqual([]);
	});

	it('refuses bad thresholds with a 400 naming the field and writes nothing', async () => {
		await setRecommendationSettings(crm());
		for (const [field, value, message] of [
			['rec_min_confidence', 1.5, 'must be a number from 0 to 1'],
			['rec_max_per_product', 0, 'must be a whole number from 1 to 50'],
			['rec_basket', 'cart', 'must be one of customer, order'],
		] as const) {
			const failure = await h.failure(setRecommendationSettings(crm(), { [field]: value, rec_min_support: 0.5 }));
			expect(failure.status).toBe(400);
			expect(failure.message).toContain(`${field}: ${message}`);
		}
		const settings = (await crm().client.request(
			readSingleton('crm_settings' as never, { fields: Object.keys(BASE_SETTINGS) } as never),
		)) as Row;
		expect(Number(settings.rec_min_support)).toBe(0.2);
		expect([Number(settings.rec_min_confidence), settings.rec_max_per_product, settings.rec_basket]).toEqual([
			0.3,
			5,
			'customer',
		]);
	});

	it('lets only managers refresh, and never shows products to a caller who cannot read them', async () => {
		await setRecommendationSettings(crm());
		const stamp = Date.now();
		await userWithRole(crm().client, crm().url, 'CRM Sales', `rec-sales-${stamp}`);
		await userWithRole(crm().client, crm().url, 'CRM Manager', `rec-manager-${stamp}`);
		const sales = await http('POST', '/crm/recommendations/refresh', `rec-sales-${stamp}`);
		expect(sales.status).toBe(403);
		expect(sales.body.errors[0].message).toContain('crm_settings');
		expect((await ok('POST', '/crm/recommendations/refresh', `rec-manager-${stamp}`)).data.rules).toBe(4);
		expect(
			(await ok('GET', `/crm/customers/${fx.customers.C}/recommendations`, `rec-sales-${stamp}`)).data.map(
				(r: Row) => r.product,
			),
		).toEqual([P(2)]);
		const noProducts = await apiUserWithPermissions(crm(), `rec-noproducts-${stamp}`, [
			['crm_customers', 'read'],
			['crm_orders', 'read'],
		]);
		const denied = await http('GET', `/crm/customers/${fx.customers.C}/recommendations`, noProducts);
		expect(denied.status).toBe(403);
		expect(denied.body.errors[0].message).toContain('crm_products');
		expect((await http('GET', `/crm/products/${P(1)}/also-bought`, noProducts)).status).toBe(403);
	});

	it('gives follow-up templates the recommended products, loaded for the message', async () => {
		await refreshWith();
		const typo = await h.failure(h.template({ kind: 'sms', body: '{{#each recomended}}{{name}}{{/each}}' }));
		expect(typo.status).toBe(400);
		expect(typo.message).toContain('unknown variable "recomended" (did you mean "recommended"?)');
		const body =
			'{{first_name}}님, {{#each recommended}}{{because}}와 함께 {{name}}{{/each}} · {{list recommended_names 3}}';
		const preview = await h.call('/crm/templates/preview', {
			customer: fx.customers.C,
			source: { kind: 'sms', purpose: 'transactional', body },
		});
		expect(preview.body).toBe('C님, 원두와 함께 머그컵 · 머그컵');

		// Sent for real: a manual task rule over a segment holding C renders the template into the task
		const template = await h.template({
			kind: 'email',
			purpose: 'transactional',
			subject: '추천: {{list recommended_names}}',
			body: '{{#each recommended}}{{name}} ({{because}}) {{/each}}',
		});
		const segment = await h.create('crm_segments', {
			name: `추천 대상 ${Date.now()}`,
			kind: 'static',
			refresh: 'manual',
			status: 'active',
		});
		await h.create('crm_segment_members', {
			segment: segment.id,
			customer: fx.customers.C,
			entered_at: new Date().toISOString(),
			source: 'manual',
		});
		const rule = await h.rule({ trigger: 'manual', action: 'task', template: template.id, segment: segment.id });
		expect(await h.call(`/crm/followups/rules/${rule.id}/run`, { key: 'recommendations' })).toMatchObject({
			members: 1,
		});
		await h.call('/crm/followups/dispatch', { limit: 50 });
		const [row] = await h.outboxOf(fx.customers.C);
		expect(row).toMatchObject({ status: 'sent', subject: '추천: 머그컵' });
		const tasks = await h.rows('crm_interactions', { customer: { _eq: fx.customers.C }, type: { _eq: 'task' } });
		expect(tasks.map((t) => t.body?.trim())).toEqual(['머그컵 (원두)']);
		await h.archive(rule.id);
	});
}
