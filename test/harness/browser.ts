// Debian Chromium through playwright-core, logged into a CRM's admin: shared by the browser tests.
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { updateMe, updateSettings } from '@directus/sdk';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ROOT } from '../../scripts/lib/directus-process.ts';
import { ADMIN, type CrmInstance } from './crm.ts';

const CHROMIUM = '/usr/bin/chromium';
export const SHOTS = resolve(ROOT, '.tmp/e2e');

export interface AdminBrowser {
	browser: Browser;
	/** An English browser: any Korean on screen has to come from the user's language setting. */
	context: BrowserContext;
	close(): Promise<void>;
}

/** Makes the admin user Korean and answers the first-login dialogs (project owner, usage) that would block the app. */
export async function prepareKoreanAdmin(crm: CrmInstance) {
	await crm.client.request(updateMe({ language: 'ko-KR' } as never));
	await crm.client.request(
		updateSettings({ project_owner: ADMIN.email, project_usage: 'personal', product_updates: false } as never),
	);
}

export async function launchBrowser(viewport = { width: 1440, height: 900 }): Promise<AdminBrowser> {
	if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
	const browser = await chromium.launch({
		executablePath: CHROMIUM,
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
	const context = await browser.newContext({ locale: 'en-US', viewport });
	return {
		browser,
		context,
		close: async () => {
			await context.close().catch(() => {});
			await browser.close();
		},
	};
}

export async function logIn(page: Page, url: string) {
	await page.goto(`${url}/admin/login`);
	await page.locator('input[type="email"]').fill(ADMIN.email);
	await page.locator('input[type="password"]').fill(ADMIN.password);
	await page.locator('button[type="submit"]').click();
	await page.waitForURL((u) => u.pathname.startsWith('/admin/') && !u.pathname.startsWith('/admin/login'), {
		timeout: 60_000,
	});
}

/** Runs the browser steps; on failure leaves `.tmp/e2e/<name>-failure.png` and the page's text behind for debugging. */
export async function withFailureScreenshot(page: Page, name: string, steps: () => Promise<void>) {
	try {
		await steps();
	} catch (error) {
		mkdirSync(SHOTS, { recursive: true });
		await page.screenshot({ path: resolve(SHOTS, `${name}-failure.png`), fullPage: true }).catch(() => {});
		const text = await page
			.locator('body')
			.innerText({ timeout: 2_000 })
			.catch(() => '(no body)');
		console.error(
			`e2e failure at ${page.url()}; screenshot in .tmp/e2e/${name}-failure.png; page text:\n${text.slice(0, 3000)}`,
		);
		throw error;
	}
}

/** Opens a Directus v-select and picks the option with this exact text. */
export async function pickOption(page: Page, select: ReturnType<Page['locator']>, option: string) {
	await select.click();
	await page
		.locator('.v-menu-content .v-list-item')
		.filter({ hasText: new RegExp(`^\\s*${option.replace(/[()]/g, '\\$&')}\\s*$`) })
		.first()
		.click();
}
