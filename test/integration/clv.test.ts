// Predictive CLV on a real Directus: the per-customer summary computed in SQL equals the domain's own summary of the
// same orders (read independently through the API), the fitted predictions are stored on every buying customer, and
// segments can use them.
import { customEndpoint, readItems } from '@directus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../seed/load-demo.ts';
import { summarizeTransactions } from '../../extensions/crm/src/domain/clv/summary.ts';
import { bootCrm, directDatabase, type CrmInstance } from '../harness/crm.ts';
import { testDatabase } from '../harness/database.ts';
import {
	informativeProbabilityAlive,
	modelExpectedPurchases,
	type PurchaseModel,
} from '../../extensions/crm/src/domain/clv/index.ts';
import { CLV_OPTIONS, clvSummaries } from '../../extensions/crm/src/data/clv/clv-refit.ts';

let crm: CrmInstance;
const now = new Date();
type Row = Record<string, any>;
// The CRM's time zone (Asia/Seoul, nine hours ahead of UTC all year): purchase days are Seoul days.
const SEOUL = 9 * 3_600_000;
const seoul = (at: string | Date) => new Date(new Date(at).getTime() + SEOUL);

beforeAll(async () => {
	crm = await bootCrm('clv', { db: testDatabase() });
	await loadDemoData(crm.client, { now, customers: 150, seed: 23, log: () => {} });
});
afterAll(async () => {
	await crm?.stop();
});

const refresh = () => crm.client.request(customEndpoint({ path: '/crm/clv/refresh', method: 'POST' })) as Promise<Row>;

