// The segment builder interface in the real Directus admin: build a rule by clicking, watch the live count and the
// Korean summary, save, and read the saved rule back through the API.
// Needs Debian Chromium at /usr/bin/chromium (apt-get install chromium; fonts-noto-cjk for readable screenshots).
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { aggregate, readItems } from '@directus/sdk';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../seed/load-demo.ts';
import { bootCrm, type CrmInstance } from '../harness/crm.ts';
import { launchBrowser, logIn, prepareKoreanAdmin, SHOTS, withFailureScreenshot, type AdminBrowser } from '../harness/browser.ts';

const SEGMENT_NAME = '단골 고객 (e2e)';
const EXPECTED_RULE = { all: [{ type: 'orders', metric: 'count', op: 'gte', value: 3 }] };

let crm: CrmInstance;
let browserSession: AdminBrowser;
let context: BrowserContext;
let expectedCount: number;

beforeAll(async () => {
	crm = await bootCrm('e2e-segment-builder', { db: 'sqlite' });
	await prepareKoreanAdmin(crm);
	await loadDemoData(crm.client, { now: new Date(), customers: 40, seed: 11, log: () => {} });
	const [row] = (await crm.client.request(
		aggregate('crm_customers' as never, { aggregate: { count: '*' }, query: { filter: { order_count: { _gte: 3 } } } } as never),
	)) as unknown as { count: number | string }[];
	expectedCount = Number(row!.count);
	browserSession = await launchBrowser({ width: 1440, height: 1100 });
	context = browserSession.context;
});

afterAll(async () => {
	await browserSession?.close();
	await crm?.stop();
});

/** Opens a Directus v-select and picks the option with this exact text. */
async function pick(page: Page, select: ReturnType<Page['locator']>, option: string) {
	await select.click();
	await page.locator('.v-menu-content .v-list-item').filter({ hasText: new RegExp(`^\\s*${option.replace(/[()]/g, '\\$&')}\\s*$`) }).first().click();
}

describe('segment builder interface', () => {
	it('builds a rule by clicking, previews it live and saves it', async () => {
		expect(expectedCount, 'demo data has customers with 3+ orders').toBeGreaterThan(0);
		const page = await context.newPage();
		await withFailureScreenshot(page, 'segment-builder', async () => {
			await logIn(page, crm.url);

			await page.goto(`${crm.url}/admin/content/crm_segments/+`);
			const builder = page.locator('.crm-segment-builder');
			await builder.waitFor({ timeout: 60_000 });
			await expect.poll(() => builder.locator('.summary-text').innerText()).toBe('규칙이 없습니다. 조건을 추가하세요.');

			await builder.locator('.add-condition').first().click();
			const condition = builder.locator('.rule-condition').first();
			await condition.waitFor();
			await pick(page, condition.locator('.condition-type'), '주문');
			await pick(page, condition.locator('.condition-metric'), '주문 횟수');
			await pick(page, condition.locator('.condition-op'), '이상');
			await condition.locator('.value-input input').fill('3');

			await expect.poll(() => builder.locator('.summary-text').innerText(), { timeout: 10_000 }).toBe('3회 이상 구매한 고객');
			await expect.poll(() => builder.locator('.count-value').getAttribute('data-count').catch(() => null), { timeout: 20_000 }).toBe(String(expectedCount));
			await expect.poll(() => builder.locator('.sample').innerText().catch(() => ''), { timeout: 10_000 }).toContain('예시');

			await page.locator('[data-field="name"] input').fill(SEGMENT_NAME);
			// The form scrolls inside the page, so bring the builder's preview into view for the screenshot.
			await builder.locator('.preview').scrollIntoViewIfNeeded();
			mkdirSync(SHOTS, { recursive: true });
			await page.screenshot({ path: resolve(SHOTS, 'segment-builder.png') });

			await page.keyboard.press('Control+s');
			await page.waitForURL((url) => !url.pathname.endsWith('/+'), { timeout: 30_000 });
			const [saved] = (await crm.client.request(readItems('crm_segments' as never, { filter: { name: { _eq: SEGMENT_NAME } }, fields: ['id', 'rule'] } as never))) as { id: number; rule: unknown }[];
			expect(saved, 'the segment was saved').toBeDefined();
			expect(typeof saved!.rule === 'string' ? JSON.parse(saved!.rule) : saved!.rule).toEqual(EXPECTED_RULE);
		});
	});
});
