// The real Directus admin in Chromium: a user whose language is ko-KR sees the CRM in Korean and can open a customer.
// Needs Debian Chromium at /usr/bin/chromium (apt-get install chromium; fonts-noto-cjk for readable screenshots).
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { createItem, updateMe, updateSettings } from '@directus/sdk';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/directus-process.ts';
import { ADMIN, bootCrm, type CrmInstance } from '../harness/crm.ts';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = resolve(ROOT, '.tmp/e2e');
const CUSTOMER = { full_name: '김민준', email: 'minjun@example.kr' };

let crm: CrmInstance;
let browser: Browser;
let context: BrowserContext;
let customerId: string | number;

beforeAll(async () => {
	if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
	crm = await bootCrm('e2e-korean', { db: 'sqlite' });
	await crm.client.request(updateMe({ language: 'ko-KR' } as never));
	// Without an owner and usage answer, the admin opens the first-login "project owner" dialog over the app.
	await crm.client.request(updateSettings({ project_owner: ADMIN.email, project_usage: 'personal', product_updates: false } as never));
	const customer = (await crm.client.request(createItem('crm_customers' as never, CUSTOMER as never))) as { id: string | number };
	customerId = customer.id;
	browser = await chromium.launch({
		executablePath: CHROMIUM,
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
	// An English browser: any Korean on screen has to come from the user's language setting.
	context = await browser.newContext({ locale: 'en-US', viewport: { width: 1440, height: 900 } });
});

afterAll(async () => {
	await context?.close().catch(() => {});
	await browser?.close();
	await crm?.stop();
});

/** Runs the browser steps; on failure leaves a screenshot and the page's text behind for debugging. */
async function withFailureScreenshot(page: Page, steps: () => Promise<void>) {
	try {
		await steps();
	} catch (error) {
		mkdirSync(SHOTS, { recursive: true });
		await page.screenshot({ path: resolve(SHOTS, 'customer-failure.png'), fullPage: true }).catch(() => {});
		const text = await page.locator('body').innerText({ timeout: 2_000 }).catch(() => '(no body)');
		console.error(`e2e failure at ${page.url()}; screenshot in .tmp/e2e/customer-failure.png; page text:\n${text.slice(0, 3000)}`);
		throw error;
	}
}

describe('Directus admin in Korean', () => {
	it('logs in, lists the CRM collections in Korean and opens a customer', async () => {
		const page = await context.newPage();
		await withFailureScreenshot(page, async () => {
			await page.goto(`${crm.url}/admin/login`);
			await page.locator('input[type="email"]').fill(ADMIN.email);
			await page.locator('input[type="password"]').fill(ADMIN.password);
			await page.locator('button[type="submit"]').click();
			await page.waitForURL((url) => url.pathname.startsWith('/admin/') && !url.pathname.startsWith('/admin/login'), { timeout: 60_000 });

			// The content module (it redirects to the first collection); its navigation lists the collections.
			// Link names also carry the icon's ligature text ("person 고객"), so match the label element exactly instead.
			await page.goto(`${crm.url}/admin/content`);
			const navigation = page.getByRole('navigation');
			const navLink = (label: string) => navigation.getByRole('link').filter({ has: page.getByText(label, { exact: true }) });
			await navLink('고객').first().waitFor({ timeout: 60_000 });
			const expected = { crm_customers: '고객', crm_orders: '주문', crm_interactions: '상호작용', crm_products: '상품' };
			for (const [collection, label] of Object.entries(expected)) {
				expect(await navLink(label).count(), `navigation link "${label}"`).toBe(1);
				expect(await navLink(label).getAttribute('href'), `navigation link "${label}"`).toMatch(new RegExp(`/admin/content/${collection}$`));
			}
			for (const english of ['Customers', 'Orders', 'Crm Customers']) expect(await navLink(english).count(), `English link "${english}"`).toBe(0);

			await page.goto(`${crm.url}/admin/content/crm_customers/${customerId}`);
			const main = page.getByRole('main');
			// The field label, exactly '이름' (not '호칭 이름'), and the loaded value in an input.
			await main.getByText('이름', { exact: true }).first().waitFor({ timeout: 60_000 });
			await expect
				.poll(() => main.locator('input').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value)), { timeout: 30_000 })
				.toContain(CUSTOMER.full_name);
			expect(await main.getByText('Full name', { exact: true }).count()).toBe(0);
			// The header shows the item through the collection's display template.
			await expect.poll(() => page.getByRole('heading', { level: 1 }).first().innerText(), { timeout: 30_000 }).toContain(CUSTOMER.full_name);

			mkdirSync(SHOTS, { recursive: true });
			await page.screenshot({ path: resolve(SHOTS, 'customer.png') });
		});
	});
});
