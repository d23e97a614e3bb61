// Association rules mined set-wise in SQL (SQLite >= 3.25 and PostgreSQL): baskets of distinct products from
// purchases in the window, item and pair counts (a self-join with HAVING on the minimum pair count), the three
// measures, and the top K per antecedent by a window function. Values are bound; only identifiers and fixed SQL
// fragments are written into the text.
import type { Knex } from 'knex';
import { PURCHASE_STATUSES } from '../../domain/customer-stats/order-stats';
import type { RecommendationSettings } from '../../domain/recommendations';
import { toDbTimestamp } from '../timestamps';

const DAY_MS = 86_400_000;

/** Distinct (basket, product) from product lines of paid or fulfilled orders in (now - window, now]. */
export function basketItems(knex: Knex, settings: RecommendationSettings, now: Date): Knex.QueryBuilder {
	const from = new Date(now.getTime() - settings.windowDays * DAY_MS);
	return (
		knex('crm_order_lines as l')
			.join('crm_orders as o', 'o.id', 'l.order')
			.distinct(settings.basket === 'order' ? 'o.id as basket' : 'o.customer as basket', 'l.product as product')
			.whereIn('o.status', [...PURCHASE_STATUSES])
			.whereNotNull('o.customer')
			.whereNotNull('l.product')
			// Discount, reward and shipping lines are not purchases of a product (a missing kind means product).
			.where((kind) => kind.where('l.kind', 'product').orWhereNull('l.kind'))
			.where('o.ordered_at', '>', toDbTimestamp(knex, from))
			.where('o.ordered_at', '<=', toDbTimestamp(knex, now))
	);
}

export interface MinedRule {
	antecedent: number;
	product: number;
	name: string;
	pair_count: number;
	support: number;
	confidence: number;
	lift: number;
}

const asDouble = (knex: Knex, sql: string, bindings: readonly Knex.RawBinding[]) =>
	knex.raw(`CAST(${sql} AS double precision)`, bindings);

/**
 * The top `maxPerProduct` rules per antecedent that meet every threshold, best first (lift, confidence, pairs,
 * product id: the order of domain compareRules). Consequents must be active products; antecedents may be archived.
 */
export function topRulesQuery(knex: Knex, settings: RecommendationSettings, now: Date): Knex.QueryBuilder {
	const itemCounts = knex('rec_baskets').select('product').count({ n: '*' }).groupBy('product');
	const totals = knex('rec_baskets').countDistinct({ n: 'basket' });
	// support >= min written as one division compared with the bound threshold, like the SELECT below computes it.
	const pairCounts = knex('rec_baskets as a')
		.join('rec_baskets as b', (on) => on.on('a.basket', 'b.basket').andOn('a.product', '<>', 'b.product'))
		.select({ antecedent: 'a.product', consequent: 'b.product' })
		.count({ pairs: '*' })
		.groupBy('a.product', 'b.product')
		.havingRaw('count(*) >= ?', [settings.minPairs])
		.havingRaw('CAST(count(*) AS double precision) / (SELECT ?? FROM ??) >= ?', [
			'n',
			'rec_totals',
			settings.minSupport,
		]);

	const measured = knex('rec_pairs as p')
		.join('rec_items as cx', 'cx.product', 'p.antecedent')
		.join('rec_items as cy', 'cy.product', 'p.consequent')
		.joinRaw('CROSS JOIN ?? AS ??', ['rec_totals', 't'])
		.select({ antecedent: 'p.antecedent', product: 'p.consequent', pair_count: 'p.pairs' })
		.select(
			knex.raw('? / ?? AS ??', [asDouble(knex, '??', ['p.pairs']), 't.n', 'support']),
			knex.raw('? / ?? AS ??', [asDouble(knex, '??', ['p.pairs']), 'cx.n', 'confidence']),
			knex.raw('? / (?? * ??) AS ??', [asDouble(knex, '?? * ??', ['p.pairs', 't.n']), 'cx.n', 'cy.n', 'lift']),
		);

	const ranked = knex
		.from(measured.as('m'))
		.join('crm_products as y', 'y.id', 'm.product')
		.where('y.status', 'active')
		.where('m.confidence', '>=', settings.minConfidence)
		.where('m.lift', '>=', settings.minLift)
		.select('m.antecedent', 'm.product', 'm.pair_count', 'm.support', 'm.confidence', 'm.lift', { name: 'y.name' })
		.select(
			knex.raw('row_number() over (partition by ?? order by ?? desc, ?? desc, ?? desc, ?? asc) AS ??', [
				'm.antecedent',
				'm.lift',
				'm.confidence',
				'm.pair_count',
				'm.product',
				'rule_rank',
			]),
		);

	return knex
		.with('rec_baskets', basketItems(knex, settings, now))
		.with('rec_items', itemCounts)
		.with('rec_totals', totals)
		.with('rec_pairs', pairCounts)
		.select('antecedent', 'product', 'name', 'pair_count', 'support', 'confidence', 'lift')
		.from(ranked.as('ranked'))
		.where('rule_rank', '<=', settings.maxPerProduct)
		.orderBy([{ column: 'antecedent' }, { column: 'rule_rank' }]);
}

/** Runs topRulesQuery; PostgreSQL returns counts as strings, so every number is normalised here. */
export async function mineTopRules(knex: Knex, settings: RecommendationSettings, now: Date): Promise<MinedRule[]> {
	const rows = (await topRulesQuery(knex, settings, now)) as Record<string, unknown>[];
	return rows.map((row) => ({
		antecedent: Number(row.antecedent),
		product: Number(row.product),
		name: String(row.name ?? ''),
		pair_count: Number(row.pair_count),
		support: Number(row.support),
		confidence: Number(row.confidence),
		lift: Number(row.lift),
	}));
}

/** Baskets and distinct products in the window (for the refresh report). */
export async function basketTotals(
	knex: Knex,
	settings: RecommendationSettings,
	now: Date,
): Promise<{ baskets: number; products: number }> {
	const row = await knex
		.with('rec_baskets', basketItems(knex, settings, now))
		.from('rec_baskets')
		.first(
			knex.raw('count(distinct ??) AS ??', ['basket', 'baskets']),
			knex.raw('count(distinct ??) AS ??', ['product', 'products']),
		);
	return { baskets: Number(row?.baskets ?? 0), products: Number(row?.products ?? 0) };
}
