// The grid query on a real in-memory SQLite, and the pure shaping of its rows.
import knexFactory, { type Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRfmGrid, rfmGridQuery, shapeRfmGrid, toIso } from './rfm-grid';

let knex: Knex;
const at = Date.UTC(2026, 2, 1, 9, 0, 0);

beforeAll(async () => {
	knex = knexFactory({ client: 'sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
	await knex.schema.createTable('crm_customers', (t) => {
		t.increments('id');
		t.integer('rfm_r');
		t.integer('rfm_f');
		t.decimal('total_spent', 12, 2).notNullable().defaultTo(0);
		t.bigInteger('rfm_at');
	});
});
afterAll(async () => knex.destroy());

describe('readRfmGrid', () => {
	it('returns 25 cells (zeros included), null computedAt and every customer unscored before RFM ran', async () => {
		await knex('crm_customers').insert([{ total_spent: 10 }, { total_spent: 0 }]);
		const grid = await readRfmGrid(knex);
		expect(grid.cells).toHaveLength(25);
		expect(grid.cells.every((c) => c.customers === 0 && c.avgMonetary === 0)).toBe(true);
		expect(grid).toMatchObject({ computedAt: null, unscored: 2 });
	});

	it('counts customers and averages lifetime spend per (r, f) in one grouped query', async () => {
		await knex('crm_customers').del();
		await knex('crm_customers').insert([
			{ rfm_r: 5, rfm_f: 5, total_spent: 100, rfm_at: at },
			{ rfm_r: 5, rfm_f: 5, total_spent: 201, rfm_at: at },
			{ rfm_r: 1, rfm_f: 3, total_spent: 10.5, rfm_at: at },
			{ rfm_r: null, rfm_f: null, total_spent: 7, rfm_at: at - 1000 },
		]);
		expect(rfmGridQuery(knex).toSQL().sql).toMatch(/group by/i);
		const grid = await readRfmGrid(knex);
		expect(grid.computedAt).toBe(new Date(at).toISOString());
		expect(grid.unscored).toBe(1);
		expect(grid.cells.find((c) => c.r === 5 && c.f === 5)).toEqual({ r: 5, f: 5, customers: 2, avgMonetary: 150.5 });
		expect(grid.cells.find((c) => c.r === 1 && c.f === 3)).toEqual({ r: 1, f: 3, customers: 1, avgMonetary: 10.5 });
		expect(grid.cells.reduce((sum, c) => sum + c.customers, 0)).toBe(3);
		expect(grid.cells.map((c) => `${c.r}${c.f}`).slice(0, 6)).toEqual(['11', '12', '13', '14', '15', '21']);
	});
});

describe('shapeRfmGrid', () => {
	it('reads PostgreSQL-style strings and treats half-scored or out-of-range rows as unscored', () => {
		const grid = shapeRfmGrid([
			{ rfm_r: '2', rfm_f: '4', customers: '3', avg_monetary: '1234.5678', computed_at: new Date(at) },
			{ rfm_r: 2, rfm_f: null, customers: 1, avg_monetary: null, computed_at: null },
			{ rfm_r: 9, rfm_f: 1, customers: 2, avg_monetary: 5, computed_at: null },
		]);
		expect(grid.cells.find((c) => c.r === 2 && c.f === 4)).toEqual({ r: 2, f: 4, customers: 3, avgMonetary: 1234.57 });
		expect(grid.unscored).toBe(3);
		expect(grid.computedAt).toBe(new Date(at).toISOString());
	});

	it('converts epoch milliseconds, numeric text and ISO text timestamps', () => {
		const iso = new Date(at).toISOString();
		expect([toIso(at), toIso(String(at)), toIso(iso), toIso(null), toIso('nonsense')]).toEqual([
			iso,
			iso,
			iso,
			null,
			null,
		]);
	});
});
