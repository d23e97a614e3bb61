// The real Directus admin in Chromium: a user whose language is ko-KR sees the CRM in Korean and can open a customer.
// Needs Debian Chromium at /usr/bin/chromium (apt-get install chromium; fonts-noto-cjk for readable screenshots).
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { createItem } from '@directus/sdk';
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

const CUSTOMER = { full_name: '김민준', email: 'minjun@example.kr' };

let crm: CrmInstance;
let browserSession: AdminBrowser;
let context: BrowserContext;
let customerId: string | number;

beforeAll(async () => {
	crm = await bootCrm('e2e-korean', { db: 'sqlite' });
	await prepareKoreanAdmin(crm);
	const customer = (await crm.client.request(createItem('crm_customers' as never, CUSTOMER as never))) as {
		id: string | number;
	};
	customerId = customer.id;
	browserSession = await launchBrowser({ width: 1440, height: 900 });
	context = browserSession.context;
});

afterAll(async () => {
	await browserSession?.close();
	await crm?.stop();
});

describe('Directus admin in Korean', () => {
	it('logs in, lists the CRM collections in Korean and opens a customer', async () => {
		const page = await context.newPage();
		await withFailureScreenshot(page, 'customer', async () => {
			await logIn(page, crm.url);

			// The content module (it redirects to the first collection); its navigation lists the collections.
			// Link names also carry the icon's ligature text ("person 고객"), so match the label element exactly instead.
			await page.goto(`${crm.url}/admin/content`);
			const navigation = page.getByRole('navigation');
			const navLink = (label: string) =>
				navigation.getByRole('link').filter({ has: page.getByText(label, { exact: true }) });
			await navLink('고객').first().waitFor({ timeout: 60_000 });
			const expected = {
				crm_customers: '고객',
				crm_orders: '주문',
				crm_interactions: '상호작용',
				crm_products: '상품',
			};
			for (const [collection, label] of Object.entries(expected)) {
				expect(await navLink(label).count(), `navigation link "${label}"`).toBe(1);
				expect(await navLink(label).getAttribute('href'), `navigation link "${label}"`).toMatch(
					new RegExp(`/admin/content/${collection}$`),
				);
			}
			for (const english of ['Customers', 'Orders', 'Crm Customers'])
				expect(await navLink(english).count(), `English link "${english}"`).toBe(0);

			await page.goto(`${crm.url}/admin/content/crm_customers/${customerId}`);
			const main = page.getByRole('main');
			// The field label, exactly '이름' (not '호칭 이름'), and the loaded value in an input.
			await main.getByText('이름', { exact: true }).first().waitFor({ timeout: 60_000 });
			await expect
				.poll(
					() => main.locator('input').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value)),
					{ timeout: 30_000 },
				)
				.toContain(CUSTOMER.full_name);
			expect(await main.getByText('Full name', { exact: true }).count()).toBe(0);
			// The header shows the item through the collection's display template.
			await expect
				.poll(() => page.getByRole('heading', { level: 1 }).first().innerText(), { timeout: 30_000 })
				.toContain(CUSTOMER.full_name);

			mkdirSync(SHOTS, { recursive: true });
			await page.screenshot({ path: resolve(SHOTS, 'customer.png') });
		});
	});
});
