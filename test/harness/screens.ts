// Helpers of the screens test: which screens a role may open, in-app navigation, and what a ko-KR screen shows that
// is not Korean (English UI text, raw codes), once the data values on it are set aside.
import type { Page } from 'playwright-core';
import type { RoleSpec } from '../../scripts/lib/roles.ts';

export type ScreenKind = 'list' | 'create' | 'item';
export interface Screen {
	collection: string;
	kind: ScreenKind;
	path: string;
}

/** Proper nouns and units a Korean screen may show in Latin letters. */
export const ALLOWED_LATIN = new Set([
	'RFM',
	'NPS',
	'CSAT',
	'CLV',
	'SKU',
	'KPI',
	'CRM',
	'CSV',
	'SMS',
	'POS',
	'VIP',
	'ID',
	'IANA',
	'BG/NBD',
	'Gamma-Gamma',
	'Pareto/NBD',
	'KRW',
	'USD',
	'P',
	'X',
	'Y',
	'N',
	'E.164',
	'JSON',
	'Asia/Seoul',
	'README',
	'Handlebars',
	'Directus',
	'ROI',
	'UTF-8',
	'EUC-KR',
	'EUC',
	'API',
	'AND',
	'OR',
	// Key names in Directus's own Korean hints ("Enter 키를 누릅니다").
	'Enter',
	// The loyalty formula language's own names, typed as shown (crm_loyalty_rules.formula).
	'floor',
	'round',
	'ceil',
	'min',
	'max',
	'abs',
	'amount',
	'quantity',
	'lines',
]);

/** The list, create form and one item form of every CRM collection the role may read (create only where it may). */
export function screensFor(
	permissions: RoleSpec['permissions'] | 'admin',
	collections: readonly string[],
	ids: Record<string, number | string>,
	singletons: ReadonlySet<string>,
): Screen[] {
	return collections.flatMap((collection): Screen[] => {
		const actions = permissions === 'admin' ? ['read', 'create'] : (permissions[collection] ?? []);
		if (!actions.includes('read')) return [];
		const base = `/content/${collection}`;
		if (singletons.has(collection)) return [{ collection, kind: 'item', path: base }];
		return [
			{ collection, kind: 'list', path: base },
			...(actions.includes('create') ? [{ collection, kind: 'create' as const, path: `${base}/+` }] : []),
			{ collection, kind: 'item', path: `${base}/${ids[collection]}` },
		];
	});
}

/** Moves the admin app to `path` (under /admin) with its own router: no reload, no new login. */
export async function goInApp(page: Page, path: string) {
	await page.evaluate(async (to) => {
		const app = document.querySelector('#app') as (Element & { __vue_app__?: unknown }) | null;
		const router = (
			app?.__vue_app__ as { config: { globalProperties: { $router: { push(p: string): Promise<unknown> } } } }
		).config.globalProperties.$router;
		await router.push(to);
	}, path);
}

/** Waits until the screen has rendered: a list's table or empty state, or a form's field labels; false if never. */
export async function waitForScreen(page: Page, kind: ScreenKind, timeout = 15_000): Promise<boolean> {
	try {
		await page.waitForFunction(
			(k) => {
				const main = document.querySelector('main');
				if (!main || main.querySelector('.v-skeleton-loader, .v-progress-linear.indeterminate')) return false;
				if (k === 'list')
					return Boolean(main.querySelector('.v-table tbody tr.table-row, .v-info, .layout-tabular .no-items'));
				return main.querySelectorAll('.v-form .field-label').length > 0;
			},
			kind,
			{ timeout, polling: 100 },
		);
		return true;
	} catch {
		return false;
	}
}

/**
 * The texts a user reads on the page: text nodes and placeholders outside icons (ligature names), code editors and
 * inputs' values, each trimmed.
 */
export function visibleTexts(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const skip = '.v-icon, [data-icon], .cm-editor, .CodeMirror, code, pre, script, style, noscript, textarea, svg';
		const texts: string[] = [];
		// The screen itself and the collection navigation; Directus's own side panels (AI assistant, help) are not the CRM's.
		const roots = Array.from(document.querySelectorAll('main, #navigation'));
		for (const root of roots.length ? roots : [document.body]) {
			const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
			for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				const parent = node.parentElement;
				const text = node.textContent?.trim();
				if (!text || !parent || parent.closest(skip)) continue;
				if (!parent.checkVisibility?.()) continue;
				texts.push(text);
			}
			for (const input of Array.from(root.querySelectorAll('input[placeholder], textarea[placeholder]'))) {
				const placeholder = input.getAttribute('placeholder')?.trim();
				if (placeholder && (input as HTMLElement).checkVisibility?.()) texts.push(placeholder);
			}
		}
		return texts;
	});
}

const LATIN_WORD = /[A-Za-z][A-Za-z0-9]*(?:[._/\-:][A-Za-z0-9]+)*/g;

/**
 * Latin words in `texts` once every data value is removed (longest first) and allowed proper nouns are skipped:
 * English UI text or raw codes (`order_paid`, `crm_customers`). E-mail addresses and URLs are data.
 */
export function nonKoreanWords(texts: string[], dataValues: string[]): string[] {
	const values = [...new Set(dataValues.filter((v) => v.trim().length > 0))].sort((a, b) => b.length - a.length);
	const found = new Map<string, string>();
	for (const text of texts) {
		let rest = text;
		for (const value of values) if (rest.includes(value)) rest = rest.split(value).join(' ');
		rest = rest.replace(/\S+@\S+\.\S+/g, ' ').replace(/https?:\/\/\S+/g, ' ');
		for (const word of rest.match(LATIN_WORD) ?? [])
			if (!ALLOWED_LATIN.has(word) && !found.has(word)) found.set(word, text.slice(0, 80));
	}
	return [...found].map(([word, text]) => (word === text ? word : `${word} (in "${text}")`));
}

/** Every string in the rows (nested JSON included), as the data values a screen may show. */
export function stringsIn(value: unknown, into: string[] = []): string[] {
	if (typeof value === 'string') {
		into.push(value.trim());
		// A value shown by parts (a bilingual name "실버 Silver", "₩5,000 off") is data in each part too.
		for (const part of value.split(/\s+\/\s+|\n/)) if (part.trim()) into.push(part.trim());
	} else if (Array.isArray(value)) for (const item of value) stringsIn(item, into);
	else if (value && typeof value === 'object') for (const item of Object.values(value)) stringsIn(item, into);
	return into;
}
