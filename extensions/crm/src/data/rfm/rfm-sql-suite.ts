// The RFM SQL assertions, shared by the SQLite and the PostgreSQL test files: each passes a live knex.
import type { Knex } from 'knex';
import { beforeEach, describe, expect, it } from 'vitest';
import { cellFor, DEFAULT_RFM_CELLS, type RfmCell } from '../../domain/rfm/rfm-cells';
import { DAY_MS, recencyDays, rfmScores, RFM_PURCHASE_STATUSES } from '../../domain/rfm/rfm-scoring';
import { randomInt, seededRandom } from '../../domain/shared/seeded-random';
import { toDbTimestamp } from '../timestamps';
import { applyRfmScores, computeRfmScores } from './rfm-scores-query';

export const NOW = new Date('2026-03-01T12:00:00Z');
const WINDOW = { now: NOW, windowDays: 365 };

interface Order {
	customer: number;
	status: string;
	orderedAt: Date;
	total: number;
}

interface ScoreRow {
	customer: number;
	recency_days: number | null;
	frequency: number | null;
	monetary: number | null;
	r: number | null;
	f: number | null;
	m: number | null;
	cell: string | null;
}

const daysAgo = (days: number, hours = 0) => new Date(NOW.getTime() - days * DAY_MS - hours * 3_600_000);

async function createTables(knex: Knex): Promise<void> {
	const sqlite = String(knex.client.config.client).includes('sqlite');
	await knex.schema.dropTableIfExists('crm_orders');
	await knex.schema.dropTableIfExists('crm_customers');
	await knex.schema.createTable('crm_customers', (table) => {
		table.increments('id');
		table.string('status').defaultTo('active');
		table.integer('rfm_r');
		table.integer('rfm_f');
		table.integer('rfm_m');
		table.string('rfm_cell');
		if (sqlite) table.bigInteger('rfm_at');
		else table.timestamp('rfm_at', { useTz: true });
	});
	await knex.schema.createTable('crm_orders', (table) => {
		table.increments('id');
		table.integer('customer').references('crm_customers.id');
		table.string('status');
		if (sqlite) table.bigInteger('ordered_at');
		else table.timestamp('ordered_at', { useTz: true });
		table.decimal('total', 12, 2);
	});
}

async function seed(knex: Knex, customers: number, orders: Order[]): Promise<void> {
	const rows = Array.from({ length: customers }, (_, i) => ({ id: i + 1, status: 'active' }));
	for (let i = 0; i < rows.length; i += 200) await knex('crm_customers').insert(rows.slice(i, i + 200));
	const orderRows = orders.map((o) => ({
		customer: o.customer,
		status: o.status,
		ordered_at: toDbTimestamp(knex, o.orderedAt),
		total: o.total,
	}));
	for (let i = 0; i < orderRows.length; i += 150) await knex('crm_orders').insert(orderRows.slice(i, i + 150));
}

async function scoresByCustomer(knex: Knex, cells?: readonly RfmCell[]): Promise<Map<number, ScoreRow>> {
	const rows = await computeRfmScores(knex, { ...WINDOW, cells });
	return new Map(rows.map((row: Record<string, unknown>) => [Number(row.customer), normalize(row)]));
}

function normalize(row: Record<string, unknown>): ScoreRow {
	const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
	return {
		customer: Number(row.customer),
		recency_days: num(row.recency_days),
		frequency: num(row.frequency),
		monetary: num(row.monetary),
		r: num(row.r),
		f: num(row.f),
		m: num(row.m),
		cell: (row.cell as string | undefined) ?? null,
	};
}

/** Independent JS computation of what the SQL should return. */
function reference(orders: Order[], cells: readonly RfmCell[] = DEFAULT_RFM_CELLS): Map<number, ScoreRow> {
	const from = NOW.getTime() - WINDOW.windowDays * DAY_MS;
	const byCustomer = new Map<number, Order[]>();
	for (const o of orders) {
		const t = o.orderedAt.getTime();
		if (!(RFM_PURCHASE_STATUSES as readonly string[]).includes(o.status) || t <= from || t > NOW.getTime()) continue;
		byCustomer.set(o.customer, [...(byCustomer.get(o.customer) ?? []), o]);
	}
	const customers = [...byCustomer.keys()];
	const measures = customers.map((c) => {
		const list = byCustomer.get(c)!;
		const last = new Date(Math.max(...list.map((o) => o.orderedAt.getTime())));
		return {
			recencyDays: recencyDays(NOW, last),
			frequency: list.length,
			monetary: Math.round(list.reduce((s, o) => s + o.total, 0) * 100) / 100,
		};
	});
	const scores = rfmScores(measures);
	return new Map(
		customers.map((c, i) => {
			const { r, f, m } = scores[i];
			const x = measures[i];
			return [
				c,
				{
					customer: c,
					recency_days: x.recencyDays,
					frequency: x.frequency,
					monetary: x.monetary,
					r,
					f,
					m,
					cell: cellFor(r, f, m, cells)?.name ?? null,
				},
			];
		}),
	);
}

