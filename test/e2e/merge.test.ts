// Merging a duplicate by clicking (Chromium, Korean admin): the customer page's "중복 의심 고객" card lists the web
// sign-up of the same person, the merge dialog shows what moves and asks only about the e-mail both records fill
// differently; choosing the other record's e-mail and confirming leaves one customer with both orders. Clicks counted.
import { resolve } from 'node:path';
import { createItem, readItem, readItems } from '@directus/sdk';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootCrm, type CrmInstance } from '../harness/crm.ts';
import {
	launchBrowser,
	logIn,
	prepareKoreanAdmin,
	withFailureScreenshot,
	type AdminBrowser,
} from '../harness/browser.ts';
import { ClickCounter, DOC_SCREENS } from '../harness/clicks.ts';

type Row = Record<string, any>;

let crm: CrmInstance;
let browserSession: AdminBrowser;
let context: BrowserContext;
const ids: Record<string, number> = {};

beforeAll(async () => {
	crm = await bootCrm('e2e-merge', { db: 'sqlite' });
	await prepareKoreanAdmin(crm);
	const create = async (collection: string, values: Row) =>
		(await crm.client.request(createItem(collection as never, values as never))) as Row;
	ids.pos = (
		await create('crm_customers', {
			full_name: '정유진',
			phone: '+821077770001',
			birthday: '1988-03-02',
			email: 'yujin@pos.example',
		})
	).id;
	ids.web = (
		await create('crm_customers', { full_name: '정유진', email: 'YUJIN@pos.example', birthday: '1988-03-02' })
	).id;
	const line = { kind: 'product', product_name: '드립백', quantity: 1, unit_price: 15_000, line_total: 15_000 };
	for (const customer of [ids.pos, ids.web])
		await create('crm_orders', {
			customer,
			status: 'paid',
			ordered_at: new Date().toISOString(),
			total: 15_000,
			lines: [line],
		});
	browserSession = await launchBrowser({ width: 1440, height: 1000 });
	context = browserSession.context;
});

afterAll(async () => {
	await browserSession?.close();
	await crm?.stop();
});

describe('merging duplicates in the admin', () => {
	it('merges the web sign-up into the POS customer by clicking, keeping the chosen e-mail', async () => {
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('pageerror', (error) => errors.push(error.message));
		await withFailureScreenshot(page, 'merge', async () => {
			await logIn(page, crm.url);
			await page.goto(`${crm.url}/admin/content/crm_customers/${ids.pos}`);
			const clicks = new ClickCounter(page);
			const card = page.locator('.crm-duplicates');
			const row = card.locator(`.duplicate[data-customer="${ids.web}"]`);
			await row.waitFor({ timeout: 60_000 });
			expect(await row.innerText()).toContain('같은 이메일');
			expect(await row.innerText()).toContain('같은 이름과 생일');
			await clicks.click(row.getByRole('button', { name: '이 고객으로 병합…' }), 'open the merge dialog');
			const dialog = page.locator('.merge-dialog');
			const email = dialog.locator('tr[data-field="email"]');
			await email.waitFor({ timeout: 30_000 });
			expect(await dialog.innerText()).toContain('주문 1건');
			await clicks.click(email.getByText('YUJIN@pos.example', { exact: true }), "choose the web sign-up's e-mail");
			await page.screenshot({ path: resolve(DOC_SCREENS, 'merge-dialog.png') });
			await clicks.click(dialog.locator('.confirm'), 'merge');
			await card.getByText('병합했습니다.').waitFor({ timeout: 30_000 });
			expect(await card.locator('.duplicate').count()).toBe(0);
			expect(clicks.count).toBeLessThanOrEqual(3);
			console.log(`[e2e] merge a duplicate: ${clicks.count} clicks (${clicks.steps.join('; ')})`);
		});
		expect(errors).toEqual([]);
		const left = (await crm.client.request(
			readItems('crm_customers' as never, { fields: ['id'], filter: { full_name: { _eq: '정유진' } } } as never),
		)) as Row[];
		expect(left.map((row) => row.id)).toEqual([ids.pos]);
		const survivor = (await crm.client.request(readItem('crm_customers' as never, ids.pos))) as Row;
		expect(survivor).toMatchObject({ email: 'YUJIN@pos.example', phone: '+821077770001', order_count: 2 });
	});
});
