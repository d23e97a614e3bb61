// Reads the stored rules: a customer's recommendations (ONE query: the products they bought with their rules, then
// ranked in memory by domain/recommendations), one product's "also bought" list, and when they were computed.
import type { Knex } from 'knex';
import { parseTimestamp, PURCHASE_STATUSES } from '../../domain/customer-stats/order-stats';
import { parseStoredRules, rankForCustomer, type Recommendation, type StoredRule } from '../../domain/recommendations';

/** Products the customer bought in a paid or fulfilled order (any time), with their stored rules. */
function boughtProducts(knex: Knex, customer: number): Knex.QueryBuilder {
	const bought = knex('crm_order_lines as l')
		.join('crm_orders as o', 'o.id', 'l.order')
		.distinct('l.product')
		.where('o.customer', customer)
		.whereIn('o.status', [...PURCHASE_STATUSES])
		.whereNotNull('l.product')
		.where((kind) => kind.where('l.kind', 'product').orWhereNull('l.kind'));
	return knex('crm_products').select('id', 'name', 'also_bought').whereIn('id', bought);
}

/** The customer's top `limit` recommendations in ONE query (the follow-up templates read them per message). */
export async function customerRecommendations(knex: Knex, customer: number, limit: number): Promise<Recommendation[]> {
	const rows = (await boughtProducts(knex, customer)) as Record<string, unknown>[];
	return rankForCustomer(
		rows.map((row) => ({ product: Number(row.id), name: (row.name as string | null) ?? null, rules: row.also_bought })),
		limit,
	);
}

/** When the rules were last computed (null: never). */
export async function lastRefreshedAt(knex: Knex): Promise<string | null> {
	const row = await knex('crm_products').max({ at: 'also_bought_at' }).first();
	return parseTimestamp(row?.at)?.toISOString() ?? null;
}

export interface AlsoBought {
	product: number;
	name: string;
	data: StoredRule[];
	computed_at: string | null;
}

export async function productAlsoBought(knex: Knex, product: number): Promise<AlsoBought | null> {
	const row = await knex('crm_products').first('id', 'name', 'also_bought', 'also_bought_at').where('id', product);
	if (!row) return null;
	return {
		product: Number(row.id),
		name: row.name,
		data: parseStoredRules(row.also_bought),
		computed_at: parseTimestamp(row.also_bought_at)?.toISOString() ?? null,
	};
}
