// The segment builder interface in the real Directus admin: build a rule by clicking, watch the live count and the
// Korean summary, save, and read the saved rule back through the API; pick real values from lookup dropdowns; add
// members to a static segment from a CSV file (preview, then confirm).
// Needs Debian Chromium at /usr/bin/chromium (apt-get install chromium; fonts-noto-cjk for readable screenshots).
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { aggregate, createItem, readItems } from '@directus/sdk';
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

const SEGMENT_NAME = '단골 고객 (e2e)';
const EXPECTED_RULE = { all: [{ type: 'orders', metric: 'count', op: 'gte', value: 3 }] };

let crm: CrmInstance;
let browserSession: AdminBrowser;
let context: BrowserContext;
let expectedCount: number;

beforeAll(async () => {
	// A busy machine's pressure limiter can answer 503 to the app's extension bundle (the page then has no builder).
	crm = await bootCrm('e2e-segment-builder', { db: 'sqlite', env: { PRESSURE_LIMITER_ENABLED: 'false' } });
	await prepareKoreanAdmin(crm);
	await loadDemoData(crm.client, { now: new Date(), customers: 40, seed: 11, log: () => {} });
	const [row] = (await crm.client.request(
		aggregate(
			'crm_customers' as never,
			{ aggregate: { count: '*' }, query: { filter: { order_count: { _gte: 3 } } } } as never,
		),
	)) as unknown as { count: number | string }[];
	expectedCount = Number(row!.count);
	browserSession = await launchBrowser({ width: 1440, height: 1100 });
	context = browserSession.context;
	// Log in once: the session cookie serves every page of this context (the login page redirects once logged in).
	const page = await context.newPage();
	await withFailureScreenshot(page, 'segment-builder-login', () => logIn(page, crm.url));
	await page.close();
});

afterAll(async () => {
	await browserSession?.close();
	await crm?.stop();
});

