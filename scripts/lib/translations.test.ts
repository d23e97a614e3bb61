// Every `$t:` key the snapshots use (notes, choices, dividers) must have a Korean and an English translation.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { translationEntries } from './install-crm.ts';
import { ROOT } from './directus-process.ts';

function translationKeys(value: unknown, keys = new Set<string>()): Set<string> {
	if (typeof value === 'string' && value.startsWith('$t:')) keys.add(value.slice(3));
	else if (Array.isArray(value)) value.forEach((item) => translationKeys(item, keys));
	else if (value && typeof value === 'object') Object.values(value).forEach((item) => translationKeys(item, keys));
	return keys;
}

describe('snapshot translations', () => {
	const entries = translationEntries();
	for (const vendor of ['sqlite', 'postgres']) {
		it(`covers every $t: key in crm.${vendor}.json in ko-KR and en-US`, () => {
			const keys = translationKeys(JSON.parse(readFileSync(resolve(ROOT, 'snapshots', `crm.${vendor}.json`), 'utf8')));
			expect(keys.size).toBeGreaterThan(50);
			const missing = [...keys].flatMap((key) =>
				['ko-KR', 'en-US']
					.filter((language) => !entries.some((e) => e.key === key && e.language === language))
					.map((language) => `${key} (${language})`),
			);
			expect(missing).toEqual([]);
		});
	}

	it('has no duplicate keys per language', () => {
		const seen = entries.map((e) => `${e.key}|${e.language}`);
		expect(new Set(seen).size).toBe(seen.length);
	});
});
