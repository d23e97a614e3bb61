import knexFactory from 'knex';
import { afterAll, describe, expect, it } from 'vitest';
import { dayKey, dbDay } from './snapshots';
import { bucketCase, plusDays } from './sql';

const sqlite = knexFactory({ client: 'sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
const pg = knexFactory({ client: 'pg' });
afterAll(async () => {
	await sqlite.destroy();
	await pg.destroy();
});

const b = [new Date('2026-01-01T00:00:00Z'), new Date('2026-02-01T00:00:00Z'), new Date('2026-03-01T00:00:00Z')];

describe('KPI SQL helpers', () => {
	it('buckets timestamps by bound instants: epoch ms on SQLite, timestamps on PostgreSQL', () => {
		const lite = bucketCase(sqlite, 'o.ordered_at', b).toSQL();
		expect(lite.sql).toBe(
			'case when `o`.`ordered_at` < ? then null when `o`.`ordered_at` < ? then 0 when `o`.`ordered_at` < ? then 1 else null end',
		);
		expect(lite.bindings).toEqual(b.map((d) => d.getTime()));
		expect(bucketCase(pg, 'o.ordered_at', b).toSQL().bindings).toEqual(b);
		expect(() => bucketCase(pg, 'x', b.slice(0, 1))).toThrow();
	});

	it('puts each row in its bucket on a real SQLite', async () => {
		const rows = [
			Date.parse('2025-12-31T23:59:59Z'),
			Date.parse('2026-01-01T00:00:00Z'),
			Date.parse('2026-02-15T00:00:00Z'),
			Date.parse('2026-03-01T00:00:00Z'),
		];
		const result: { bucket: number | null }[] = await sqlite
			.select(sqlite.raw('? as bucket', [bucketCase(sqlite, 't.at', b)]))
			.from(sqlite.raw(`(${rows.map((at) => `select ${at} as at`).join(' union all ')}) as t`));
		expect(result.map((r) => r.bucket)).toEqual([null, 0, 1, null]);
	});

	it('adds days as milliseconds on SQLite and as an interval on PostgreSQL', () => {
		expect(plusDays(sqlite, sqlite.raw('??', ['m.sent_at']), 7).toSQL()).toMatchObject({
			sql: '(`m`.`sent_at` + ?)',
			bindings: [604_800_000],
		});
		expect(
			plusDays(pg, pg.raw('??', ['m.sent_at']), 7)
				.toSQL()
				.toNative(),
		).toMatchObject({ sql: '("m"."sent_at" + make_interval(days => $1))', bindings: [7] });
	});

	it('stores snapshot days the way Directus stores dates, and reads them back', () => {
		expect(dbDay(sqlite, '2026-03-01')).toBe(Date.parse('2026-03-01T00:00:00Z'));
		expect(dbDay(pg, '2026-03-01')).toBe('2026-03-01');
		expect([
			dayKey(Date.parse('2026-03-01T00:00:00Z')),
			dayKey(String(Date.parse('2026-03-01T00:00:00Z'))),
			dayKey('2026-03-01'),
			dayKey(new Date(2026, 2, 1)),
		]).toEqual(Array(4).fill('2026-03-01'));
	});
});
