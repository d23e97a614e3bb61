// Reads the events API needs to resolve references (customers, orders, products), inside the event's transaction.
import type { Knex } from 'knex';

type Ref = Record<string, unknown>;

/** The first key of a reference, e.g. { email: 'a@b.co' } → ['email', 'a@b.co']. */
const only = (ref: Ref) => Object.entries(ref)[0] as [string, unknown];

export async function findCustomerId(knex: Knex, ref: Ref): Promise<number | null> {
	const [key, value] = only(ref);
	if (typeof value !== 'string' && typeof value !== 'number') return null;
	const row = await knex('crm_customers').first('id').where(key, value);
	// A merged record's identifiers resolve to the customer it was merged into (its tombstone in crm_history).
	return row ? Number(row.id) : mergedInto(knex, [`${key}:${value}`]);
}

/** The survivor of a merged record named by one of these tombstone keys ("external_id:K-1", "id:42"), if any. */
async function mergedInto(knex: Knex, keys: string[]): Promise<number | null> {
	if (!keys.length) return null;
	const row = await knex('crm_history')
		.first('customer')
		.where('kind', 'merge')
		.whereIn('from_value', keys)
		.orderBy('id', 'desc');
	return row ? Number(row.customer) : null;
}

export interface CustomerMatch {
	id: number;
	external_id: string | null;
	matched_by: 'external_id' | 'email' | 'phone';
	/** Matched through a merged record's tombstone: the identifiers given belong to that record, not to this one. */
	via_merge?: true;
}

/** customer.upsert's match: by external_id, then e-mail, then phone (values already normalised). */
export async function matchCustomer(
	knex: Knex,
	keys: { external_id?: unknown; email?: unknown; phone?: unknown },
): Promise<CustomerMatch | null> {
	for (const key of ['external_id', 'email', 'phone'] as const) {
		if (keys[key] === undefined) continue;
		const row = await knex('crm_customers')
			.first('id', 'external_id')
			.where(key, keys[key] as string);
		if (row) return { id: Number(row.id), external_id: row.external_id ?? null, matched_by: key };
	}
	// One look-up of the merge tombstones, only when nothing matched (a new customer, or one merged away).
	const given = (['external_id', 'email', 'phone'] as const).filter((key) => typeof keys[key] === 'string');
	const survivor = await mergedInto(
		knex,
		given.map((key) => `${key}:${keys[key]}`),
	);
	if (survivor === null) return null;
	const row = await knex('crm_customers').first('id', 'external_id').where('id', survivor);
	return row
		? { id: Number(row.id), external_id: row.external_id ?? null, matched_by: given[0], via_merge: true }
		: null;
}

export interface OrderRow {
	id: number;
	status: string;
	customer: number;
}

export async function findOrder(knex: Knex, ref: Ref): Promise<OrderRow | null> {
	const [key, value] = only(ref);
	const row = await knex('crm_orders')
		.first('id', 'status', 'customer')
		.where(key, typeof value === 'number' ? value : String(value));
	return row ? { id: Number(row.id), status: row.status, customer: Number(row.customer) } : null;
}

export interface ProductRow {
	id: number;
	name: string;
	category: string | null;
}

export async function productsBySku(knex: Knex, skus: string[]): Promise<Map<string, ProductRow>> {
	const unique = [...new Set(skus)];
	if (!unique.length) return new Map();
	const rows = await knex('crm_products').select('id', 'sku', 'name', 'category').whereIn('sku', unique);
	return new Map(
		rows.map((row) => [row.sku as string, { id: Number(row.id), name: row.name, category: row.category ?? null }]),
	);
}
