// Which customers of an import file exist already. A file holds up to 50,000 rows, each with up to three keys: the
// look-ups go in chunks of 500 values, far under SQLite's limit on bound variables (#15 finding 10: one whereIn of
// 50,000 e-mails answered 500).
import type { Knex } from 'knex';

const CHUNK = 500;
export const CUSTOMER_KEYS = ['external_id', 'email', 'phone'] as const;
export type CustomerKey = (typeof CUSTOMER_KEYS)[number];

/** `field:value` for every stored customer key among `values` (e-mails compared in lower case). */
export async function storedCustomerKeys(
	knex: Knex,
	values: Record<CustomerKey, string[]>,
	lowerCase: boolean,
): Promise<Set<string>> {
	const keys = new Set<string>();
	for (const field of CUSTOMER_KEYS) {
		const list = [...new Set(values[field])];
		for (let i = 0; i < list.length; i += CHUNK) {
			const rows = await knex('crm_customers')
				.select(field)
				.whereIn(field, list.slice(i, i + CHUNK));
			for (const row of rows) {
				const value = String(row[field] ?? '');
				keys.add(`${field}:${lowerCase ? value.toLowerCase() : value}`);
			}
		}
	}
	return keys;
}