/** ~500 customers: most buy once, some never, some only outside the window or with non-purchase statuses. */
function randomOrders(seedValue: number, customers: number): Order[] {
	const random = seededRandom(seedValue);
	const orders: Order[] = [];
	for (let customer = 1; customer <= customers; customer++) {
		const kind = random();
		if (kind < 0.08) continue; // never ordered
		const count = kind < 0.6 ? 1 : randomInt(random, 1, 12);
		for (let i = 0; i < count; i++) {
			const status =
				random() < 0.85
					? random() < 0.5
						? 'paid'
						: 'fulfilled'
					: ['pending', 'refunded', 'cancelled'][randomInt(random, 0, 2)];
			const days = kind < 0.12 ? randomInt(random, 366, 700) : randomInt(random, -3, 400); // -3: after `now`, ignored
			const total =
				random() < 0.4 ? [10000, 25000, 50000][randomInt(random, 0, 2)] : randomInt(random, 100, 300000) / 100;
			orders.push({ customer, status, orderedAt: daysAgo(days, randomInt(random, 0, 23)), total });
		}
	}
	return orders;
}

export function rfmSqlSuite(getKnex: () => Knex): void {
	describe('RFM scores in SQL', () => {
		beforeEach(async () => createTables(getKnex()));

		it('measures only purchases inside (now - windowDays, now] and leaves other customers out', async () => {
			const knex = getKnex();
			await seed(knex, 5, [
				{ customer: 1, status: 'paid', orderedAt: daysAgo(2, 5), total: 100.5 },
				{ customer: 1, status: 'fulfilled', orderedAt: daysAgo(40), total: 99.5 },
				{ customer: 1, status: 'refunded', orderedAt: daysAgo(1), total: 1000 },
				{ customer: 2, status: 'paid', orderedAt: daysAgo(365), total: 10 }, // exactly at the window start: excluded
				{ customer: 2, status: 'paid', orderedAt: daysAgo(364, 23), total: 20 },
				{ customer: 3, status: 'paid', orderedAt: daysAgo(400), total: 10 },
				{ customer: 4, status: 'pending', orderedAt: daysAgo(3), total: 10 },
				{ customer: 5, status: 'paid', orderedAt: daysAgo(-1), total: 10 }, // after now
			]);
			const scores = await scoresByCustomer(knex);
			expect([...scores.keys()].sort()).toEqual([1, 2]);
			expect(scores.get(1)).toMatchObject({ recency_days: 2, frequency: 2, monetary: 200, r: 2, f: 2, m: 2 });
			expect(scores.get(2)).toMatchObject({ recency_days: 364, frequency: 1, monetary: 20, r: 1, f: 1, m: 1 });
		});

		it('(a) never splits tied customers across scores, where ntile(5) would', async () => {
			const knex = getKnex();
			const frequencies = [1, 1, 2, 2, 2, 3, 3, 3, 4, 5, 5, 6, 6, 6, 6];
			await seed(
				knex,
				frequencies.length,
				frequencies.flatMap((count, i) =>
					Array.from({ length: count }, () => ({ customer: i + 1, status: 'paid', orderedAt: daysAgo(10), total: 10 })),
				),
			);
			const scores = await scoresByCustomer(knex);
			const byFrequency = new Map<number, Set<number>>();
			for (const row of scores.values())
				byFrequency.set(row.frequency!, (byFrequency.get(row.frequency!) ?? new Set()).add(row.f!));
			for (const set of byFrequency.values()) expect(set.size).toBe(1);
			expect([...byFrequency.entries()].sort((a, b) => a[0] - b[0]).map(([fr, s]) => [fr, [...s][0]])).toEqual([
				[1, 1],
				[2, 1],
				[3, 2],
				[4, 3],
				[5, 4],
				[6, 5],
			]);
			// The same data through ntile(5): the three customers with frequency 2 land in two different bins.
			const ntile = await knex
				.select('frequency', knex.raw('ntile(5) over (order by ??) AS ??', ['frequency', 'bin']))
				.from(computeRfmScores(knex, WINDOW).as('scores'));
			expect(new Set(ntile.filter((row) => Number(row.frequency) === 2).map((row) => Number(row.bin))).size).toBe(2);
		});

		it('(b) uses every score 1..5 with >= 5 distinct values, (c) exactly 2 scores with 2 distinct values', async () => {
			const knex = getKnex();
			// Monetary: 7 distinct values; recency: 2 distinct days (90% vs 10%); frequency: all equal.
			const totals = [5, 5, 7, 9, 9, 9, 11, 13, 13, 20];
			await seed(
				knex,
				totals.length,
				totals.map((total, i) => ({ customer: i + 1, status: 'paid', orderedAt: daysAgo(i === 0 ? 50 : 3), total })),
			);
			const rows = [...(await scoresByCustomer(knex)).values()];
			expect([...new Set(rows.map((r) => r.m))].sort()).toEqual([1, 2, 3, 4, 5]);
			expect([...new Set(rows.map((r) => r.r))].sort()).toEqual([1, 2]);
			expect([...new Set(rows.map((r) => r.f))]).toEqual([1]);
		});

		it('(d) heavy ties: 80% one-time buyers get F = 1 and repeat buyers spread over 2..5', async () => {
			const knex = getKnex();
			const frequencies = [...Array(80).fill(1), ...[2, 3, 4, 5, 6].flatMap((f) => Array(4).fill(f))] as number[];
			await seed(
				knex,
				frequencies.length,
				frequencies.flatMap((count, i) =>
					Array.from({ length: count }, () => ({ customer: i + 1, status: 'paid', orderedAt: daysAgo(10), total: 10 })),
				),
			);
			const fByFrequency = new Map([...(await scoresByCustomer(knex)).values()].map((row) => [row.frequency, row.f]));
			expect([...fByFrequency.entries()].sort((a, b) => a[0]! - b[0]!)).toEqual([
				[1, 1],
				[2, 2],
				[3, 3],
				[4, 4],
				[5, 5],
				[6, 5],
			]);
		});

		it('matches the JS reference implementation on ~500 seeded random customers', async () => {
			const knex = getKnex();
			const orders = randomOrders(2026, 500);
			await seed(knex, 500, orders);
			const expected = reference(orders);
			const actual = await scoresByCustomer(knex, DEFAULT_RFM_CELLS);
			expect(actual.size).toBeGreaterThan(350);
			expect([...actual.keys()].sort((a, b) => a - b)).toEqual([...expected.keys()].sort((a, b) => a - b));
			for (const [customer, row] of expected) expect(actual.get(customer), `customer ${customer}`).toEqual(row);
			for (const score of ['r', 'f', 'm'] as const)
				expect(new Set([...actual.values()].map((row) => row[score])).size).toBe(5);
		});

		it('applyRfmScores writes scores and cells set-wise and clears customers without purchases', async () => {
			const knex = getKnex();
			const orders = randomOrders(7, 500);
			await seed(knex, 500, orders);
			await knex('crm_customers').update({ rfm_r: 9, rfm_f: 9, rfm_m: 9, rfm_cell: 'stale' }); // must all be overwritten
			await applyRfmScores(knex, WINDOW);
			const expected = reference(orders);
			const customers = await knex('crm_customers')
				.select('id', 'rfm_r', 'rfm_f', 'rfm_m', 'rfm_cell', 'rfm_at')
				.orderBy('id');
			expect(customers).toHaveLength(500);
			for (const c of customers) {
				const want = expected.get(Number(c.id));
				expect({ r: c.rfm_r, f: c.rfm_f, m: c.rfm_m, cell: c.rfm_cell }, `customer ${c.id}`).toEqual(
					want ? { r: want.r, f: want.f, m: want.m, cell: want.cell } : { r: null, f: null, m: null, cell: null },
				);
				expect(new Date(typeof c.rfm_at === 'string' ? Number(c.rfm_at) : c.rfm_at).getTime()).toBe(NOW.getTime());
			}
		});

		it('applyRfmScores honours a custom cell table', async () => {
			const knex = getKnex();
			await seed(
				knex,
				3,
				[1, 2].map((customer) => ({ customer, status: 'paid', orderedAt: daysAgo(customer), total: customer * 10 })),
			);
			const cells: RfmCell[] = [{ name: 'best', label: { en: 'Best', ko: '최고' }, r: [2, 5], fm: [1, 5] }];
			await applyRfmScores(knex, { ...WINDOW, cells });
			const rows = await knex('crm_customers').select('id', 'rfm_cell', 'rfm_r').orderBy('id');
			expect(rows.map((row) => [Number(row.id), row.rfm_cell, row.rfm_r])).toEqual([
				[1, 'best', 2],
				[2, null, 1],
				[3, null, null],
			]);
		});

		it('returns a query usable for a set-wise INSERT ... SELECT', async () => {
			const knex = getKnex();
			await seed(
				knex,
				4,
				[1, 2, 3].map((customer) => ({ customer, status: 'paid', orderedAt: daysAgo(customer * 10), total: 50 })),
			);
			await knex.schema.dropTableIfExists('rfm_snapshot');
			await knex.schema.createTable('rfm_snapshot', (table) => {
				table.integer('customer');
				table.integer('r');
			});
			await knex
				.into(knex.raw('?? (??, ??)', ['rfm_snapshot', 'customer', 'r']))
				.insert(knex.select('customer', 'r').from(computeRfmScores(knex, WINDOW).as('scores')));
			const rows = await knex('rfm_snapshot').select('customer', 'r').orderBy('customer');
			expect(rows.map((row) => [Number(row.customer), Number(row.r)])).toEqual([
				[1, 3],
				[2, 2],
				[3, 1],
			]);
			await knex.schema.dropTable('rfm_snapshot');
		});
	});
}
