// The RFM grid panel in the real Directus admin (Chromium, Korean user): empty state with the run button, the grid
// after running RFM, and click-through from a cell to that cell's customers (through a personal bookmark).
// Needs Debian Chromium at /usr/bin/chromium.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { createDashboard, createPanel, readItems, readPresets } from '@directus/sdk';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../seed/load-demo.ts';
import { bootCrm, type CrmInstance } from '../harness/crm.ts';
import {
	launchBrowser,
	logIn,
	prepareKoreanAdmin,
	SHOTS,
	withFailureScreenshot,
	type AdminBrowser,
} from '../harness/browser.ts';

let crm: CrmInstance;
let browserSession: AdminBrowser;
let context: BrowserContext;
let dashboardId: string;

beforeAll(async () => {
	crm = await bootCrm('e2e-rfm-grid', { db: 'sqlite' });
	await prepareKoreanAdmin(crm);
	await loadDemoData(crm.client, { now: new Date(), customers: 40, seed: 11, log: () => {} });
	const dashboard = (await crm.client.request(createDashboard({ name: 'RFM', icon: 'grid_view' } as never))) as {
		id: string;
	};
	dashboardId = dashboard.id;
	await crm.client.request(
		createPanel({
			dashboard: dashboardId,
			name: 'RFM',
			type: 'crm-rfm-grid',
			show_header: true,
			position_x: 1,
			position_y: 1,
			width: 30,
			height: 24,
			options: { currency: 'KRW' },
		} as never),
	);
	browserSession = await launchBrowser({ width: 1440, height: 900 });
	context = browserSession.context;
});

afterAll(async () => {
	await browserSession?.close();
	await crm?.stop();
});

describe('RFM grid panel', () => {
	it("shows the empty state, runs RFM, renders 25 cells and opens a cell's customers", async () => {
		const page = await context.newPage();
		await withFailureScreenshot(page, 'rfm-grid', async () => {
			await logIn(page, crm.url);

			await page.goto(`${crm.url}/admin/insights/${dashboardId}`);
			const panel = page.locator('.rfm-grid-panel');
			await panel.locator('[data-state="empty"]').waitFor({ timeout: 60_000 });
			expect(await panel.innerText()).toContain('RFM이 아직 계산되지 않았습니다: 실행하세요');

			await panel.getByRole('button', { name: 'RFM 계산 실행' }).click();
			await panel.locator('[data-state="grid"]').waitFor({ timeout: 60_000 });
			const cells = panel.locator('button.cell');
			expect(await cells.count()).toBe(25);
			expect(await panel.innerText()).toContain('최근성 (R)');
			mkdirSync(SHOTS, { recursive: true });
			await page.screenshot({ path: resolve(SHOTS, 'rfm-grid.png') });

			// The fullest cell: clicking it lands on the customers list filtered to that cell.
			const counts = await cells.evaluateAll((buttons) =>
				buttons.map((b) => ({
					r: Number(b.getAttribute('data-r')),
					f: Number(b.getAttribute('data-f')),
					customers: Number(b.getAttribute('data-customers')),
				})),
			);
			const target = counts.reduce((best, c) => (c.customers > best.customers ? c : best));
			expect(target.customers).toBeGreaterThan(0);
			await panel.locator(`button.cell[data-r="${target.r}"][data-f="${target.f}"]`).click();
			await page.waitForURL(
				(url) => url.pathname === '/admin/content/crm_customers' && url.searchParams.has('bookmark'),
				{ timeout: 30_000 },
			);

			const bookmarkId = Number(new URL(page.url()).searchParams.get('bookmark'));
			const [preset] = (await crm.client.request(readPresets({ filter: { id: { _eq: bookmarkId } } } as never))) as {
				bookmark: string;
				filter: unknown;
			}[];
			expect(preset).toMatchObject({
				bookmark: `RFM R${target.r} · F${target.f}`,
				filter: { _and: [{ rfm_r: { _eq: target.r } }, { rfm_f: { _eq: target.f } }] },
			});
			const inCell = (await crm.client.request(
				readItems(
					'crm_customers' as never,
					{ filter: { rfm_r: { _eq: target.r }, rfm_f: { _eq: target.f } }, fields: ['id'], limit: -1 } as never,
				),
			)) as unknown[];
			expect(inCell.length).toBe(target.customers);
			// The tabular layout renders one row per customer in the cell.
			await expect
				.poll(() => page.locator('.v-table tbody tr, table tbody tr').count(), { timeout: 30_000 })
				.toBe(target.customers);
			await page.screenshot({ path: resolve(SHOTS, 'rfm-grid-cell.png') });
		});
	});
});
