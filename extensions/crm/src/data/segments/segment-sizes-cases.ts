// Test-only: daily segment sizes (data/kpi/snapshots.ts writeSegmentSizes) on SQLite and PostgreSQL: history-based
// counts at the end of a local day, segments without members, archived segments left out, and the idempotent upsert.
import type { Knex } from 'knex';
import { expect, it } from 'vitest';
import { readSnapshots, writeSegmentSizes } from '../kpi/snapshots';
import { toDbTimestamp } from '../timestamps';

const ZONE = 'Asia/Seoul';
/** 10 March 2026 in Seoul runs from 2026-03-09T15:00Z to 2026-03-10T15:00Z. */
const DAY = { year: 2026, month: 3, day: 10 };
const AFTER_DAY = new Date('2026-03-11T03:00:00Z');

export async function createSizeTables(knex: Knex): Promise<void> {
	const pg = !String(knex.client.config.client).includes('sqlite');
	const ts = (t: Knex.CreateTableBuilder, name: string) =>
		pg ? t.timestamp(name, { useTz: true }) : t.bigInteger(name);
	await knex.schema.createTable('crm_segments', (t) => {
		t.increments('id');
		t.string('status');
	});
	await knex.schema.createTable('crm_segment_members', (t) => {
		t.increments('id');
		t.integer('segment');
		t.integer('customer');
		ts(t, 'entered_at');
		ts(t, 'left_at');
	});
	await knex.schema.createTable('crm_kpi_snapshots', (t) => {
		t.increments('id');
		t.string('snapshot_key').unique();
		// Directus: a date column holding epoch ms on SQLite, a date on PostgreSQL.
		if (pg) t.date('day');
		else t.bigInteger('day');
		t.string('kpi');
		t.integer('segment');
		t.float('value');
	});
}

export function segmentSizeCases(db: () => Knex): void {
	const member = (segment: number, customer: number, entered: string, left: string | null = null) => ({
		segment,
		customer,
		entered_at: toDbTimestamp(db(), new Date(entered)),
		left_at: left ? toDbTimestamp(db(), new Date(left)) : null,
	});
	const rows = async () =>
		(await db()('crm_kpi_snapshots').select('snapshot_key', 'kpi', 'segment', 'value').orderBy('snapshot_key')).map(
			(r: { snapshot_key: string; kpi: string; segment: unknown; value: unknown }) => ({
				...r,
				segment: Number(r.segment),
				value: Number(r.value),
			}),
		);

	it('counts each active segment at the end of the local day from membership history, in one upsert', async () => {
		await db()('crm_segments').insert([{ status: 'active' }, { status: 'active' }, { status: 'archived' }]);
		await db()('crm_segment_members').insert([
			member(1, 1, '2026-03-01T00:00:00Z'), // open
			member(1, 2, '2026-03-10T14:59:00Z'), // entered 23:59 local: counted
			member(1, 3, '2026-03-10T15:00:00Z'), // entered at local midnight: the next day
			member(1, 4, '2026-03-01T00:00:00Z', '2026-03-10T01:00:00Z'), // left during the day
			member(1, 5, '2026-03-01T00:00:00Z', '2026-03-10T15:00:00Z'), // left at the day's end: still in that day
			member(3, 1, '2026-03-01T00:00:00Z'), // archived segment: not recorded
		]);
		// While the day runs, the size is the size now: customers 1 and 5 at 14:00 local (4 left at 10:00).
		await writeSegmentSizes(db(), DAY, ZONE, new Date('2026-03-10T05:00:00Z'));
		expect(await rows()).toEqual([
			{ snapshot_key: '2026-03-10:segment_size:1', kpi: 'segment_size', segment: 1, value: 2 },
			{ snapshot_key: '2026-03-10:segment_size:2', kpi: 'segment_size', segment: 2, value: 0 },
		]);
		// After the day: customers 1, 2 and 5. Same rows, value updated.
		await writeSegmentSizes(db(), DAY, ZONE, AFTER_DAY);
		await writeSegmentSizes(db(), DAY, ZONE, AFTER_DAY);
		expect(await rows()).toEqual([
			{ snapshot_key: '2026-03-10:segment_size:1', kpi: 'segment_size', segment: 1, value: 3 },
			{ snapshot_key: '2026-03-10:segment_size:2', kpi: 'segment_size', segment: 2, value: 0 },
		]);
		expect(await readSnapshots(db(), 'segment_size', '2026-03-09', '2026-03-11', 1)).toEqual(
			new Map([['2026-03-10', 3]]),
		);
	});

	it('updates a stored day when its history changes, and keeps other days apart', async () => {
		await db()('crm_segment_members').insert([
			member(1, 6, '2026-03-05T00:00:00Z'),
			member(2, 7, '2026-03-09T00:00:00Z', '2026-03-10T00:00:00Z'),
		]);
		await writeSegmentSizes(db(), DAY, ZONE, AFTER_DAY);
		await writeSegmentSizes(db(), { year: 2026, month: 3, day: 9 }, ZONE, AFTER_DAY);
		expect(Object.fromEntries((await rows()).map((r) => [r.snapshot_key, r.value]))).toEqual({
			'2026-03-09:segment_size:1': 4, // 1, 4, 5 and 6
			'2026-03-09:segment_size:2': 1, // 7 entered 18:00 local on 9 March, left 09:00 local on 10 March
			'2026-03-10:segment_size:1': 4, // 1, 2, 5, 6
			'2026-03-10:segment_size:2': 0,
		});
		expect(await readSnapshots(db(), 'segment_size', '2026-03-09', '2026-03-10', 2)).toEqual(
			new Map([
				['2026-03-09', 1],
				['2026-03-10', 0],
			]),
		);
	});
}
