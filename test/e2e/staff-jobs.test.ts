// The jobs shop staff do in the admin, done by clicking in Korean (Chromium, ko-KR user) and counted: a 2-condition
// segment refreshed on demand, an e-mail follow-up 3 days after payment with an existing template, and "단골 = 180일
// 4회" in the stage rules. Each job's clicks are counted (harness/clicks.ts) and bounded; a screenshot of each
// finished job goes to docs/screens/. One Directus boot for the file.
import { readItems, updateItem } from '@directus/sdk';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../seed/load-demo.ts';
import { bootCrm, type CrmInstance } from '../harness/crm.ts';
import {
	launchBrowser,
	logIn,
	prepareKoreanAdmin,
	withFailureScreenshot,
	type AdminBrowser,
} from '../harness/browser.ts';
import { ClickCounter, docScreenshot } from '../harness/clicks.ts';

const TIME_ZONE = 'Asia/Seoul';

let crm: CrmInstance;
let session: AdminBrowser;
let context: BrowserContext;

const monthIn = (timeZone: string) =>
	new Intl.DateTimeFormat('en-CA', { timeZone, month: '2-digit' }).format(new Date());
const asRule = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);

/** The form's 저장 button; a new item's save returns to the list, where staff click the row to reopen it. */
async function saveAndOpen(page: Page, clicks: ClickCounter, collection: string, rowText: string) {
	await clicks.click(page.getByRole('button', { name: '저장', exact: true }).first(), 'save');
	await page.waitForURL((url) => !url.pathname.endsWith('/+'), { timeout: 30_000 });
	if (new URL(page.url()).pathname.endsWith(`/content/${collection}`))
		await clicks.click(page.locator('.v-table tbody tr').filter({ hasText: rowText }).first(), 'open the saved item');
	await page.waitForURL((url) => /\/\d+$/.test(url.pathname), { timeout: 30_000 });
}

beforeAll(async () => {
	crm = await bootCrm('e2e-staff-jobs', { db: 'sqlite' });
	await prepareKoreanAdmin(crm);
	await loadDemoData(crm.client, { now: new Date(), customers: 60, seed: 14, log: () => {} });
	session = await launchBrowser({ width: 1440, height: 1000 });
	context = session.context;
	const page = await context.newPage();
	await withFailureScreenshot(page, 'staff-jobs-login', () => logIn(page, crm.url));
	await page.close();
});

afterAll(async () => {
	await session?.close();
	await crm?.stop();
});

describe('jobs staff do by clicking', () => {
	it('a segment of two conditions (3+ orders, birthday this month), saved and refreshed: at most 12 clicks', async () => {
		// Two regulars get their birthday this month (in the CRM's time zone), so the segment is never empty.
		const regulars = (await crm.client.request(
			readItems(
				'crm_customers' as never,
				{ filter: { order_count: { _gte: 3 } }, fields: ['id'], sort: ['id'], limit: 2 } as never,
			),
		)) as { id: number }[];
		expect(regulars.length).toBe(2);
		for (const { id } of regulars)
			await crm.client.request(
				updateItem('crm_customers' as never, id, { birthday: `1990-${monthIn(TIME_ZONE)}-15` } as never),
			);
		const customers = (await crm.client.request(
			readItems('crm_customers' as never, { fields: ['id', 'order_count', 'birthday'], limit: -1 } as never),
		)) as { id: number; order_count: number | null; birthday: string | null }[];
		const expected = customers.filter(
			(c) => (c.order_count ?? 0) >= 3 && c.birthday !== null && c.birthday.slice(5, 7) === monthIn(TIME_ZONE),
		);
		expect(expected.length).toBeGreaterThanOrEqual(2);
		expect(expected.length, 'all members fit on the first page').toBeLessThanOrEqual(20);

		const page = await context.newPage();
		const clicks = new ClickCounter(page);
		await withFailureScreenshot(page, 'staff-jobs-segment', async () => {
			await page.goto(`${crm.url}/admin/content/crm_segments`);
			await clicks.click(page.locator('a[href="/admin/content/crm_segments/+"]').first(), 'new segment');
			const builder = page.locator('.crm-segment-builder');
			await builder.waitFor({ timeout: 60_000 });
			await clicks.type(page.locator('[data-field="name"] input'), '이번 달 생일 단골 (e2e)', 'name');

			await clicks.click(builder.locator('.add-condition').first(), 'add condition');
			const orders = builder.locator('.rule-condition').nth(0);
			await clicks.type(orders.locator('.value-input input'), '3', 'order count');
			await clicks.click(builder.locator('.add-condition').first(), 'add condition');
			const birthday = builder.locator('.rule-condition').nth(1);
			await clicks.pick(birthday.locator('.condition-type'), '고객 정보');
			await clicks.pick(birthday.locator('.condition-field'), '생일');
			await expect
				.poll(() => builder.locator('.summary-text').innerText(), { timeout: 10_000 })
				.toBe('3회 이상 구매했고 생일 이번 달인 고객');
			await expect.poll(() => builder.locator('.segment-members .members-unsaved').count()).toBe(1);

			await saveAndOpen(page, clicks, 'crm_segments', '이번 달 생일 단골 (e2e)');
			const members = page.locator('.segment-members');
			// Saved but not computed yet: the count is not a silent 0.
			await members.locator('.never-refreshed').waitFor({ timeout: 30_000 });
			await clicks.click(members.locator('.refresh-now'), 'refresh now');
			await members.locator('.refresh-done').waitFor({ timeout: 30_000 });
			await expect
				.poll(() => members.locator('.member-total').getAttribute('data-count'), { timeout: 10_000 })
				.toBe(String(expected.length));
			await expect.poll(() => members.locator('.member').count()).toBe(expected.length);
			expect(await members.locator('.never-refreshed').count()).toBe(0);
			expect(await members.locator('.refreshed-at').innerText()).not.toBe('');
			const hrefs = await members
				.locator('.member-name')
				.evaluateAll((links) => links.map((a) => a.getAttribute('href')));
			expect(hrefs.sort()).toEqual(expected.map((c) => `/admin/content/crm_customers/${c.id}`).sort());
			await members.scrollIntoViewIfNeeded();
			await docScreenshot(page, 'segment-refresh');
		});
		console.log(`segment with refresh: ${clicks.count} clicks (${clicks.steps.join(', ')})`);
		expect(clicks.count).toBeLessThanOrEqual(12);

		const [segment] = (await crm.client.request(
			readItems(
				'crm_segments' as never,
				{ filter: { name: { _eq: '이번 달 생일 단골 (e2e)' } }, fields: ['id', 'rule', 'member_count'] } as never,
			),
		)) as { id: number; rule: unknown; member_count: number }[];
		expect(asRule(segment!.rule)).toEqual({
			all: [
				{ type: 'orders', metric: 'count', op: 'gte', value: 3 },
				{ type: 'field', field: 'birthday', op: 'birthday_this_month' },
			],
		});
		expect(segment!.member_count).toBe(expected.length);
		await page.close();
	});
});
