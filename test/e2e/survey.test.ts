// A survey link answered on a phone (Chromium, 390×844, touch): the Korean NPS page, tap 3, write a comment, submit,
// the thank-you page; then the stored answer, last_nps and the open Support task for the customer's owner, read back
// through the admin SDK client. Screenshots in .tmp/e2e/. Needs Debian Chromium.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { createItem, createUser, customEndpoint, readItem, readItems } from '@directus/sdk';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootCrm, type CrmInstance } from '../harness/crm.ts';
import { launchBrowser, SHOTS, withFailureScreenshot, type AdminBrowser } from '../harness/browser.ts';

type Row = Record<string, any>;
let crm: CrmInstance;
let browserSession: AdminBrowser;
let phone: BrowserContext;
let customerId: number;
let owner: string;
let surveyLink: string;

beforeAll(async () => {
	crm = await bootCrm('e2e-survey', { db: 'sqlite' });
	owner = (
		(await crm.client.request(
			createUser({ email: 'owner@example.com', first_name: '지훈', last_name: '이' } as never),
		)) as Row
	).id;
	await crm.client.request(
		createItem(
			'crm_templates' as never,
			{
				key: 'nps_after_purchase',
				name: '구매 후 NPS',
				kind: 'survey',
				survey_scale: 'nps',
				language: 'ko-KR',
				subject: '저희 매장을 친구나 동료에게 추천할 가능성은 얼마나 되나요?',
				body: '{{first_name}}님, 지난 구매는 만족스러우셨나요? 1분이면 충분합니다.',
			} as never,
		),
	);
	const customer = (await crm.client.request(
		createItem(
			'crm_customers' as never,
			{ full_name: '박서연', first_name: '서연', language: 'ko-KR', owner } as never,
		),
	)) as Row;
	customerId = customer.id;
	const made = (await crm.client.request(
		customEndpoint({
			path: '/crm/surveys/links',
			method: 'POST',
			body: JSON.stringify({ customer: customerId, survey: 'nps_after_purchase', channel: 'kakao' }),
		}),
	)) as Row;
	surveyLink = made.url;
	browserSession = await launchBrowser({ width: 390, height: 844 });
	phone = await browserSession.browser.newContext({
		viewport: { width: 390, height: 844 },
		deviceScaleFactor: 2,
		isMobile: true,
		hasTouch: true,
		locale: 'ko-KR',
	});
});

afterAll(async () => {
	await phone?.close().catch(() => {});
	await browserSession?.close();
	await crm?.stop();
});

describe('survey on a phone', () => {
	it('is answered by tapping a score, and a low score opens a Support task for the owner', async () => {
		const page = await phone.newPage();
		await withFailureScreenshot(page, 'survey', async () => {
			await page.goto(surveyLink);
			await page.getByText('저희 매장을 친구나 동료에게 추천할 가능성은 얼마나 되나요?').waitFor({ timeout: 30_000 });
			expect(await page.locator('body').innerText()).toContain('서연님, 지난 구매는 만족스러우셨나요?');
			expect(await page.locator('input[type="radio"]').count()).toBe(11);
			// Every choice is a large tap target, and the page does not scroll sideways.
			const box = await page.locator('label.choice').first().boundingBox();
			expect(box!.height).toBeGreaterThanOrEqual(48);
			expect(box!.width).toBeGreaterThanOrEqual(44);
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
			mkdirSync(SHOTS, { recursive: true });
			await page.screenshot({ path: resolve(SHOTS, 'survey-answer.png'), fullPage: true });

			await page.locator('label.choice', { has: page.locator('input[value="3"]') }).tap();
			expect(await page.locator('input[value="3"]').isChecked()).toBe(true);
			await page.locator('textarea[name="comment"]').fill('배송이 사흘이나 늦었어요.');
			await page.screenshot({ path: resolve(SHOTS, 'survey-answer-filled.png'), fullPage: true });
			await page.getByRole('button', { name: '제출하기' }).tap();
			await page.getByText('소중한 의견 감사합니다').waitFor({ timeout: 30_000 });
			expect(await page.locator('body').innerText()).toContain('선택한 점수: 3/10');
			await page.screenshot({ path: resolve(SHOTS, 'survey-thanks.png'), fullPage: true });
		});

		const feedback = (await crm.client.request(
			readItems('crm_feedback' as never, { filter: { customer: { _eq: customerId } } } as never),
		)) as Row[];
		expect(feedback).toHaveLength(1);
		expect(feedback[0]).toMatchObject({
			kind: 'nps',
			score: 3,
			comment: '배송이 사흘이나 늦었어요.',
			survey: 'nps_after_purchase',
			channel: 'kakao',
		});
		expect(
			(
				(await crm.client.request(
					readItem('crm_customers' as never, customerId, { fields: ['last_nps'] } as never),
				)) as Row
			).last_nps,
		).toBe(3);
		const tasks = (await crm.client.request(
			readItems(
				'crm_interactions' as never,
				{ filter: { customer: { _eq: customerId }, type: { _eq: 'task' } } } as never,
			),
		)) as Row[];
		expect(tasks).toHaveLength(1);
		expect(tasks[0]).toMatchObject({ status: 'open', assignee: owner, source_key: `low-score:${feedback[0].id}` });
		expect(tasks[0].subject).toContain('NPS 3/10');
		expect(tasks[0].body).toContain('배송이 사흘이나 늦었어요.');
	});
});