describe('segment builder interface', () => {
	it('builds a rule by clicking, previews it live and saves it', async () => {
		expect(expectedCount, 'demo data has customers with 3+ orders').toBeGreaterThan(0);
		const page = await context.newPage();
		await withFailureScreenshot(page, 'segment-builder', async () => {
			await page.goto(`${crm.url}/admin/content/crm_segments/+`);
			const builder = page.locator('.crm-segment-builder');
			await builder.waitFor({ timeout: 60_000 });
			await expect.poll(() => builder.locator('.summary-text').innerText()).toBe('규칙이 없습니다. 조건을 추가하세요.');

			await builder.locator('.add-condition').first().click();
			const condition = builder.locator('.rule-condition').first();
			await condition.waitFor();
			await pickOption(page, condition.locator('.condition-type'), '주문');
			await pickOption(page, condition.locator('.condition-metric'), '주문 횟수');
			await pickOption(page, condition.locator('.condition-op'), '이상');
			await condition.locator('.value-input input').fill('3');

			await expect
				.poll(() => builder.locator('.summary-text').innerText(), { timeout: 10_000 })
				.toBe('3회 이상 구매한 고객');
			await expect
				.poll(
					() =>
						builder
							.locator('.count-value')
							.getAttribute('data-count')
							.catch(() => null),
					{ timeout: 20_000 },
				)
				.toBe(String(expectedCount));
			await expect
				.poll(
					() =>
						builder
							.locator('.sample')
							.innerText()
							.catch(() => ''),
					{ timeout: 10_000 },
				)
				.toContain('예시');

			await page.locator('[data-field="name"] input').fill(SEGMENT_NAME);
			// The form scrolls inside the page, so bring the builder's preview into view for the screenshot.
			await builder.locator('.preview').scrollIntoViewIfNeeded();
			mkdirSync(SHOTS, { recursive: true });
			await page.screenshot({ path: resolve(SHOTS, 'segment-builder.png') });

			await page.keyboard.press('Control+s');
			await page.waitForURL((url) => !url.pathname.endsWith('/+'), { timeout: 30_000 });
			const [saved] = (await crm.client.request(
				readItems(
					'crm_segments' as never,
					{ filter: { name: { _eq: SEGMENT_NAME } }, fields: ['id', 'rule'] } as never,
				),
			)) as { id: number; rule: unknown }[];
			expect(saved, 'the segment was saved').toBeDefined();
			expect(typeof saved!.rule === 'string' ? JSON.parse(saved!.rule) : saved!.rule).toEqual(EXPECTED_RULE);
		});
	});

	it('offers real values in dropdowns: Korean stage choices and products by name', async () => {
		const [product] = (await crm.client.request(
			readItems('crm_products' as never, { fields: ['id', 'name', 'sku'], sort: ['id'], limit: 1 } as never),
		)) as { id: number; name: string; sku: string }[];
		const [row] = (await crm.client.request(
			aggregate(
				'crm_customers' as never,
				{ aggregate: { count: '*' }, query: { filter: { stage: { _eq: 'regular' } } } } as never,
			),
		)) as unknown as { count: number | string }[];
		const page = await context.newPage();
		await withFailureScreenshot(page, 'segment-builder-lookups', async () => {
			await page.goto(`${crm.url}/admin/content/crm_segments/+`);
			const builder = page.locator('.crm-segment-builder');
			await builder.waitFor({ timeout: 60_000 });

			await builder.locator('.add-condition').first().click();
			const stage = builder.locator('.rule-condition').nth(0);
			await pickOption(page, stage.locator('.condition-type'), '고객 정보');
			// The stage's choices come from the field's own options, labelled through the app's translations.
			await stage.locator('.value-input .lookup-select').waitFor({ timeout: 20_000 });
			await pickOption(page, stage.locator('.value-input .lookup-select'), '단골');
			await expect
				.poll(() => builder.locator('.summary-text').innerText(), { timeout: 10_000 })
				.toBe('관계 단계 regular인 고객');
			await expect
				.poll(
					() =>
						builder
							.locator('.count-value')
							.getAttribute('data-count')
							.catch(() => null),
					{ timeout: 20_000 },
				)
				.toBe(String(Number(row!.count)));

			await builder.locator('.add-condition').first().click();
			const bought = builder.locator('.rule-condition').nth(1);
			await pickOption(page, bought.locator('.condition-type'), '상품 구매');
			await bought.locator('.condition-product.lookup-select').waitFor({ timeout: 20_000 });
			await pickOption(page, bought.locator('.condition-product'), `${product!.name} (${product!.sku})`);
			await expect
				.poll(() => builder.locator('.summary-text').innerText(), { timeout: 10_000 })
				.toContain(`상품 #${product!.id} 구매`);

			await page.locator('[data-field="name"] input').fill('단골 + 상품 (e2e)');
			await page.keyboard.press('Control+s');
			await page.waitForURL((url) => !url.pathname.endsWith('/+'), { timeout: 30_000 });
		});
		const [saved] = (await crm.client.request(
			readItems('crm_segments' as never, { filter: { name: { _eq: '단골 + 상품 (e2e)' } }, fields: ['rule'] } as never),
		)) as { rule: unknown }[];
		expect(typeof saved!.rule === 'string' ? JSON.parse(saved!.rule) : saved!.rule).toEqual({
			all: [
				{ type: 'field', field: 'stage', op: 'eq', value: 'regular' },
				{ type: 'bought', product: product!.id, window: { lastDays: 90 } },
			],
		});
	});

	it('adds members to a static segment from a CSV: preview with the unmatched row named, then confirm', async () => {
		const customers = (await crm.client.request(
			readItems(
				'crm_customers' as never,
				{ filter: { email: { _nnull: true } }, fields: ['id', 'email'], sort: ['id'], limit: 2 } as never,
			),
		)) as { id: number; email: string }[];
		const segment = (await crm.client.request(
			createItem('crm_segments' as never, { name: 'CSV 회원 (e2e)', kind: 'static' } as never),
		)) as { id: number };
		const page = await context.newPage();
		await withFailureScreenshot(page, 'segment-builder-csv', async () => {
			await page.goto(`${crm.url}/admin/content/crm_segments/${segment.id}`);
			const upload = page.locator('.crm-segment-builder .member-upload');
			await upload.waitFor({ timeout: 60_000 });
			expect(await upload.locator('.upload-title').innerText()).toBe('CSV로 회원 추가');
			const csv = `이름,이메일\n가,${customers[0]!.email.toUpperCase()}\n나,${customers[1]!.email}\n다,nobody@example.kr\n`;
			await upload
				.locator('input.file-input')
				.setInputFiles({ name: '회원.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
			await upload.locator('.upload-preview').waitFor({ timeout: 30_000 });
			expect(await upload.locator('.matched-rows').innerText()).toBe('2');
			expect(await upload.locator('.unmatched-rows').innerText()).toBe('1');
			expect(await upload.locator('.would-add').innerText()).toBe('2');
			expect(await upload.locator('table.unmatched').innerText()).toContain('해당 고객 없음');
			await upload.locator('.upload-preview').scrollIntoViewIfNeeded();
			mkdirSync(SHOTS, { recursive: true });
			await page.screenshot({ path: resolve(SHOTS, 'segment-builder-csv.png') });

			await upload.locator('.confirm-upload button').click();
			await expect
				.poll(
					() =>
						upload
							.locator('.upload-result')
							.innerText()
							.catch(() => ''),
					{ timeout: 30_000 },
				)
				.toContain('2 추가');
		});
		const members = (await crm.client.request(
			readItems(
				'crm_segment_members' as never,
				{
					filter: { segment: { _eq: segment.id }, left_at: { _null: true } },
					fields: ['customer', 'source'],
					sort: ['customer'],
				} as never,
			),
		)) as { customer: number; source: string }[];
		expect(members).toEqual(customers.map((c) => ({ customer: c.id, source: 'csv' })));
	});
});
