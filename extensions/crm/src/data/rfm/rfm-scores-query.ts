// RFM scores computed set-wise in SQL (SQLite >= 3.33 and PostgreSQL): the tie rule of domain/rfm/rfm-scoring,
// written as window functions over nested derived tables. Every value is a bound parameter; only identifiers
// and fixed SQL fragments appear in the SQL text.
import type { Knex } from 'knex';
import { cellKeys, DEFAULT_RFM_CELLS, type RfmCell } from '../../domain/rfm/rfm-cells';
import { RFM_PURCHASE_STATUSES, rfmWindow, type RfmOptions } from '../../domain/rfm/rfm-scoring';
import { toDbTimestamp } from '../timestamps';
import { isSqlite } from '../dialect';

export interface RfmQueryOptions extends RfmOptions {
	/** When given, the query also selects `cell` (the first matching cell's name, null if none matches). */
	cells?: readonly RfmCell[];
}

/** The three measures, each scored by the same rule; recency is negated so that "higher is better" everywhere. */
const MEASURES = [
	{ score: 'r', value: 'r_value' },
	{ score: 'f', value: 'f_value' },
	{ score: 'm', value: 'm_value' },
] as const;

/** Purchase orders inside (now - windowDays, now]: the only rows RFM looks at. */
export function purchasesInWindow(knex: Knex, options: RfmOptions): Knex.QueryBuilder {
	const { from, to } = rfmWindow(options);
	return knex('crm_orders')
		.whereIn('crm_orders.status', [...RFM_PURCHASE_STATUSES])
		.whereNotNull('crm_orders.customer')
		.where('crm_orders.ordered_at', '>', toDbTimestamp(knex, from))
		.where('crm_orders.ordered_at', '<=', toDbTimestamp(knex, to));
}

/** Whole days since the last purchase; SQLite keeps epoch milliseconds, PostgreSQL a timestamptz. */
function recencyDays(knex: Knex, now: Date): Knex.Raw {
	if (isSqlite(knex))
		return knex.raw('CAST((? - max(??)) / 86400000 AS integer)', [now.getTime(), 'crm_orders.ordered_at']);
	return knex.raw('CAST(floor(extract(epoch from (CAST(? AS timestamptz) - max(??))) / 86400) AS integer)', [
		now,
		'crm_orders.ordered_at',
	]);
}

/** One row per customer with a purchase in the window. */
function measures(knex: Knex, options: RfmOptions): Knex.QueryBuilder {
	return purchasesInWindow(knex, options)
		.groupBy('crm_orders.customer')
		.select(
			knex.raw('?? AS ??', ['crm_orders.customer', 'customer']),
			knex.raw('? AS ??', [recencyDays(knex, options.now), 'recency_days']),
			knex.raw('CAST(count(*) AS integer) AS ??', ['frequency']),
			knex.raw('round(sum(??), 2) AS ??', ['crm_orders.total', 'monetary']),
		);
}

/**
 * A knex query selecting customer, recency_days, frequency, monetary, r, f, m (and cell when `cells` is given) for
 * every customer with a purchase in the window. Use it as a subquery to insert or update set-wise.
 * On PostgreSQL `monetary` is a numeric and arrives as a string.
 */
