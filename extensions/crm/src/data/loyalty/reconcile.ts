// The reconciliation report: cached balances and lot remainders checked against the ledger, set-wise in SQL.
import type { Knex } from 'knex';

export interface Drift {
	customer: number;
	cached: number;
	ledger: number;
	lots: number;
}

/** Customers whose cached balance differs from the ledger sum, or whose unspent lots differ from max(balance, 0). */
export async function balanceDrift(knex: Knex, limit = 100): Promise<Drift[]> {
	const sums = knex('crm_points_ledger')
		.select('customer')
		.sum({ ledger: 'points' })
		.sum({ lots: knex.raw('COALESCE(??, 0)', ['lot_remaining']) })
		.groupBy('customer')
		.as('sums');
	const ledger = knex.raw('COALESCE(??, 0)', ['sums.ledger']);
	const lots = knex.raw('COALESCE(??, 0)', ['sums.lots']);
	const rows = await knex('crm_customers as c')
		.leftJoin(sums, 'sums.customer', 'c.id')
		.select({ customer: 'c.id', cached: 'c.points_balance', ledger, lots })
		.where((where) =>
			where
				.whereRaw('COALESCE(??, 0) <> ?', ['c.points_balance', ledger])
				.orWhereRaw('? <> CASE WHEN ? > 0 THEN ? ELSE 0 END', [lots, ledger, ledger]),
		)
		.orderBy('c.id')
		.limit(limit);
	return rows.map((row) => ({
		customer: Number(row.customer),
		cached: Number(row.cached ?? 0),
		ledger: Number(row.ledger),
		lots: Number(row.lots),
	}));
}
