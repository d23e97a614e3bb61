// The loyalty card on a customer's page in the real admin (Chromium, Korean UI): balance, tier and progress, recent
// movements, and redeeming a reward into a coupon, which the ledger then shows. Needs Debian Chromium.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { createItem, readItems } from '@directus/sdk';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootCrm, type CrmInstance } from '../harness/crm.ts';
import {
	launchBrowser,
	logIn,
	prepareKoreanAdmin,
	SHOTS,
	withFailureScreenshot,
	type AdminBrowser,
} from '../harness/browser.ts';
import { loyaltyHelpers } from '../integration/loyalty-suite.ts';

let crm: CrmInstance;
let browserSession: AdminBrowser;
let context: BrowserContext;
let customerId: number;

beforeAll(async () => {
	crm = await bootCrm('e2e-loyalty-card', { db: 'sqlite' });
	await prepareKoreanAdmin(crm);
	const h = loyaltyHelpers(() => crm);
	const customer = (await crm.client.request(
		createItem('crm_customers' as never, { full_name: '박서연', email: 'seoyeon@example.com' } as never),
	)) as { id: number };
	customerId = customer.id;
	// ₩520,000 → 5,200 base points + 1,000 first-purchase bonus = 6,200: silver, enough for the ₩5,000 coupon.
	await h.order(customerId, [h.product(520_000, { product_name: '겨울 코트' })]);
	browserSession = await launchBrowser({ width: 1440, height: 1000 });
	context = browserSession.context;
});

afterAll(async () => {
	await browserSession?.close();
	await crm?.stop();
});

describe('loyalty card', () => {
	it('shows balance, tier and movements, and redeems a reward into a coupon', async () => {
		const page = await context.newPage();
		await withFailureScreenshot(page, 'loyalty-card', async () => {
			await logIn(page, crm.url);
			await page.goto(`${crm.url}/admin/content/crm_customers/${customerId}`);
			const card = page.locator('.crm-loyalty-card');
			await card.locator('.balance-value').waitFor({ timeout: 60_000 });
			await card.scrollIntoViewIfNeeded();
			expect(await card.locator('.balance-value').getAttribute('data-balance')).toBe('6200');
			const text = await card.innerText();
			expect(text).toContain('6,200 P');
			expect(text).toContain('실버 Silver');
			expect(text).toContain('적립');
			expect(text).toContain('3,800P 더 적립하면 골드 Gold');

			await card.locator('.reward-select').click();
			await page.getByText('5,000원 할인 쿠폰', { exact: false }).first().click();
			await card.locator('.redeem-button').click();
			const code = card.locator('.coupon-code');
			await code.waitFor({ timeout: 30_000 });
			expect(await code.innerText()).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
			await expect
				.poll(async () => card.locator('.balance-value').getAttribute('data-balance'), { timeout: 30_000 })
				.toBe('1200');
			expect(await card.innerText()).toContain('사용');
			mkdirSync(SHOTS, { recursive: true });
			await card.screenshot({ path: resolve(SHOTS, 'loyalty-card.png') });
		});
		const coupons = (await crm.client.request(
			readItems('crm_coupons' as never, { filter: { customer: { _eq: customerId } } } as never),
		)) as { status: string }[];
		expect(coupons.map((coupon) => coupon.status)).toEqual(['issued']);
	});
});
