// The CRM on a real Directus 12 (SQLite): schema, translations, the health endpoint, the stats hook, idempotent install.
import {
	createItem,
	deleteItem,
	readCollections,
	readItem,
	readRoles,
	updateItem,
	readDashboards,
	readPanels,
} from '@directus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installCrm } from '../../scripts/lib/install-crm.ts';
import { FOLDERS } from '../../scripts/snapshot/definition-folders.ts';
import { COLLECTIONS } from '../../scripts/snapshot/definition.ts';
import { ROLES } from '../../scripts/lib/roles.ts';
import { bootCrm, type CrmInstance } from '../harness/crm.ts';
import { loadDemoData } from '../../seed/load-demo.ts';
import { readItems, aggregate, customEndpoint } from '@directus/sdk';

let crm: CrmInstance;
beforeAll(async () => {
	crm = await bootCrm('sqlite');
});
afterAll(async () => {
	await crm?.stop();
});

describe('CRM on SQLite', () => {
	it('reports the extension and schema versions at /crm/health', async () => {
		const health = await (await fetch(`${crm.url}/crm/health`)).json();
		expect(health).toMatchObject({
			status: 'ok',
			extension: { name: 'directus-extension-crm', version: '0.1.0' },
			schema: { expected: '5', applied: '5' },
		});
	});

	it('creates every crm_ collection with Korean and English names, within the collection budget', async () => {
		const collections = await crm.client.request(readCollections());
		// Navigation folders are collections without a table: not part of the budget.
		const crmCollections = collections.filter((c) => c.collection.startsWith('crm_') && c.schema !== null);
		const folders = collections.filter((c) => c.collection.startsWith('crm_') && c.schema === null);
		expect(folders.map((c) => c.collection).sort()).toEqual(FOLDERS.map((f) => f.collection).sort());
		expect(collections.find((c) => c.collection === 'crm_orders')?.meta?.group).toBe('crm_folder_customers');
		expect(crmCollections.map((c) => c.collection).sort()).toEqual(COLLECTIONS.map((c) => c.collection).sort());
		expect(crmCollections.length).toBeLessThanOrEqual(20);
		const customers = crmCollections.find((c) => c.collection === 'crm_customers')!;
		expect(customers.meta?.translations).toEqual(
			expect.arrayContaining([expect.objectContaining({ language: 'ko-KR', translation: '고객' })]),
		);
	});

	it('installs roles and the CRM dashboard', async () => {
		const roles = await crm.client.request(readRoles({ fields: ['name'] }));
		expect(roles.map((r) => r.name)).toEqual(expect.arrayContaining(ROLES.map((r) => r.name)));
		const [dashboard] = await crm.client.request(readDashboards({ filter: { name: { _eq: 'CRM' } }, fields: ['id'] }));
		const panels = await crm.client.request(
			readPanels({ filter: { dashboard: { _eq: dashboard.id } }, fields: ['type'] }),
		);
		expect(panels.map((p) => p.type)).toEqual(
			expect.arrayContaining(['metric', 'list', 'crm-kpi-card', 'crm-kpi-trend', 'crm-cohort-heatmap', 'crm-rfm-grid']),
		);
	});

	it('changes nothing when installed a second time', async () => {
		const lines: string[] = [];
		await installCrm(crm.client, crm.url, (line) => lines.push(line));
		expect(lines).toEqual([]);
	});

	it('keeps customer statistics in step with orders (create, refund, edit, delete)', async () => {
		const customer = await crm.client.request(
			createItem('crm_customers' as never, { full_name: '김민준', email: 'minjun@example.kr' } as never),
		);
		const stats = async () =>
			(await crm.client.request(
				readItem('crm_customers' as never, customer.id, {
					fields: ['order_count', 'total_spent', 'first_order_at', 'last_order_at'],
				} as never),
			)) as Record<string, unknown>;

		const first = await crm.client.request(
			createItem(
				'crm_orders' as never,
				{ customer: customer.id, status: 'paid', total: 30000, ordered_at: '2026-01-05T10:00:00Z' } as never,
			),
		);
		const second = await crm.client.request(
			createItem(
				'crm_orders' as never,
				{ customer: customer.id, status: 'paid', total: 12000.5, ordered_at: '2026-03-05T10:00:00Z' } as never,
			),
		);
		await crm.client.request(
			createItem(
				'crm_orders' as never,
				{ customer: customer.id, status: 'pending', total: 999, ordered_at: '2026-04-01T10:00:00Z' } as never,
			),
		);
		let now = await stats();
		expect(now.order_count).toBe(2);
		expect(Number(now.total_spent)).toBe(42000.5);
		expect(new Date(now.first_order_at as string).toISOString()).toBe('2026-01-05T10:00:00.000Z');
		expect(new Date(now.last_order_at as string).toISOString()).toBe('2026-03-05T10:00:00.000Z');

		await crm.client.request(updateItem('crm_orders' as never, second.id, { status: 'refunded' } as never));
		now = await stats();
		expect(now.order_count).toBe(1);
		expect(Number(now.total_spent)).toBe(30000);
		expect(new Date(now.last_order_at as string).toISOString()).toBe('2026-01-05T10:00:00.000Z');

		await crm.client.request(updateItem('crm_orders' as never, first.id, { total: 35000 } as never));
		expect(Number((await stats()).total_spent)).toBe(35000);

		await crm.client.request(deleteItem('crm_orders' as never, first.id));
		now = await stats();
		expect(now).toMatchObject({ order_count: 0, first_order_at: null, last_order_at: null });
		expect(Number(now.total_spent)).toBe(0);
	});

	it('rolls the stats back with an order that fails validation', async () => {
		const customer = await crm.client.request(
			createItem('crm_customers' as never, { full_name: 'Jane Smith' } as never),
		);
		await expect(
			crm.client.request(
				createItem('crm_orders' as never, { customer: customer.id, status: 'paid', total: 500 } as never),
			),
		).rejects.toBeTruthy();
		const row = (await crm.client.request(
			readItem('crm_customers' as never, customer.id, { fields: ['order_count', 'total_spent'] } as never),
		)) as Record<string, unknown>;
		expect(row.order_count).toBe(0);
		expect(Number(row.total_spent)).toBe(0);
	});

	it('loads demo data through the API once, with stats that match a recount of the orders', async () => {
		const now = new Date('2026-11-23T00:00:00Z');
		await loadDemoData(crm.client, { now, customers: 40, seed: 7, log: () => {} });
		const count = async (collection: string) =>
			Number(
				(
					(await crm.client.request(aggregate(collection as never, { aggregate: { count: '*' } } as never))) as {
						count: string;
					}[]
				)[0].count,
			);
		const before = {
			customers: await count('crm_customers'),
			orders: await count('crm_orders'),
			lines: await count('crm_order_lines'),
			feedback: await count('crm_feedback'),
		};
		expect(before.orders).toBeGreaterThan(100);
		await loadDemoData(crm.client, { now, customers: 40, seed: 7, log: () => {} });
		expect({
			customers: await count('crm_customers'),
			orders: await count('crm_orders'),
			lines: await count('crm_order_lines'),
			feedback: await count('crm_feedback'),
		}).toEqual(before);

		const customers = (await crm.client.request(
			readItems(
				'crm_customers' as never,
				{
					filter: { external_id: { _starts_with: 'demo-' } },
					fields: ['id', 'order_count', 'total_spent'],
					limit: -1,
				} as never,
			),
		)) as { id: number; order_count: number; total_spent: string }[];
		const recount = (await crm.client.request(
			aggregate(
				'crm_orders' as never,
				{
					aggregate: { count: '*', sum: ['total'] },
					groupBy: ['customer'],
					query: { filter: { status: { _in: ['paid', 'fulfilled'] } }, limit: -1 },
				} as never,
			),
		)) as { customer: number; count: string; sum: { total: string } }[];
		const byCustomer = new Map(recount.map((r) => [Number(r.customer), r]));
		for (const customer of customers) {
			const expected = byCustomer.get(customer.id);
			expect(customer.order_count).toBe(Number(expected?.count ?? 0));
			expect(Number(customer.total_spent)).toBeCloseTo(Number(expected?.sum.total ?? 0), 2);
		}
	});

	it('scores RFM in SQL over the demo data: every buyer in the window gets 1-5 scores and a named cell', async () => {
		const result = (await crm.client.request(
			customEndpoint({ path: '/crm/rfm/refresh', method: 'POST', body: JSON.stringify({ windowDays: 3650 }) }),
		)) as { cells: Record<string, number> };
		const customers = (await crm.client.request(
			readItems(
				'crm_customers' as never,
				{ fields: ['id', 'order_count', 'rfm_r', 'rfm_f', 'rfm_m', 'rfm_cell'], limit: -1 } as never,
			),
		)) as Record<string, number | string | null>[];
		expect(Object.values(result.cells).reduce((a, b) => a + b, 0)).toBe(customers.length);
		for (const customer of customers) {
			if (Number(customer.order_count) > 0) {
				for (const score of ['rfm_r', 'rfm_f', 'rfm_m']) expect(customer[score]).toBeGreaterThanOrEqual(1);
				expect(customer.rfm_cell).not.toBeNull();
			} else expect(customer.rfm_cell).toBeNull();
		}
		expect(new Set(customers.map((c) => c.rfm_f).filter((f) => f !== null)).size).toBe(5);
	});

	it('rejects a bad RFM window with a 400 naming the field', async () => {
		const response = await fetch(`${crm.url}/crm/rfm/refresh`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', authorization: `Bearer ${await adminToken()}` },
			body: JSON.stringify({ windowDays: -5 }),
		});
		expect(response.status).toBe(400);
		expect((await response.json()).errors[0].extensions.field).toBe('windowDays');
	});
});

async function adminToken() {
	const response = await fetch(`${crm.url}/auth/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ email: 'admin@example.com', password: 'test-admin-password' }),
	});
	return (await response.json()).data.access_token as string;
}
