// The admin compiles every field note, label, choice text and translation as a vue-i18n message: a brace, `@`, `|`
// or `$` in one is message syntax, and one bad message blanks the whole form (the settings page and the template form
// were blank). This walks the schema definition, the translations the installer writes and the shipped snapshots.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { translationEntries } from '../lib/install-crm.ts';
import { ROOT } from '../lib/directus-process.ts';
import { ALL_CHOICES, COLLECTIONS } from './definition.ts';

const FORBIDDEN = /[{}@|$]/;
// A `$t:key` reference is resolved by key, not compiled; anything else in a text must be plain.
const REFERENCE = /^\$t:[A-Za-z0-9_.-]+$/;
// Keys under which Directus shows a meta value as text (display templates such as `options.template` are not messages).
const TEXT_KEYS = new Set([
	'note',
	'text',
	'title',
	'label',
	'placeholder',
	'translation',
	'singular',
	'plural',
	'name',
]);

/** Every text in `value` under a text key, with its path, found recursively. */
function texts(value: unknown, path: string, underText = false): { path: string; text: string }[] {
	if (typeof value === 'string') return underText ? [{ path, text: value }] : [];
	if (Array.isArray(value)) return value.flatMap((item, i) => texts(item, `${path}[${i}]`, underText));
	if (value && typeof value === 'object')
		return Object.entries(value).flatMap(([key, item]) =>
			texts(item, `${path}.${key}`, underText || TEXT_KEYS.has(key)),
		);
	return [];
}

export function badTexts(found: { path: string; text: string }[], knownKeys: Set<string>) {
	return found.filter(({ text }) => {
		if (REFERENCE.test(text)) return !knownKeys.has(text.slice(3)) && text.startsWith('$t:crm_');
		return FORBIDDEN.test(text);
	});
}

const known = new Set(translationEntries().map((t) => t.key));

describe('meta texts are plain vue-i18n messages', () => {
	it('finds a brace, @, | or $ in a text, and accepts $t references to installed keys', () => {
		const sample = [
			{ path: 'a', text: 'Handlebars: {{first_name}}' },
			{ path: 'b', text: '예: {"nps": 50}' },
			{ path: 'c', text: 'mail@example.com' },
			{ path: 'd', text: 'a | b' },
			{ path: 'e', text: 'costs $5' },
			{ path: 'f', text: '$t:crm_choice_never_installed' },
			{ path: 'g', text: '$t:crm_choice_paid' },
			{ path: 'h', text: '$t:documentation' },
			{ path: 'i', text: '재구매율 0.4, NPS 50' },
		];
		expect(badTexts(sample, known).map((t) => t.path)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
	});

	it('in the schema definition: collection and field labels, notes and every meta text', () => {
		const found = COLLECTIONS.flatMap((def) => [
			...texts({ label: def.label, note: def.note }, def.collection),
			...def.fields.flatMap((field) =>
				texts({ label: field.label, note: field.note, meta: field.meta }, `${def.collection}.${field.field}`),
			),
		]);
		expect(found.length).toBeGreaterThan(500);
		expect(badTexts(found, known)).toEqual([]);
	});

	it('in every choice text and every translation the installer writes', () => {
		const found = [
			...ALL_CHOICES.flatMap((choice) => texts({ text: [choice.en, choice.ko] }, `choice ${choice.value}`)),
			...translationEntries().map((t) => ({ path: `${t.key} ${t.language}`, text: t.value })),
		];
		expect(found.length).toBeGreaterThan(500);
		expect(badTexts(found, known)).toEqual([]);
	});

	it.each(['sqlite', 'postgres'])('in the shipped %s snapshot', (vendor) => {
		const snapshot = JSON.parse(readFileSync(resolve(ROOT, 'snapshots', `crm.${vendor}.json`), 'utf8')) as {
			collections: { collection: string; meta: unknown }[];
			fields: { collection: string; field: string; meta: unknown }[];
		};
		const found = [
			...snapshot.collections.flatMap((c) => texts(c.meta, c.collection)),
			...snapshot.fields.flatMap((field) => texts(field.meta, `${field.collection}.${field.field}`)),
		];
		expect(found.length).toBeGreaterThan(500);
		expect(badTexts(found, known)).toEqual([]);
	});
});