describe('predictive CLV', () => {
	it('fits BG/NBD, MBG/NBD, Pareto/NBD and Gamma-Gamma and stores the kept model’s predictions on every buyer', async () => {
		const result = await refresh();
		const orders = (await crm.client.request(
			readItems(
				'crm_orders' as never,
				{
					filter: { status: { _in: ['paid', 'fulfilled'] } },
					fields: ['customer', 'ordered_at', 'total'],
					limit: -1,
				} as never,
			),
		)) as Row[];
		const buyers = new Set(orders.map((o) => o.customer));
		expect(result.customers).toBe(buyers.size);
		expect(result.fittedOn).toBe(buyers.size); // under FIT_SAMPLE_LIMIT: the fit used every buyer
		for (const value of [result.bgnbd.r, result.bgnbd.alpha, result.bgnbd.a, result.bgnbd.b])
			expect(value).toBeGreaterThan(0);

		// The SQL summary (Seoul days, weeks) against the domain's summary of the same orders (UTC days of shifted times).
		const expected = summarizeTransactions(
			orders.map((o) => ({ customerId: String(o.customer), date: seoul(o.ordered_at), amount: Number(o.total) })),
			{ calibrationEnd: seoul(now), timeUnit: 'weeks' },
		);
		const customers = (await crm.client.request(
			readItems(
				'crm_customers' as never,
				{
					fields: [
						'id',
						'p_alive',
						'expected_purchases_90d',
						'predicted_clv',
						'clv_at',
						'order_count',
						'last_order_at',
					],
					limit: -1,
				} as never,
			),
		)) as Row[];
		const scored = customers.filter((c) => c.clv_at !== null);
		expect(scored.map((c) => c.id).sort()).toEqual([...buyers].map(Number).sort());
		for (const c of scored) {
			if (c.p_alive !== null) expect(c.p_alive).toBeGreaterThanOrEqual(0);
			if (c.p_alive !== null) expect(c.p_alive).toBeLessThanOrEqual(1);
			expect(c.expected_purchases_90d).toBeGreaterThanOrEqual(0);
			expect(Number(c.predicted_clv)).toBeGreaterThanOrEqual(0);
		}
		// Frequency and recency as the model sees them: frequent recent buyers are expected to buy more than one-off
		// buyers from long ago.
		const byId = new Map(expected.map((s) => [Number(s.customerId), s]));
		const loyal = scored.filter(
			(c) => (byId.get(c.id)?.frequency ?? 0) >= 3 && byId.get(c.id)!.age - byId.get(c.id)!.recency < 8,
		);
		const lapsed = scored.filter((c) => byId.get(c.id)?.frequency === 0 && byId.get(c.id)!.age > 26);
		expect(loyal.length).toBeGreaterThan(0);
		expect(lapsed.length).toBeGreaterThan(0);
		const mean = (rows: Row[], field: string) => rows.reduce((sum, r) => sum + Number(r[field]), 0) / rows.length;
		expect(mean(loyal, 'expected_purchases_90d')).toBeGreaterThan(mean(lapsed, 'expected_purchases_90d'));
		expect(mean(loyal, 'predicted_clv')).toBeGreaterThan(mean(lapsed, 'predicted_clv'));
		// The kept model and why (no calibration end: no holdout, so the most likely of the three), stored for the admin.
		expect(result.fit.models.map((m: Row) => m.kind)).toEqual(['bgnbd', 'mbgnbd', 'pareto_nbd']);
		const best = result.fit.models.reduce((a: Row, b: Row) => (b.log_likelihood > a.log_likelihood ? b : a));
		expect(result).toMatchObject({ model: best.kind, reason: 'log_likelihood' });
		const model = { kind: best.kind, params: best.params } as PurchaseModel;
		// One-time buyers: BG/NBD cannot tell (P(alive) is 1 by construction), so nothing is stored; the other two can.
		for (const c of lapsed) {
			if (model.kind === 'bgnbd') expect(c.p_alive).toBeNull();
			else expect(c.p_alive).toBeLessThan(1);
		}

		// Each customer's stored prediction is the kept model applied to that customer's own summary (the write is
		// batched, so a value landing on the wrong row would show here); 1e-4: PostgreSQL stores these as float4.
		for (const c of scored) {
			const summary = byId.get(c.id)!;
			const pAlive = informativeProbabilityAlive(model, summary);
			if (pAlive === null) expect(c.p_alive, `customer ${c.id}`).toBeNull();
			else expect(c.p_alive, `customer ${c.id}`).toBeCloseTo(pAlive, 4);
			expect(c.expected_purchases_90d, `customer ${c.id}`).toBeCloseTo(
				modelExpectedPurchases(model, summary, CLV_OPTIONS.purchasesDays / 7),
				3,
			);
		}
	});

	it('computes the same x, t_x, T and mean repeat value in SQL as the domain summary of the same orders', async () => {
		const orders = (await crm.client.request(
			readItems(
				'crm_orders' as never,
				{
					filter: { status: { _in: ['paid', 'fulfilled'] } },
					fields: ['customer', 'ordered_at', 'total'],
					limit: -1,
				} as never,
			),
		)) as Row[];
		const expected = summarizeTransactions(
			orders.map((o) => ({ customerId: String(o.customer), date: new Date(o.ordered_at), amount: Number(o.total) })),
			{ calibrationEnd: now, timeUnit: 'weeks' },
		);
		// Read the same database directly, as the extension does.
		const db = await directDatabase(crm);
		try {
			const actual = new Map((await clvSummaries(db, now)).map((row) => [String(row.customer), row]));
			expect(actual.size).toBe(expected.length);
			for (const summary of expected) {
				const row = actual.get(summary.customerId)!;
				expect(row.frequency, summary.customerId).toBe(summary.frequency);
				expect(row.recency).toBeCloseTo(summary.recency, 6);
				expect(row.age).toBeCloseTo(summary.age, 6);
				if (summary.meanRepeatValue === null) expect(row.meanRepeatValue).toBeNull();
				else expect(row.meanRepeatValue).toBeCloseTo(summary.meanRepeatValue, 2);
			}
			// The same on Seoul days: an order at 23:30 UTC belongs to the next Seoul day.
			const local = summarizeTransactions(
				orders.map((o) => ({ customerId: String(o.customer), date: seoul(o.ordered_at), amount: Number(o.total) })),
				{ calibrationEnd: seoul(now), timeUnit: 'weeks' },
			);
			const seoulRows = new Map((await clvSummaries(db, now, 'Asia/Seoul')).map((row) => [String(row.customer), row]));
			for (const summary of local) {
				const row = seoulRows.get(summary.customerId)!;
				expect(row.frequency, summary.customerId).toBe(summary.frequency);
				expect(row.recency).toBeCloseTo(summary.recency, 6);
				expect(row.age).toBeCloseTo(summary.age, 6);
			}
		} finally {
			await db.destroy();
		}
	});

	it('lets segments use the predictions', async () => {
		const atRisk = {
			all: [
				{ type: 'field', field: 'p_alive', op: 'lt', value: 0.3 },
				{ type: 'field', field: 'order_count', op: 'gte', value: 1 },
			],
		};
		const preview = (await crm.client.request(
			customEndpoint({ path: '/crm/segments/preview', method: 'POST', body: JSON.stringify({ rule: atRisk }) }),
		)) as { count: number };
		const direct = (await crm.client.request(
			readItems(
				'crm_customers' as never,
				{ filter: { p_alive: { _lt: 0.3 }, order_count: { _gte: 1 } }, fields: ['id'], limit: -1 } as never,
			),
		)) as Row[];
		expect(preview.count).toBe(direct.length);
	});
});
