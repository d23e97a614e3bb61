// The CLV correctness bar through the CRM's own API: the CDNOW sample imported as customers and orders via
// POST /crm/events, the per-customer summary computed by the CRM's SQL over a 39-week calibration period, and the
// published BG/NBD (r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4, the 1.226 conditional expectation) and
// Gamma-Gamma (p = 6.25, q = 3.74, γ = 15.44 on 946 repeat buyers) results reproduced from it.
import { customEndpoint } from '@directus/sdk';
import knexFactory from 'knex';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clvSummaries } from '../../extensions/crm/src/data/clv/clv-refit.ts';
import { expectedPurchases, fitBgnbd, fitGammaGamma } from '../../extensions/crm/src/domain/clv/index.ts';
import { importCdnow } from '../../seed/cdnow/import-cdnow.ts';
import { bootCrm, type CrmInstance } from '../harness/crm.ts';

let crm: CrmInstance;
let imported: Record<string, number>;

beforeAll(async () => {
	crm = await bootCrm('cdnow-api');
	imported = await importCdnow(crm.client);
}, 600_000);
afterAll(async () => {
	await crm?.stop();
});

describe('CDNOW through the API', () => {
	it('imports 2,357 customers and 6,919 purchases, and a second import changes nothing', async () => {
		expect(imported).toMatchObject({ customers: 2357, orders: 6919, processed: 2357 + 6919 });
		const again = await importCdnow(crm.client);
		expect(again).toMatchObject({ replayed: 2357 + 6919 });
	});

	it("reproduces the published BG/NBD and Gamma-Gamma fits from the CRM's own SQL summary", async () => {
		const db = knexFactory({
			client: 'sqlite3',
			connection: { filename: resolve(crm.dir, 'db.sqlite') },
			useNullAsDefault: true,
		});
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

	it('stores the predictions on every CDNOW customer through POST /crm/clv/refresh', async () => {
		const result = (await crm.client.request(customEndpoint({ path: '/crm/clv/refresh', method: 'POST' }))) as {
			customers: number;
		};
		expect(result.customers).toBe(2357);
	});
});
