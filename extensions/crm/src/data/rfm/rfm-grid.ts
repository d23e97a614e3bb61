// The RFM grid (recency x frequency) read with ONE grouped query over crm_customers.
// Average spend of a cell = avg(total_spent): the lifetime spend of the customers scored into that cell (not the
// in-window monetary value RFM scored them on), so the number matches what the customer list shows.
import type { Knex } from 'knex';

export const RFM_SCORES = [1, 2, 3, 4, 5] as const;

export interface RfmGridCell {
	r: number;
	f: number;
	customers: number;
	/** Average lifetime spend (total_spent) of the cell's customers, rounded to 2 decimals; 0 for an empty cell. */
	avgMonetary: number;
}

export interface RfmGrid {
	/** When RFM last ran (max rfm_at), ISO 8601; null when it never ran. */
	computedAt: string | null;
	/** Always 25 cells, r-major (r=1 f=1, r=1 f=2, ... r=5 f=5), empty cells included with zeros. */
	cells: RfmGridCell[];
	/** Customers without scores (no purchase in the RFM window, or RFM not run yet). */
	unscored: number;
}

export interface RfmGridRow {
	rfm_r: number | string | null;
	rfm_f: number | string | null;
	customers: number | string;
	avg_monetary: number | string | null;
	computed_at: number | string | Date | null;
}

/** One grouped query: customers, avg(total_spent) and max(rfm_at) per (rfm_r, rfm_f); the null group is the unscored. */
export function rfmGridQuery(knex: Knex): Knex.QueryBuilder {
	return knex('crm_customers')
		.select('rfm_r', 'rfm_f')
		.select(knex.raw('count(*) AS ??', ['customers']))
		.select(knex.raw('avg(??) AS ??', ['total_spent', 'avg_monetary']))
		.select(knex.raw('max(??) AS ??', ['rfm_at', 'computed_at']))
		.groupBy('rfm_r', 'rfm_f');
}

/** SQLite keeps epoch milliseconds (sometimes as text), PostgreSQL a timestamptz (a Date or a string). */
export function toIso(value: RfmGridRow['computed_at']): string | null {
	if (value === null || value === undefined || value === '') return null;
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
	const date = typeof value === 'number' || /^\d+$/.test(value) ? new Date(Number(value)) : new Date(value);
	return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Shapes the grouped rows into the 25-cell grid. Rows with only one of r/f set are counted as unscored. */
export function shapeRfmGrid(rows: readonly RfmGridRow[]): RfmGrid {
	const byCell = new Map<string, RfmGridCell>();
	let unscored = 0;
	let computedAt: string | null = null;
	for (const row of rows) {
		const at = toIso(row.computed_at);
		if (at && (!computedAt || at > computedAt)) computedAt = at;
		const r = row.rfm_r === null ? null : Number(row.rfm_r);
		const f = row.rfm_f === null ? null : Number(row.rfm_f);
		const customers = Number(row.customers);
		if (r === null || f === null || !RFM_SCORES.includes(r as 1) || !RFM_SCORES.includes(f as 1)) {
			unscored += customers;
			continue;
		}
		byCell.set(`${r}:${f}`, { r, f, customers, avgMonetary: round2(Number(row.avg_monetary ?? 0)) });
	}
	const cells = RFM_SCORES.flatMap((r) =>
		RFM_SCORES.map((f) => byCell.get(`${r}:${f}`) ?? { r, f, customers: 0, avgMonetary: 0 }),
	);
	return { computedAt, cells, unscored };
}

export async function readRfmGrid(knex: Knex): Promise<RfmGrid> {
	return shapeRfmGrid((await rfmGridQuery(knex)) as RfmGridRow[]);
}
