// Customer 360 in the real admin (Chromium, Korean UI): a demo customer with orders and interactions shows the
// summary card and the merged timeline (same order as the endpoint, more on scroll, kind filter), and a call logged
// from the composer appears at the top of the feed and in crm_interactions; the recommendations card lists what the
// endpoint recommends from purchase history. Needs Debian Chromium.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { customEndpoint, readItem, readItems, readMe } from '@directus/sdk';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../seed/load-demo.ts';
import { ADMIN, bootCrm, type CrmInstance } from '../harness/crm.ts';
import {
	launchBrowser,
	logIn,
	prepareKoreanAdmin,
	SHOTS,
	withFailureScreenshot,
	type AdminBrowser,
} from '../harness/browser.ts';

type Row = Record<string, any>;
const CALL_TEXT = '배송 일정 안내 통화 (e2e)';

let crm: CrmInstance;
let browserSession: AdminBrowser;
let context: BrowserContext;
let customer: Row;
let adminId: string;
let firstPage: { data: { kind: string; id: number }[]; next: string | null };

beforeAll(async () => {
	crm = await bootCrm('e2e-customer-360', { db: 'sqlite' });
	await prepareKoreanAdmin(crm);
	await loadDemoData(crm.client, { now: new Date(), customers: 40, seed: 11, log: () => {} });
	adminId = ((await crm.client.request(readMe({ fields: ['id'] }))) as Row).id;
	// The demo customer with the most orders among those with interactions too.
	const interactions = (await crm.client.request(
		readItems('crm_interactions' as never, { fields: ['customer'], limit: -1 } as never),
	)) as Row[];
	const withInteractions = new Set(interactions.map((row) => Number(row.customer)));
	const customers = (await crm.client.request(
		readItems(
			'crm_customers' as never,
			{
				fields: ['id', 'full_name', 'order_count', 'total_spent', 'stage'],
				sort: ['-order_count'],
				limit: -1,
			} as never,
		),
	)) as Row[];
	customer = customers.find((row) => withInteractions.has(Number(row.id)) && row.order_count > 0)!;
	const login = await fetch(`${crm.url}/auth/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(ADMIN),
	});
	const token = ((await login.json()) as Row).data.access_token;
	firstPage = await (
		await fetch(`${crm.url}/crm/customers/${customer.id}/timeline`, { headers: { authorization: `Bearer ${token}` } })
	).json();
	browserSession = await launchBrowser({ width: 1440, height: 1000 });
	context = browserSession.context;
});

afterAll(async () => {
	await browserSession?.close();
	await crm?.stop();
});

describe('customer 360', () => {
	it('shows the summary and the merged timeline, filters it, and logs a call from the composer', async () => {
		expect(customer, 'a demo customer with orders and interactions').toBeTruthy();
		const page = await context.newPage();
		await withFailureScreenshot(page, 'customer-360', async () => {
			await logIn(page, crm.url);
			await page.goto(`${crm.url}/admin/content/crm_customers/${customer.id}`);

			const summary = page.locator('.crm-customer-summary');
			await summary.locator('.spend').waitFor({ timeout: 60_000 });
			const spend = `₩${Math.round(Number(customer.total_spent)).toLocaleString('en-US')}`;
			expect(await summary.locator('.spend').innerText()).toBe(spend);
			expect(await summary.locator('.orders').innerText()).toBe(`${customer.order_count}건`);
			const stageLabels: Record<string, string> = {
				prospect: '잠재 고객',
				customer: '고객',
				regular: '단골',
				advocate: '추천 고객',
				partner: '파트너',
			};
			expect((await summary.locator('.stage-badge').innerText()).trim()).toBe(stageLabels[customer.stage]);
			expect(await summary.innerText()).toContain('누적 구매액');
			expect(await summary.locator('.consent').count()).toBe(4);
			mkdirSync(SHOTS, { recursive: true });
			await page.waitForTimeout(1000);
			await page.screenshot({ path: resolve(SHOTS, 'customer-360-summary.png') });

			// The feed: the same entries, in the same order, as the endpoint's first page.
			const timeline = page.locator('.crm-timeline');
			await timeline.scrollIntoViewIfNeeded();
			const entries = timeline.locator('li.entry');
			await entries.first().waitFor({ timeout: 60_000 });
			const shown = () =>
				entries.evaluateAll((items) =>
					items.map((item) => `${item.getAttribute('data-kind')}:${item.getAttribute('data-id')}`),
				);
			const expected = firstPage.data.map((entry) => `${entry.kind}:${entry.id}`);
			expect((await shown()).slice(0, expected.length)).toEqual(expected);
			expect(await shown()).toContain(expected.find((key) => key.startsWith('order:')));
			expect(await timeline.innerText()).toContain('주문 ₩');

			// Infinite scroll: bringing the end of the feed into view loads the next page.
			if (firstPage.next) {
				await timeline.locator('.sentinel').scrollIntoViewIfNeeded();
				await expect.poll(async () => (await shown()).length, { timeout: 30_000 }).toBeGreaterThan(expected.length);
			}

			// Kind filter: only interactions (older than the first page here), then back to everything.
			await timeline.locator('.chip[data-kind="interaction"]').click();
			await expect
				.poll(async () => new Set((await shown()).map((key) => key.split(':')[0])), { timeout: 30_000 })
				.toEqual(new Set(['interaction']));
			expect(await timeline.locator('.chip[data-kind="interaction"]').getAttribute('class')).toContain('active');
			await page.screenshot({ path: resolve(SHOTS, 'customer-360-filtered.png') });
			await timeline.locator('.chip[data-kind="interaction"]').click();
			await expect
				.poll(async () => new Set((await shown()).map((key) => key.split(':')[0])).size, { timeout: 30_000 })
				.toBeGreaterThan(1);

			// The composer: pick "call", type, save; the call is on top of the feed.
			await timeline.locator('.composer-type[data-type="call"]').click();
			await timeline.locator('.composer-text').fill(CALL_TEXT);
			await timeline.locator('.composer-save').click();
			await expect.poll(async () => entries.first().innerText(), { timeout: 30_000 }).toContain(`통화: ${CALL_TEXT}`);
			expect(await entries.first().getAttribute('data-kind')).toBe('interaction');
			expect(await entries.first().innerText()).toContain('전화');
			// Typing in the composer is not an edit of the customer: the form's save button stays disabled.
			expect(await page.locator('header').getByRole('button', { name: '저장', exact: true }).isDisabled()).toBe(true);
			await entries.first().scrollIntoViewIfNeeded();
			await timeline.locator('.composer').scrollIntoViewIfNeeded();
			await page.screenshot({ path: resolve(SHOTS, 'customer-360.png') });
		});

		const [logged] = (await crm.client.request(
			readItems(
				'crm_interactions' as never,
				{ filter: { customer: { _eq: customer.id }, subject: { _eq: CALL_TEXT } } } as never,
			),
		)) as Row[];
		expect(logged).toMatchObject({
			type: 'call',
			channel: 'phone',
			direction: 'outbound',
			status: 'done',
			staff: adminId,
			body: null,
		});
		expect(Date.now() - Date.parse(logged!.occurred_at)).toBeLessThan(5 * 60_000);
		const after = (await crm.client.request(
			readItem('crm_customers' as never, customer.id, { fields: ['last_interaction_at'] } as never),
		)) as Row;
		expect(Date.parse(after.last_interaction_at)).toBe(Date.parse(logged!.occurred_at));
	});

	it('shows "customers who bought … also bought" from the mined rules, as the endpoint ranks them', async () => {
		await crm.client.request(
			customEndpoint({ path: '/crm/recommendations/refresh', method: 'POST', body: JSON.stringify({}) }),
		);
		const candidates = (await crm.client.request(
			readItems(
				'crm_customers' as never,
				{ fields: ['id'], filter: { order_count: { _gt: 0 } }, sort: ['id'], limit: -1 } as never,
			),
		)) as Row[];
		let chosen: { id: number; names: string[] } | undefined;
		for (const { id } of candidates) {
			const answer = (await crm.client.request(
				customEndpoint({ path: `/crm/customers/${id}/recommendations`, params: { limit: 5 } }),
			)) as { name: string }[];
			if (answer.length >= 2) {
				chosen = { id, names: answer.map((row) => row.name) };
				break;
			}
		}
		expect(chosen, 'a demo customer with at least two recommendations').toBeTruthy();
		const page = await context.newPage();
		await withFailureScreenshot(page, 'customer-recommendations', async () => {
			await page.goto(`${crm.url}/admin/content/crm_customers/${chosen!.id}`);
			const card = page.locator('.crm-recommendations');
			await card.locator('.recommendation').first().waitFor({ timeout: 60_000 });
			expect(await card.locator('.recommendation .name').allInnerTexts()).toEqual(chosen!.names);
			expect(await card.innerText()).toContain('신뢰도');
			await card.scrollIntoViewIfNeeded();
			await page.screenshot({ path: resolve(SHOTS, 'customer-recommendations.png') });
		});
	});
});