export function computeRfmScores(knex: Knex, options: RfmQueryOptions): Knex.QueryBuilder {
	const valued = knex
		.select(
			'*',
			knex.raw('0 - ?? AS ??', ['recency_days', 'r_value']),
			knex.raw('?? AS ??', ['frequency', 'f_value']),
			knex.raw('?? AS ??', ['monetary', 'm_value']),
		)
		.from(measures(knex, options).as('measured'));

	// below = rank - 1 (customers with a worse value); k = dense rank of the value; n = customers scored.
	const ranked = knex
		.select('*', knex.raw('count(*) over () AS ??', ['n']))
		.select(
			MEASURES.flatMap(({ score, value }) => [
				knex.raw('rank() over (order by ??) AS ??', [value, `${score}_rank`]),
				knex.raw('dense_rank() over (order by ??) AS ??', [value, `${score}_k`]),
			]),
		)
		.from(valued.as('valued'));

	// q = 1 + floor(5 * below / n): integer division of non-negative integers on both databases.
	const quintiled = knex
		.select('*')
		.select(
			MEASURES.flatMap(({ score }) => [
				knex.raw('1 + (5 * (?? - 1)) / ?? AS ??', [`${score}_rank`, 'n', `${score}_q`]),
				knex.raw('max(??) over () AS ??', [`${score}_k`, `${score}_d`]),
			]),
		)
		.from(ranked.as('ranked'));

	// up = k + running min of (q - k): at most one score above the previous distinct value (ties share q and k);
	// low = max(1, min(k, 5 - (d - k))): room for the best value to reach min(d, 5).
	const bounded = knex
		.select('*')
		.select(
			MEASURES.flatMap(({ score, value }) => [
				knex.raw('?? + min(?? - ??) over (order by ?? rows between unbounded preceding and current row) AS ??', [
					`${score}_k`,
					`${score}_q`,
					`${score}_k`,
					value,
					`${score}_up`,
				]),
				knex.raw(
					'CASE WHEN ?? + CASE WHEN ?? > 5 THEN 5 - ?? ELSE 0 END < 1 THEN 1 ELSE ?? + CASE WHEN ?? > 5 THEN 5 - ?? ELSE 0 END END AS ??',
					[`${score}_k`, `${score}_d`, `${score}_d`, `${score}_k`, `${score}_d`, `${score}_d`, `${score}_low`],
				),
			]),
		)
		.from(quintiled.as('quintiled'));

	const scored = knex
		.select('customer', 'recency_days', 'frequency', 'monetary')
		.select(
			MEASURES.map(({ score }) =>
				knex.raw('CAST(CASE WHEN ?? > ?? THEN ?? ELSE ?? END AS integer) AS ??', [
					`${score}_low`,
					`${score}_up`,
					`${score}_low`,
					`${score}_up`,
					score,
				]),
			),
		)
		.from(bounded.as('bounded'));

	if (!options.cells) return scored;
	return knex.select('*', cellCase(knex, options.cells)).from(scored.as('scored'));
}

/** CASE r * 100 + f + m IN (keys of cell 1) THEN name 1 ... — one WHEN per cell, values bound. */
function cellCase(knex: Knex, cells: readonly RfmCell[]): Knex.Raw {
	const rules = cellKeys(cells);
	if (rules.length === 0) return knex.raw('CAST(NULL AS varchar(255)) AS ??', ['cell']);
	const whens = rules
		.map(({ keys }) => `WHEN ?? * 100 + ?? + ?? IN (${keys.map(() => '?').join(', ')}) THEN ?`)
		.join(' ');
	const bindings = rules.flatMap(({ name, keys }) => ['r', 'f', 'm', ...keys, name]);
	return knex.raw(`CASE ${whens} ELSE NULL END AS ??`, [...bindings, 'cell']);
}

/**
 * Writes rfm_r, rfm_f, rfm_m, rfm_cell and rfm_at on every crm_customers row in ONE UPDATE ... FROM (every customer
 * LEFT JOIN scores): customers without a purchase in the window get nulls. rfm_at is `now` for all, so it says when
 * the customer was last evaluated, scored or not. One statement, so it is atomic without a transaction and needs
 * no anti-join over the window's orders to find the unscored (clearing them in a second UPDATE measured 2-5% slower).
 */
export async function applyRfmScores(knex: Knex, options: RfmOptions & { cells?: readonly RfmCell[] }): Promise<void> {
	const cells = options.cells ?? DEFAULT_RFM_CELLS;
	const scores = computeRfmScores(knex, { ...options, cells });
	const everyone = knex('crm_customers as c')
		.leftJoin(scores.as('s'), 's.customer', 'c.id')
		.select({ customer: 'c.id' }, 's.r', 's.f', 's.m', 's.cell');
	await knex.raw('UPDATE ?? SET ?? = ??, ?? = ??, ?? = ??, ?? = ??, ?? = ? FROM (?) AS ?? WHERE ?? = ??', [
		'crm_customers',
		'rfm_r',
		'rfm_scores.r',
		'rfm_f',
		'rfm_scores.f',
		'rfm_m',
		'rfm_scores.m',
		'rfm_cell',
		'rfm_scores.cell',
		'rfm_at',
		toDbTimestamp(knex, options.now),
		everyone,
		'rfm_scores',
		'crm_customers.id',
		'rfm_scores.customer',
	]);
}
