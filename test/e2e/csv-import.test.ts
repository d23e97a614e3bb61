// The CSV import page in the real admin (Chromium, Korean UI): upload an EUC-KR file as Korean Excel writes it, see the
// suggested mapping and the dry run with the bad row named, import with progress, and find the customers saved.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { readItems } from '@directus/sdk';
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

let crm: CrmInstance;
let browserSession: AdminBrowser;
let context: BrowserContext;

beforeAll(async () => {
	crm = await bootCrm('e2e-csv-import', { db: 'sqlite' });
	await prepareKoreanAdmin(crm);
	browserSession = await launchBrowser({ width: 1440, height: 1000 });
	context = browserSession.context;
});
afterAll(async () => {
	await browserSession?.close();
	await crm?.stop();
});

/** "이름,이메일,휴대폰" etc. encoded as EUC-KR, the encoding Korean Excel uses for "CSV". */
function eucKr(text: string): Buffer {
	const decoder = new TextDecoder('euc-kr');
	// Build a reverse table for the characters we need from the EUC-KR code space (KS X 1001 Hangul block).
	const table = new Map<string, number[]>();
	for (let lead = 0xb0; lead <= 0xc8; lead++)
		for (let trail = 0xa1; trail <= 0xfe; trail++)
			table.set(decoder.decode(new Uint8Array([lead, trail])), [lead, trail]);
	const bytes: number[] = [];
	for (const char of text) {
		if (char.charCodeAt(0) < 0x80) bytes.push(char.charCodeAt(0));
		else
			bytes.push(
				...(table.get(char) ??
					(() => {
						throw new Error(`no EUC-KR code for ${char}`);
					})()),
			);
	}
	return Buffer.from(bytes);
}

describe('CSV import page', () => {
	it('previews and imports a Korean Excel CSV', async () => {
		const page = await context.newPage();
		await withFailureScreenshot(page, 'csv-import', async () => {
			await logIn(page, crm.url);
			await page.goto(`${crm.url}/admin/crm-import`);
			const root = page.locator('.crm-import');
			await root.waitFor({ timeout: 60_000 });
			const csv = eucKr(
				'이름,이메일,휴대폰\r\n김민준,minjun@example.com,010-1234-5678\r\n박서연,seoyeon@example.com,010-9876-5432\r\n이도윤,doyun@example.com,12345\r\n',
			);
			await root.locator('input.file-input').setInputFiles({ name: '고객.csv', mimeType: 'text/csv', buffer: csv });
			await root.locator('.valid-rows').waitFor({ timeout: 30_000 });
			expect(await root.locator('.valid-rows').innerText()).toBe('2');
			expect(await root.locator('.invalid-rows').innerText()).toBe('1');
			expect(await root.locator('table.issues').innerText()).toContain('phone');
			expect(await root.locator('table.mapping').innerText()).toContain('이메일');

			await root.locator('.import-button button').click();
			await root.locator('.result').waitFor({ timeout: 30_000 });
			expect(await root.locator('.result').innerText()).toContain('2 처리');
			mkdirSync(SHOTS, { recursive: true });
			await page.screenshot({ path: resolve(SHOTS, 'csv-import.png') });
		});
		const saved = (await crm.client.request(
			readItems('crm_customers' as never, { fields: ['full_name', 'phone'], sort: ['id'] } as never),
		)) as { full_name: string; phone: string }[];
		expect(saved).toEqual([
			{ full_name: '김민준', phone: '+821012345678' },
			{ full_name: '박서연', phone: '+821098765432' },
		]);
	});
});
