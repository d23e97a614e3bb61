// GET /crm/rfm/grid on a real Directus 12 (SQLite) over the demo data: empty before RFM runs, then every one of the
// 25 cells matches an aggregate computed here from the customers Directus returns; 403 without a token.
import { customEndpoint, readItems } from '@directus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootCrm, type CrmInstance } from '../harness/crm.ts';
import { loadDemoData } from '../../seed/load-demo.ts';

interface Grid {
	computedAt: string | null;
	cells: { r: number; f: number; customers: number; avgMonetary: number }[];
	unscored: number;
}
type Customer = { rfm_r: number | null; rfm_f: number | null; total_spent: number | string };

let crm: CrmInstance;
beforeAll(async () => {
	crm = await bootCrm('rfm-grid', { db: 'sqlite' });
	await loadDemoData(crm.client, { now: new Date(), customers: 40, seed: 11, log: () => {} });
});
afterAll(async () => {
	await crm?.stop();
});

const readGrid = async () =>
	(await crm.client.request(customEndpoint({ path: '/crm/rfm/grid', method: 'GET' }))) as Grid;
const readCustomers = async () =>
	(await crm.client.request(
		readItems('crm_customers' as never, { fields: ['rfm_r', 'rfm_f', 'total_spent'], limit: -1 } as never),
	)) as Customer[];

describe('GET /crm/rfm/grid', () => {
	it('returns 25 zero cells with everyone unscored before RFM has run', async () => {
		const [grid, customers] = await Promise.all([readGrid(), readCustomers()]);
		expect(grid.computedAt).toBeNull();
		expect(grid.cells).toHaveLength(25);
		expect(grid.cells.every((c) => c.customers === 0 && c.avgMonetary === 0)).toBe(true);
		expect(grid.unscored).toBe(customers.length);
	});

	it('matches, cell by cell, an aggregate over the customers after POST /crm/rfm/refresh', async () => {
		const before = Date.now();
		await crm.client.request(customEndpoint({ path: '/crm/rfm/refresh', method: 'POST', body: JSON.stringify({}) }));
		const [grid, customers] = await Promise.all([readGrid(), readCustomers()]);

		expect(new Date(grid.computedAt!).getTime()).toBeGreaterThanOrEqual(before - 1000);
		expect(grid.cells.map((c) => `${c.r}${c.f}`)).toEqual(
			[1, 2, 3, 4, 5].flatMap((r) => [1, 2, 3, 4, 5].map((f) => `${r}${f}`)),
		);

		const scored = customers.filter((c) => c.rfm_r !== null && c.rfm_f !== null);
		expect(scored.length).toBeGreaterThan(0);
		expect(grid.unscored).toBe(customers.length - scored.length);
		for (const cell of grid.cells) {
			const inCell = scored.filter((c) => Number(c.rfm_r) === cell.r && Number(c.rfm_f) === cell.f);
			const average = inCell.length ? inCell.reduce((sum, c) => sum + Number(c.total_spent), 0) / inCell.length : 0;
			expect({ r: cell.r, f: cell.f, customers: cell.customers }).toEqual({
				r: cell.r,
				f: cell.f,
				customers: inCell.length,
			});
			expect(cell.avgMonetary).toBeCloseTo(average, 1);
		}
		expect(grid.cells.reduce((sum, c) => sum + c.customers, 0)).toBe(scored.length);
		expect(grid.cells.filter((c) => c.customers > 0).length).toBeGreaterThan(1);
	});

	it('answers 403 without a token', async () => {
		const response = await fetch(`${crm.url}/crm/rfm/grid`);
		expect(response.status).toBe(403);
		expect((await response.json()).errors[0].extensions.code).toBe('FORBIDDEN');
	});
});
