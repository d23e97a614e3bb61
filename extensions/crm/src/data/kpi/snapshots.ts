// Daily KPI snapshots: every KPI for one local day, for all customers and for each active segment (its members that
// night), so trends keep the values as they were. One row per day:kpi:segment (unique key; inserting twice is a no-op).
import type { Knex } from 'knex';
import { KPI_IDS } from '../../domain/kpi/definitions';
import { civil, civilDateOf, formatCivil, periodOf, type CivilDate } from '../../domain/kpi/period';
import { SEGMENT_SIZE_KPI } from '../../domain/segments/segment-size';
import { computeKpis } from './compute';
import { isSqlite } from '../dialect';
import { ts } from './sql';

export const snapshotKey = (day: string, kpi: string, segment: number | null) => `${day}:${kpi}:${segment ?? 'all'}`;

/**
 * A date column as Directus stores it: on SQLite epoch milliseconds of that day's UTC midnight (so the admin shows and
 * filters it like any date field), on PostgreSQL a date.
 */
export const dbDay = (knex: Knex, key: string): string | number =>
	isSqlite(knex) ? Date.parse(`${key}T00:00:00Z`) : key;

/** Back to YYYY-MM-DD from what the driver returns (epoch ms, a date string, or a local-midnight Date from pg). */
export function dayKey(value: unknown): string {
	if (value instanceof Date)
		return formatCivil({ year: value.getFullYear(), month: value.getMonth() + 1, day: value.getDate() });
	if (typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value)))
		return new Date(Number(value)).toISOString().slice(0, 10);
	return String(value).slice(0, 10);
}

export interface SnapshotRow {
	snapshot_key: string;
	day: string | number;
	kpi: string;
	segment: number | null;
	value: number;
}

/** The rows for one day (KPIs without a value that day, e.g. no answers for NPS, are not stored). */
export async function snapshotRows(
	knex: Knex,
	day: CivilDate,
	timeZone: string,
	segments: readonly (number | null)[],
): Promise<SnapshotRow[]> {
	const period = periodOf(day, 'day', timeZone);
	const rows: SnapshotRow[] = [];
	for (const segment of segments) {
		const { values } = await computeKpis(knex, KPI_IDS, period, { segment });
		for (const kpi of KPI_IDS) {
			const value = values[kpi];
			if (value === null || value === undefined || !Number.isFinite(value)) continue;
			rows.push({
				snapshot_key: snapshotKey(period.key, kpi, segment),
				day: dbDay(knex, period.key),
				kpi,
				segment,
				value,
			});
		}
	}
	return rows;
}

/** Writes one day's snapshots; returns how many rows were new. */
export async function writeDailySnapshots(knex: Knex, day: CivilDate, timeZone: string): Promise<number> {
	const segments = (await knex('crm_segments').select('id').where('status', 'active').orderBy('id')).map(
		(row: { id: number }) => Number(row.id),
	);
	const rows = await snapshotRows(knex, day, timeZone, [null, ...segments]);
	const key = dbDay(knex, formatCivil(day));
	const before = await countDay(knex, key);
	for (let i = 0; i < rows.length; i += 200)
		await knex('crm_kpi_snapshots')
			.insert(rows.slice(i, i + 200))
			.onConflict('snapshot_key')
			.ignore();
	return (await countDay(knex, key)) - before;
}

async function countDay(knex: Knex, day: string | number): Promise<number> {
	const row = await knex('crm_kpi_snapshots').where('day', day).count({ n: '*' }).first();
	return Number(row?.n ?? 0);
}

/**
 * The nightly job: the `days` complete local days before `now` that have no snapshot yet (so a night the server was
 * down is filled in the next night). Returns the days written.
 */
export async function writeMissingSnapshots(knex: Knex, now: Date, timeZone: string, days = 7): Promise<string[]> {
	const today = civilDateOf(now, timeZone);
	const wanted = Array.from({ length: days }, (_, i) => civil(today.year, today.month, today.day - days + i));
	const keys = wanted.map((day) => dbDay(knex, formatCivil(day)));
	const present = new Set(
		(await knex('crm_kpi_snapshots').distinct('day').whereIn('day', keys).whereNull('segment')).map(
			(row: { day: unknown }) => dayKey(row.day),
		),
	);
	const written: string[] = [];
	for (const day of wanted) {
		if (present.has(formatCivil(day))) continue;
		await writeDailySnapshots(knex, day, timeZone);
		await writeSegmentSizes(knex, day, timeZone, now);
		written.push(formatCivil(day));
	}
	// The last complete day's sizes are upserted on every run, so a re-run updates them rather than skipping.
	if (!written.includes(formatCivil(wanted[days - 1]))) await writeSegmentSizes(knex, wanted[days - 1], timeZone, now);
	return written;
}

/**
 * Every active segment's size (kpi `segment_size`) at the end of local `day`, or at `now` while the day runs:
 * members whose entered_at is before that instant and left_at empty or not before it, so a missed day is filled
 * exactly from the history. ONE grouped INSERT … SELECT (segments without members count 0), upserted on
 * snapshot_key: running it twice keeps one row per segment and day and updates its value.
 */
export async function writeSegmentSizes(knex: Knex, day: CivilDate, timeZone: string, now: Date): Promise<void> {
	const period = periodOf(day, 'day', timeZone);
	const at = ts(knex, new Date(Math.min(period.end.getTime(), now.getTime())));
	// PostgreSQL types a bound parameter in a SELECT list as text; the day column is a date there (epoch ms on SQLite).
	const dayValue = isSqlite(knex) ? '?' : 'CAST(? AS date)';
	await knex.raw(
		`INSERT INTO "crm_kpi_snapshots" ("snapshot_key", "day", "kpi", "segment", "value")
		SELECT ? || CAST("s"."id" AS TEXT), ${dayValue}, ?, "s"."id", COUNT("m"."id")
		FROM "crm_segments" AS "s"
		LEFT JOIN "crm_segment_members" AS "m" ON "m"."segment" = "s"."id" AND "m"."entered_at" < ? AND ("m"."left_at" IS NULL OR "m"."left_at" >= ?)
		WHERE "s"."status" = ?
		GROUP BY "s"."id"
		ON CONFLICT ("snapshot_key") DO UPDATE SET "value" = excluded."value"`,
		[
			`${period.key}:${SEGMENT_SIZE_KPI.id}:`,
			dbDay(knex, period.key),
			SEGMENT_SIZE_KPI.id,
			at,
			at,
			'active',
		] as Knex.RawBinding[],
	);
}

/** Stored values of one KPI between two days (inclusive), for all customers (segment null) or one segment. */
export async function readSnapshots(
	knex: Knex,
	kpi: string,
	from: string,
	to: string,
	segment: number | null,
): Promise<Map<string, number>> {
	const qb = knex('crm_kpi_snapshots')
		.select('day', 'value')
		.where('kpi', kpi)
		.where('day', '>=', dbDay(knex, from))
		.where('day', '<=', dbDay(knex, to));
	if (segment === null) qb.whereNull('segment');
	else qb.where('segment', segment);
	return new Map(
		(await qb).map((row: { day: unknown; value: number | string }) => [dayKey(row.day), Number(row.value)]),
	);
}
