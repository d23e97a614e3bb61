// The few places where KPI SQL differs between SQLite (timestamps as epoch-ms integers) and PostgreSQL (timestamptz).
// Everything is bound: instants, day counts and filter values; only generated bucket numbers are literals.
import type { Knex } from 'knex';
import { toDbTimestamp } from '../timestamps';
import { isSqlite } from '../dialect';

export const PURCHASE_STATUSES = ['paid', 'fulfilled'] as const;

/** An instant as the database compares it. */
export const ts = (knex: Knex, date: Date) => toDbTimestamp(knex, date);

/** `expr + days` for a timestamp expression (a column or a raw SQL fragment), as SQL with a bound day count. */
export function plusDays(knex: Knex, expr: Knex.Raw, days: number): Knex.Raw {
	return isSqlite(knex)
		? knex.raw('(? + ?)', [expr, days * 86_400_000])
		: knex.raw('(? + make_interval(days => ?))', [expr, days]);
}

/**
 * Which bucket `column` falls in, given ascending instants b0 < b1 < … < bn: i when b[i] <= column < b[i+1], null outside.
 * A CASE over bound instants, so calendar buckets in any time zone (DST included) are the same on every database.
 */
export function bucketCase(knex: Knex, column: string, boundaries: readonly Date[]): Knex.Raw {
	if (boundaries.length < 2) throw new Error('bucketCase needs at least two boundaries');
	const parts: string[] = ['case when ?? < ? then null'];
	const bindings: unknown[] = [column, ts(knex, boundaries[0])];
	for (let i = 1; i < boundaries.length; i++) {
		parts.push(`when ?? < ? then ${i - 1}`);
		bindings.push(column, ts(knex, boundaries[i]));
	}
	parts.push('else null end');
	return knex.raw(parts.join(' '), bindings as Knex.RawBinding[]);
}

/** A number from what the driver returns (PostgreSQL gives numeric sums and bigint counts as strings). */
export const num = (value: unknown): number =>
	value === null || value === undefined || value === '' ? 0 : Number(value);
