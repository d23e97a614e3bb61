// Counts what a member of staff does with the mouse while a browser test does a job: each click is one, picking from
// a dropdown is two (open, choose), typing into a field is one (the click into it; the keystrokes are not counted),
// a keyboard shortcut such as Ctrl+S is one.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { ROOT } from '../../scripts/lib/directus-process.ts';
import { pickOption } from './browser.ts';

/** Screenshots of finished jobs, committed for the docs. */
export const DOC_SCREENS = resolve(ROOT, 'docs/screens');

export class ClickCounter {
	count = 0;
	readonly steps: string[] = [];

	constructor(private readonly page: Page) {}

	private note(clicks: number, what: string) {
		this.count += clicks;
		this.steps.push(`${clicks} ${what}`);
	}

	async click(target: Locator, what = 'click') {
		this.note(1, what);
		await target.click();
	}

	async type(target: Locator, text: string, what = 'type') {
		this.note(1, what);
		await target.click();
		await target.fill(text);
	}

	async pick(select: Locator, option: string) {
		this.note(2, `pick ${option}`);
		await pickOption(this.page, select, option);
	}

	async shortcut(keys: string, what = keys) {
		this.note(1, what);
		await this.page.keyboard.press(keys);
	}
}

/** A viewport-sized PNG of the finished job under docs/screens/. */
export async function docScreenshot(page: Page, name: string) {
	mkdirSync(DOC_SCREENS, { recursive: true });
	await page.screenshot({ path: resolve(DOC_SCREENS, `${name}.png`) });
}
