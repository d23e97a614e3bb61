// The jobs shop staff do in the admin, done by clicking in Korean (Chromium, ko-KR user) and counted: a 2-condition
// segment refreshed on demand, an e-mail follow-up 3 days after payment with an existing template, and "단골 = 180일
// 4회" in the stage rules. Each job's clicks are counted (harness/clicks.ts) and bounded; a screenshot of each
// finished job goes to docs/screens/. One Directus boot for the file.
import { createItem, readItems, readSingleton, updateItem } from '@directus/sdk';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../seed/load-demo.ts';
import { bootCrm, type CrmInstance } from '../harness/crm.ts';
import {
	launchBrowser,
	logIn,
	pickOption,
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
	// On a busy machine Directus's pressure limiter can answer 503 to the app's extension bundle, and the page then
	// renders without the CRM interfaces; this file is about the interfaces, so the limiter is off.
	crm = await bootCrm('e2e-staff-jobs', { db: 'sqlite', env: { PRESSURE_LIMITER_ENABLED: 'false' } });
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

	it('an e-mail follow-up 3 days after payment with an existing template: at most 20 clicks', async () => {
		const template = (await crm.client.request(
			createItem(
				'crm_templates' as never,
				{
					key: 'e2e_thanks',
					name: '구매 감사 (e2e)',
					kind: 'email',
					purpose: 'transactional',
					subject: '구매해 주셔서 감사합니다',
					body: '{{first_name}}님, 주문해 주셔서 감사합니다.',
				} as never,
			),
		)) as { id: number };
		const page = await context.newPage();
		const clicks = new ClickCounter(page);
		await withFailureScreenshot(page, 'staff-jobs-followup', async () => {
			await page.goto(`${crm.url}/admin/content/crm_followup_rules`);
			await clicks.click(page.locator('a[href="/admin/content/crm_followup_rules/+"]').first(), 'new rule');
			await page.locator('[data-field="name"] input').waitFor({ timeout: 60_000 });
			await clicks.type(page.locator('[data-field="name"] input'), '결제 3일 후 감사 메일 (e2e)', 'name');
			await clicks.pick(page.locator('[data-field="trigger"] .v-select'), '주문 결제');
			// Only what applies to "order paid" + "send e-mail" is on the form.
			await expect.poll(() => page.locator('[data-field="segment"]').count()).toBe(0);
			expect(await page.locator('[data-field="award_points"]').count()).toBe(0);
			expect(await page.locator('[data-field="tag"]').count()).toBe(0);
			expect(await page.locator('[data-field="inactivity_floor_days"]').count()).toBe(0);
			await page.locator('[data-field="template"]').waitFor();

			await clicks.type(page.locator('.crm-delay .delay-days input'), '3', 'delay days');
			await expect.poll(() => page.locator('.crm-delay .delay-summary').innerText()).toBe('트리거 3일 후 발송');

			// The template picker lists the real templates in a drawer: pick one row, confirm with the check button.
			await clicks.click(page.locator('[data-field="template"]').getByText('목록에서 선택'), 'template picker');
			const drawer = page.locator('.v-drawer');
			await clicks.click(drawer.locator('tbody tr, .table-row').filter({ hasText: '구매 감사 (e2e)' }).first(), 'pick');
			await clicks.click(drawer.getByRole('button', { name: '저장', exact: true }), 'confirm');
			await expect.poll(() => page.locator('[data-field="template"]').innerText()).toContain('구매 감사 (e2e)');
			await page.locator('[data-field="template"]').scrollIntoViewIfNeeded();
			await docScreenshot(page, 'followup-email-3-days');
			await clicks.click(page.getByRole('button', { name: '저장', exact: true }).first(), 'save');
			await page.waitForURL((url) => !url.pathname.endsWith('/+'), { timeout: 30_000 });
		});
		console.log(`e-mail follow-up 3 days after payment: ${clicks.count} clicks (${clicks.steps.join(', ')})`);
		expect(clicks.count).toBeLessThanOrEqual(20);
		const [rule] = (await crm.client.request(
			readItems(
				'crm_followup_rules' as never,
				{
					filter: { name: { _eq: '결제 3일 후 감사 메일 (e2e)' } },
					fields: ['trigger', 'action', 'template', 'delay_minutes', 'status'],
				} as never,
			),
		)) as Record<string, unknown>[];
		expect(rule).toEqual({
			trigger: 'order_paid',
			action: 'email',
			template: template.id,
			delay_minutes: 4320,
			status: 'active',
		});
		await page.close();
	});

	it('saving an e-mail rule without a template is stopped with a Korean message naming the field', async () => {
		const page = await context.newPage();
		await withFailureScreenshot(page, 'staff-jobs-followup-no-template', async () => {
			await page.goto(`${crm.url}/admin/content/crm_followup_rules/+`);
			await page.locator('[data-field="name"] input').waitFor({ timeout: 60_000 });
			await page.locator('[data-field="name"] input').fill('템플릿 없는 규칙 (e2e)');
			await pickOption(page, page.locator('[data-field="trigger"] .v-select'), '주문 결제');
			await page.getByRole('button', { name: '저장', exact: true }).first().click();
			const notice = page.locator('.validation-errors');
			await notice.waitFor({ timeout: 20_000 });
			const text = await notice.innerText();
			expect(text).toContain('템플릿');
			expect(text).not.toMatch(/INVALID_PAYLOAD|needs a template/);
			expect(new URL(page.url()).pathname.endsWith('/+')).toBe(true);
		});
		const saved = await crm.client.request(
			readItems('crm_followup_rules' as never, { filter: { name: { _eq: '템플릿 없는 규칙 (e2e)' } } } as never),
		);
		expect(saved).toEqual([]);
		await page.close();
	});

	it('changing 단골 to 4 orders in 180 days in the stage rules: at most 10 clicks', async () => {
		const page = await context.newPage();
		const clicks = new ClickCounter(page);
		await withFailureScreenshot(page, 'staff-jobs-stage-rules', async () => {
			await page.goto(`${crm.url}/admin/content/crm_settings`);
			const regular = page.locator('.crm-stage-rules .stage-rule[data-stage="regular"]');
			await regular.waitFor({ timeout: 60_000 });
			await expect
				.poll(async () => (await regular.locator('.stage-summary').innerText()).trim(), { timeout: 10_000 })
				.toBe('최근 180일 동안 3회 이상 구매한 고객');
			expect(await page.locator('.crm-time-zone input').inputValue()).toBe('Asia/Seoul (+09:00)');
			await clicks.type(regular.locator('.value-input input'), '4', 'order count');
			await expect
				.poll(async () => (await regular.locator('.stage-summary').innerText()).trim(), { timeout: 10_000 })
				.toBe('최근 180일 동안 4회 이상 구매한 고객');
			await regular.scrollIntoViewIfNeeded();
			await docScreenshot(page, 'stage-rules-regular');
			await clicks.click(page.getByRole('button', { name: '저장', exact: true }).first(), 'save');
			await expect
				.poll(
					async () => {
						const settings = (await crm.client.request(readSingleton('crm_settings' as never))) as {
							stage_rules: unknown;
						};
						return asRule(settings.stage_rules);
					},
					{ timeout: 20_000 },
				)
				.toContainEqual({
					stage: 'regular',
					rule: { all: [{ type: 'orders', metric: 'count', op: 'gte', value: 4, window: { lastDays: 180 } }] },
				});
		});
		console.log(`단골 = 180일 4회: ${clicks.count} clicks (${clicks.steps.join(', ')})`);
		expect(clicks.count).toBeLessThanOrEqual(10);
		const settings = (await crm.client.request(readSingleton('crm_settings' as never))) as { stage_rules: unknown };
		const stages = (asRule(settings.stage_rules) as { stage: string }[]).map((rule) => rule.stage);
		expect(stages).toEqual(['partner', 'advocate', 'regular', 'customer']);
		await page.close();
	});

	it('a KPI goal as KPI + target, typed as a percentage', async () => {
		const page = await context.newPage();
		await withFailureScreenshot(page, 'staff-jobs-kpi-goals', async () => {
			await page.goto(`${crm.url}/admin/content/crm_settings`);
			const goals = page.locator('.crm-kpi-goals');
			await goals.waitFor({ timeout: 60_000 });
			await goals.locator('.add-goal').click();
			const row = goals.locator('.goal-row').first();
			await pickOption(page, row.locator('.goal-kpi'), '고객 유지율');
			await row.locator('.goal-value input').fill('40');
			await expect.poll(() => row.locator('.goal-hint').innerText()).toBe('고객 유지율 목표 40%');
			await page.getByRole('button', { name: '저장', exact: true }).first().click();
			await expect
				.poll(
					async () =>
						asRule(
							((await crm.client.request(readSingleton('crm_settings' as never))) as { kpi_goals: unknown }).kpi_goals,
						),
					{ timeout: 20_000 },
				)
				.toEqual({ retention_rate: { target: 0.4 } });
		});
		await page.close();
	});
});
