import type { Knex } from 'knex';

/** Who referred these customers (crm_customers.referred_by), each once: their `referrals` counts may have changed. */
export async function referrersOf(knex: Knex, customers: number[]): Promise<number[]> {
	if (!customers.length) return [];
	const rows = await knex('crm_customers').distinct('referred_by').whereIn('id', customers).whereNotNull('referred_by');
	return rows.map((row) => Number(row.referred_by));
}
