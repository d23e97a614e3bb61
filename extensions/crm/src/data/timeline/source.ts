// A timeline source: one collection whose rows become feed entries. Adding a source = one file exporting a
// TimelineSource plus one line in registry.ts; the endpoint, permission check, merge and cursor need no change.
import type { Knex } from 'knex';
import { parseTimestamp } from '../../domain/customer-stats/order-stats';
import { boundFor, type TimelineCursor, type TimelineEntry } from '../../domain/timeline';
import { toDbTimestamp } from '../timestamps';

export interface SourcePageOptions {
	/** Only rows older than this position in the feed. */
	before: TimelineCursor | null;
	/** At most this many rows. */
	limit: number;
	/** When non-empty, only rows on these channels (a source without channels returns nothing). */
	channels: string[];
}

export interface TimelineSource {
	/** The entry kind (lower-case code, also the filter value and the cursor's kind). */
	kind: string;
	/** The collection it reads: the caller must be allowed to read it, or the kind is hidden. */
	collection: string;
	/** One indexed query: this customer's rows older than `before`, newest first, at most `limit`. */
	page(knex: Knex, customerId: number, options: SourcePageOptions): Promise<TimelineEntry[]>;
}

interface KeysetColumns {
	kind: string;
	customer: string;
	at: string;
	id: string;
}

/**
 * The shared part of every source's query: the customer's rows with a time, past the cursor, newest first,
 * limited. `customer` and `at` are indexed columns in every CRM collection.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Row = Record<string, any>;

export async function keysetPage(
	knex: Knex,
	query: Knex.QueryBuilder,
	customerId: number,
	columns: KeysetColumns,
	options: SourcePageOptions,
): Promise<Row[]> {
	query.where(columns.customer, customerId).whereNotNull(columns.at);
	const bound = boundFor(columns.kind, options.before);
	if (bound) {
		const at = toDbTimestamp(knex, new Date(bound.at));
		if (bound.op === 'tie')
			query.where((older) =>
				older
					.where(columns.at, '<', at)
					.orWhere((tie) => tie.where(columns.at, '=', at).where(columns.id, '<', bound.id)),
			);
		else query.where(columns.at, bound.op, at);
	}
	return (await query
		.orderBy([
			{ column: columns.at, order: 'desc' },
			{ column: columns.id, order: 'desc' },
		])
		.limit(options.limit)) as Row[];
}

/** A stored timestamp (epoch ms on SQLite, Date or string elsewhere) as ISO 8601. */
export const isoTime = (value: unknown) => parseTimestamp(value)?.toISOString() ?? new Date(0).toISOString();

/** A decimal or integer column as a number (PostgreSQL returns decimals as strings). */
export const toNumber = (value: unknown) =>
	value === null || value === undefined || value === '' ? null : Number(value);
