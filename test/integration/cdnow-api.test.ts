// The CLV correctness bar through the CRM's own API.
// - The CDNOW sample imported as customers and orders via POST /crm/events: the per-customer summary computed by the
//   CRM's SQL over a 39-week calibration period reproduces the published BG/NBD (r = 0.243, α = 4.414, a = 0.793,
//   b = 2.426, LL = −9582.4, the 1.226 conditional expectation) and Gamma-Gamma (p = 6.25, q = 3.74, γ = 15.44 on 946
//   repeat buyers) results, and POST /crm/clv/refresh with calibration end 1997-09-30 reproduces the published MBG/NBD
//   and Pareto/NBD fits (the `lifetimes` test suite) as well.
// - The CDNOW master file as it is (23,570 customers, 69,659 purchases, 1997-98; written straight into the tables, as
//   93,000 events through the API would take some 20 minutes here): the refit with calibration end 1997-09-30 runs
//   without a 500 (customer 10244's repeat purchase is $0.00), reproduces the reference parameters (BG/NBD as SciPy
//   and `lifetimes` fit it, MBG/NBD and Pareto/NBD as the domain fits the file read directly), scores each model on
//   the 39-week holdout, stores it all in crm_settings.clv_fit and a prediction on every customer.
import { customEndpoint, readItems, readSingleton } from '@directus/sdk';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clvSummaries, type ClvFitRecord } from '../../extensions/crm/src/data/clv/clv-refit.ts';
import {
	expectedPurchases,
	fitBgnbd,
	fitGammaGamma,
	fitPurchaseModel,
	parseCdnowTransactions,
	summarizeTransactions,
} from '../../extensions/crm/src/domain/clv/index.ts';
import { CDNOW_MASTER, importCdnow } from '../../seed/cdnow/import-cdnow.ts';
import { bootCrm, type CrmInstance } from '../harness/crm.ts';

let crm: CrmInstance;
let imported: Record<string, number>;
type Row = Record<string, any>;

beforeAll(async () => {
	crm = await bootCrm('cdnow-api');
	imported = await importCdnow(crm.client);
}, 600_000);
afterAll(async () => {
	await crm?.stop();
});

const database = () =>
	knexFactory({ client: 'sqlite3', connection: { filename: resolve(crm.dir, 'db.sqlite') }, useNullAsDefault: true });
const refresh = (body?: unknown) =>
	crm.client.request(
		customEndpoint({
			path: '/crm/clv/refresh',
			method: 'POST',
			...(body === undefined ? {} : { body: JSON.stringify(body) }),
		}),
	) as Promise<Row>;
const CALIBRATION = { calibration_end: '1997-09-30', holdout_end: '1998-06-30' };

describe('CDNOW sample through the API', () => {
	it('imports 2,357 customers and 6,919 purchases, and a second import changes nothing', async () => {
		expect(imported).toMatchObject({ customers: 2357, orders: 6919, processed: 2357 + 6919 });
		const again = await importCdnow(crm.client);
		expect(again).toMatchObject({ replayed: 2357 + 6919 });
	});

	it("reproduces the published BG/NBD and Gamma-Gamma fits from the CRM's own SQL summary", async () => {
		const db = database();
		try {
			const customers = await clvSummaries(db, new Date('1997-09-30T00:00:00Z'));
			expect(customers).toHaveLength(2357);
			const fit = fitBgnbd(customers);
			expect(fit.params.r).toBeCloseTo(0.243, 3);
			expect(fit.params.alpha).toBeCloseTo(4.414, 3);
			expect(fit.params.a).toBeCloseTo(0.793, 3);
			expect(fit.params.b).toBeCloseTo(2.426, 3);
			expect(fit.logLikelihood).toBeCloseTo(-9582.4, 1);
			expect(expectedPurchases(fit.params, { frequency: 2, recency: 30.43, age: 38.86 }, 39)).toBeCloseTo(1.226, 3);
			const spend = fitGammaGamma(customers);
			expect(spend.customerCount).toBe(946);
			expect(spend.params.p).toBeCloseTo(6.25, 2);
			expect(spend.params.q).toBeCloseTo(3.74, 2);
			expect(spend.params.gamma).toBeCloseTo(15.44, 2);
		} finally {
			await db.destroy();
		}
	});

	it('refits every model through POST /crm/clv/refresh with calibration end 1997-09-30: the published values', async () => {
		const result = await refresh(CALIBRATION);
		expect(result.customers).toBe(2357);
		const models = Object.fromEntries((result.fit as ClvFitRecord).models.map((m) => [m.kind, m.params]));
		const published = {
			bgnbd: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
			mbgnbd: { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 },
			pareto_nbd: { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 },
		};
		for (const [kind, params] of Object.entries(published))
			for (const [name, value] of Object.entries(params))
				expect(models[kind]![name], `${kind} ${name}`).toBeCloseTo(value, 3);
		expect(result.gammaGamma.p).toBeCloseTo(6.25, 2);
	});

	it('refuses a bad calibration end with a 400 naming the field', async () => {
		for (const body of [
			{ calibration_end: '1997-02-30' },
			{ calibration_end: 'soon' },
			{ holdout_end: '1998-06-30' },
			{ calibration_end: '1997-09-30', holdout_end: '1997-01-01' },
		]) {
			const error = await refresh(body).catch((e: { response?: Response; errors?: { message: string }[] }) => e);
			expect(error.response?.status, JSON.stringify(body)).toBe(400);
			expect(JSON.stringify(error.errors)).toContain(Object.keys(body).at(-1));
		}
	});
});

