// The seeded "CRM" dashboard in the real Directus admin (Chromium, Korean user) over demo data: every panel renders
// with data (eight KPI cards with value, change and sparkline, the KPI trend, the cohort heatmap in both modes, the
// RFM grid, the stock list and metric), and every CRM panel reloads when the dashboard auto-refreshes. Needs Debian Chromium at /usr/bin/chromium. Screenshot: .tmp/e2e/kpi-dashboard.png
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { customEndpoint, readDashboards, readPanels, updateSingleton } from '@directus/sdk';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../seed/load-demo.ts';
import { bootCrm, type CrmInstance } from '../harness/crm.ts';
import {
	launchBrowser,
	logIn,
	pickOption,
	prepareKoreanAdmin,
	SHOTS,
	withFailureScreenshot,
	type AdminBrowser,
} from '../harness/browser.ts';
import { DASHBOARD_NAME } from '../../scripts/lib/dashboard.ts';

let crm: CrmInstance;
let browserSession: AdminBrowser;
let context: BrowserContext;
let dashboardId: string;
let panelTypes: string[];

beforeAll(async () => {
	crm = await bootCrm('e2e-kpi-dashboard', { db: 'sqlite' });
	await prepareKoreanAdmin(crm);
	await loadDemoData(crm.client, { now: new Date(), customers: 120, seed: 7, log: () => {} });
	await crm.client.request(customEndpoint({ path: '/crm/rfm/refresh', method: 'POST', body: JSON.stringify({}) }));
	await crm.client.request(
		updateSingleton(
			'crm_settings' as never,
			{ kpi_goals: { retention_rate: 0.5, revenue: { change: 0.1 }, nps: 40 } } as never,
		),
	);
	const [dashboard] = (await crm.client.request(
		readDashboards({ filter: { name: { _eq: DASHBOARD_NAME } }, fields: ['id'] }),
	)) as { id: string }[];
	dashboardId = dashboard.id;
	panelTypes = (
		(await crm.client.request(
			readPanels({ filter: { dashboard: { _eq: dashboardId } }, fields: ['type'], limit: -1 }),
		)) as { type: string }[]
	).map((p) => p.type);
	browserSession = await launchBrowser({ width: 1600, height: 1000 });
	context = browserSession.context;
});

afterAll(async () => {
	await browserSession?.close();
	await crm?.stop();
});

describe('the seeded CRM dashboard', () => {
	it('renders every panel with data', async () => {
		expect(panelTypes.filter((t) => t === 'crm-kpi-card')).toHaveLength(8);
		expect(panelTypes).toEqual(
			expect.arrayContaining(['crm-kpi-trend', 'crm-cohort-heatmap', 'crm-rfm-grid', 'list', 'metric']),
		);

		const page = await context.newPage();
		await withFailureScreenshot(page, 'kpi-dashboard', async () => {
			await logIn(page, crm.url);
			await page.goto(`${crm.url}/admin/insights/${dashboardId}`);

			const cards = page.locator('.kpi-card-panel');
			await expect.poll(() => cards.locator('[data-state="value"]').count(), { timeout: 90_000 }).toBe(8);
			for (const card of await cards.all()) {
				expect((await card.locator('[data-role="value"]').innerText()).trim()).not.toBe('–');
				expect(await card.locator('[data-role="change"]').count()).toBe(1);
			}
			expect(await cards.locator('svg.spark').count()).toBe(8);
			const text = await page.locator('body').innerText();
			for (const label of [
				'매출',
				'구매 고객 수',
				'고객 유지율',
				'재구매율',
				'평균 주문 금액',
				'고객 생애 가치 (실적)',
				'NPS',
				'이탈률',
			])
				expect(text).toContain(label);
			// Goals from crm_settings: retention, revenue (+10 % on last month) and NPS show a progress bar
			expect(await cards.locator('[data-role="goal"]').count()).toBe(3);

			const trend = page.locator('.kpi-trend-panel');
			await trend.locator('[data-state="chart"]').waitFor({ timeout: 60_000 });
			expect(await trend.locator('.series circle').count()).toBeGreaterThanOrEqual(10);
			expect(await trend.innerText()).toContain('전체 고객');

			const heatmap = page.locator('.cohort-heatmap-panel');
			await heatmap.locator('[data-state="heatmap"]').waitFor({ timeout: 60_000 });
			expect(await heatmap.locator('tbody tr[data-cohort]').count()).toBe(12);
			expect(await heatmap.locator('tbody tr[data-cohort] td.cell').first().innerText()).toMatch(/%$/);

			await page.locator('.rfm-grid-panel [data-state="grid"]').waitFor({ timeout: 60_000 });
			expect(await page.locator('.rfm-grid-panel button.cell').count()).toBe(25);

			mkdirSync(SHOTS, { recursive: true });
			await page.screenshot({ path: resolve(SHOTS, 'kpi-dashboard.png'), fullPage: true });

			await page.locator('.rfm-grid-panel').scrollIntoViewIfNeeded();
			await page.screenshot({ path: resolve(SHOTS, 'kpi-dashboard-bottom.png') });

			// The heatmap switches to counts of customers
			await heatmap.locator('button[data-mode="count"]').click();
			expect(await heatmap.locator('tbody tr[data-cohort] td.cell').first().innerText()).toMatch(/^\d[\d,]*$/);
			await heatmap.screenshot({ path: resolve(SHOTS, 'kpi-cohort-counts.png') });
		});
	});

	it('reloads every CRM panel when the dashboard auto-refreshes', async () => {
		// A fresh browser context, so this test logs in by itself whatever the first one did.
		const fresh = await browserSession.browser.newContext({ locale: 'en-US', viewport: { width: 1600, height: 1000 } });
		const page = await fresh.newPage();
		const calls = new Map<string, number>();
		page.on('request', (request) => {
			const path = new URL(request.url()).pathname;
			if (path.startsWith('/crm/')) calls.set(path, (calls.get(path) ?? 0) + 1);
		});
		await withFailureScreenshot(page, 'kpi-dashboard-refresh', async () => {
			await logIn(page, crm.url);
			await page.goto(`${crm.url}/admin/insights/${dashboardId}`);
			const cards = page.locator('.kpi-card-panel');
			await expect.poll(() => cards.locator('[data-state="value"]').count(), { timeout: 90_000 }).toBe(8);
			await page.locator('.rfm-grid-panel [data-state="grid"]').waitFor({ timeout: 60_000 });
			const endpoints = ['/crm/kpi', '/crm/kpi/trend', '/crm/kpi/cohorts', '/crm/rfm/grid'];
			for (const path of endpoints) expect(calls.get(path), path).toBeGreaterThan(0);
			const before = new Map(calls);

			// Directus's own "자동 갱신" (auto refresh) sidebar detail, every 10 seconds.
			const detail = page.locator('.accordion-item').filter({ hasText: '자동 갱신' });
			await detail.locator('.accordion-trigger').click();
			await pickOption(page, detail.locator('.v-select'), '10초');
			for (const path of endpoints) {
				await expect
					.poll(() => calls.get(path) ?? 0, { timeout: 45_000, message: `${path} is requested again` })
					.toBeGreaterThan(before.get(path)!);
			}
			// After the reload every card shows a value again (no error state).
			await expect.poll(() => cards.locator('[data-state="value"]').count(), { timeout: 30_000 }).toBe(8);
			expect(await page.locator('[data-state="error"]').count()).toBe(0);
		}).finally(() => fresh.close());
	});
});