/** The master file written straight into the tables; the sample's orders set aside (cancelled) first. */
async function loadMaster(db: Knex) {
	await db('crm_orders').update({ status: 'cancelled' });
	const transactions = parseCdnowTransactions(readFileSync(CDNOW_MASTER, 'utf8'));
	const ids = [...new Set(transactions.map((t) => t.customerId))];
	const byExternal = new Map<string, number>();
	for (let i = 0; i < ids.length; i += 400) {
		const chunk = ids.slice(i, i + 400);
		await db('crm_customers').insert(
			chunk.map((id) => ({ external_id: `cdnow-master-${id}`, full_name: `CDNOW ${id}` })),
		);
		const rows = (await db('crm_customers')
			.select('id', 'external_id')
			.whereIn(
				'external_id',
				chunk.map((id) => `cdnow-master-${id}`),
			)) as Row[];
		for (const row of rows) byExternal.set(String(row.external_id).slice('cdnow-master-'.length), Number(row.id));
	}
	for (let i = 0; i < transactions.length; i += 400) {
		await db('crm_orders').insert(
			transactions.slice(i, i + 400).map((t, j) => ({
				external_id: `cdnow-master-${i + j}`,
				customer: byExternal.get(t.customerId),
				ordered_at: Date.parse(`${t.date}T00:00:00Z`),
				total: t.amount,
				currency: 'USD',
				status: 'paid',
			})),
		);
	}
	return { customers: ids.length, orders: transactions.length, transactions, byExternal };
}

describe('CDNOW master as it is', () => {
	let master: Awaited<ReturnType<typeof loadMaster>>;
	beforeAll(async () => {
		const db = database();
		try {
			master = await loadMaster(db);
		} finally {
			await db.destroy();
		}
	}, 120_000);

	it('holds 23,570 customers and 69,659 purchases', () => {
		expect(master).toMatchObject({ customers: 23_570, orders: 69_659 });
	});

	it('refits every model with calibration end 1997-09-30, scores them on the holdout and stores it all', async () => {
		const result = await refresh(CALIBRATION);
		expect(result.customers).toBe(23_570);
		const fit = result.fit as ClvFitRecord;
		expect(fit).toMatchObject({ calibration_end: '1997-09-30', holdout_end: '1998-06-30', holdout_weeks: 39 });
		expect(fit.models.map((m) => m.kind)).toEqual(['bgnbd', 'mbgnbd', 'pareto_nbd']);

		// The references: BG/NBD on CDNOW master as SciPy and `lifetimes` fit it; MBG/NBD and Pareto/NBD as the domain
		// fits the file read directly (no CRM in between).
		const byKind = Object.fromEntries(fit.models.map((m) => [m.kind, m]));
		expect(byKind.bgnbd!.params.r).toBeCloseTo(0.2516, 3);
		expect(byKind.bgnbd!.params.alpha).toBeCloseTo(4.789, 2);
		expect(byKind.bgnbd!.params.a).toBeCloseTo(0.7234, 3);
		expect(byKind.bgnbd!.params.b).toBeCloseTo(2.161, 2);
		const direct = summarizeTransactions(master.transactions, { calibrationEnd: '1997-09-30', timeUnit: 'weeks' });
		for (const kind of ['bgnbd', 'mbgnbd', 'pareto_nbd'] as const) {
			const reference = fitPurchaseModel(kind, direct);
			const stored = byKind[kind]!;
			expect(stored.log_likelihood, kind).toBeCloseTo(reference.logLikelihood, 2);
			for (const [name, value] of Object.entries(reference.model.params))
				expect(stored.params[name], `${kind} ${name}`).toBeCloseTo(value, 3);
			// The holdout: what really happened in the 39 weeks after, the same for every model.
			expect(stored.holdout!.customers).toBe(23_570);
			expect(stored.holdout!.buckets.map((b) => b.frequency)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7+']);
		}
		const actual = new Set(fit.models.map((m) => m.holdout!.actualTotal));
		expect(actual.size).toBe(1);
		const holdoutDays = new Set<string>();
		for (const t of master.transactions)
			if (t.date > '1997-09-30' && t.date <= '1998-06-30') holdoutDays.add(`${t.customerId}|${t.date}`);
		expect([...actual][0]).toBe(holdoutDays.size);
		// The kept model has the smallest holdout RMSE, and the stored reason says so.
		const best = fit.models.reduce((a, b) => (b.holdout!.rmse < a.holdout!.rmse ? b : a));
		expect(result.model).toBe(best.kind);
		expect(fit).toMatchObject({ model: best.kind, reason: 'holdout_rmse' });
		expect(fit.reason_text.ko).toMatch(/검증/);

		// Stored where the admin shows it, and a prediction on every customer, the $0 repeat buyer (10244) included.
		const settings = (await crm.client.request(
			readSingleton('crm_settings' as never, { fields: ['clv_fit'] } as never),
		)) as Row;
		expect(settings.clv_fit).toMatchObject({ model: best.kind, calibration_end: '1997-09-30' });
		const zero = (await crm.client.request(
			readItems(
				'crm_customers' as never,
				{
					filter: { external_id: { _eq: 'cdnow-master-10244' } },
					fields: ['predicted_clv', 'p_alive', 'clv_at'],
				} as never,
			),
		)) as Row[];
		expect(zero).toHaveLength(1);
		expect(zero[0]!.clv_at).not.toBeNull();
		expect(Number(zero[0]!.predicted_clv)).toBeGreaterThanOrEqual(0);
		const unscored = (await crm.client.request(
			readItems(
				'crm_customers' as never,
				{
					filter: { clv_at: { _null: true }, external_id: { _starts_with: 'cdnow-master-' } },
					aggregate: { count: '*' },
				} as never,
			),
		)) as Row[];
		expect(Number(unscored[0]!.count)).toBe(0);
	});
});
