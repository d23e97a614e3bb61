// Pure helpers for the builder's lookup pickers: which list of real values fits a condition's key, and how the API's
// answers become select items. Fetching is in use-lookups.ts.
import { CUSTOMER_FIELDS } from '../../../domain/segments/field-catalogue';
import type { Condition } from '../../../domain/segments/rule-types';

export interface LookupItem {
	text: string;
	value: string | number;
}

/** A list of values: products, categories, tiers, segments, or the choices of a select field. */
export type LookupSource =
	| { name: 'products' | 'categories' | 'tiers' | 'segments' }
	| { name: 'choices'; collection: 'crm_customers' | 'crm_interactions'; field: string };

/** The lookup for `key` of `cond` ("value" for field conditions), or null when only free text fits. */
export function lookupFor(cond: Condition, key: string): LookupSource | null {
	switch (`${cond.type}.${key}`) {
		case 'bought.product':
			return { name: 'products' };
		case 'bought.category':
			return { name: 'categories' };
		case 'segment.segment':
			return { name: 'segments' };
		case 'interaction.channel':
			return { name: 'choices', collection: 'crm_interactions', field: 'channel' };
		case 'interaction.interactionType':
			return { name: 'choices', collection: 'crm_interactions', field: 'type' };
		case 'field.value': {
			const field = String(cond.field);
			if (field === 'tier') return { name: 'tiers' };
			// Only comparisons with whole values get a picker; contains / starts_with stay free text.
			const picks = ['eq', 'neq', 'in', 'not_in'].includes(String(cond.op));
			return picks && CUSTOMER_FIELDS[field] === 'string'
				? { name: 'choices', collection: 'crm_customers', field }
				: null;
		}
		default:
			return null;
	}
}

export const lookupKey = (source: LookupSource) =>
	source.name === 'choices' ? `choices:${source.collection}` : source.name;

type Row = Record<string, unknown>;
const byText = (a: LookupItem, b: LookupItem) => a.text.localeCompare(b.text, 'ko');

/** Products by name, with the SKU so equal names stay apart. */
export function productItems(rows: Row[]): LookupItem[] {
	return rows
		.map((row) => ({
			text: row.sku ? `${row.name ?? ''} (${row.sku})` : String(row.name ?? `#${row.id}`),
			value: Number(row.id),
		}))
		.sort(byText);
}

/** Distinct non-empty categories (from a grouped products query). */
export function categoryItems(rows: Row[]): LookupItem[] {
	const names = [
		...new Set(rows.map((row) => row.category).filter((c): c is string => typeof c === 'string' && c.trim() !== '')),
	];
	return names.map((name) => ({ text: name, value: name })).sort(byText);
}

/** Rows with an id and a name (tiers in the order given, e.g. by rank; segments), leaving out `exclude`. */
export function namedItems(rows: Row[], exclude?: string | number | null): LookupItem[] {
	return rows
		.filter((row) => exclude == null || String(row.id) !== String(exclude))
		.map((row) => ({ text: String(row.name ?? `#${row.id}`), value: Number(row.id) }));
}

/**
 * Each select field's choices from GET /fields/<collection>: { field → items }. Choice texts may be translation keys
 * ("$t:crm_choice_vip"); `translate` resolves them (returning the key itself when it has no translation).
 */
export function choiceItems(fields: Row[], translate: (key: string) => string): Record<string, LookupItem[]> {
	const out: Record<string, LookupItem[]> = {};
	for (const field of fields) {
		const choices = ((field.meta as Row | null)?.options as Row | null)?.choices;
		if (!Array.isArray(choices) || !choices.length) continue;
		out[String(field.field)] = choices.map((choice: Row) => {
			const text = String(choice.text ?? choice.value);
			const key = text.startsWith('$t:') ? text.slice(3) : null;
			const translated = key ? translate(key) : text;
			return {
				text: key && translated === key ? String(choice.value) : translated,
				value: choice.value as string | number,
			};
		});
	}
	return out;
}

/** The items plus the current value when it is not among them (a deleted product, a typed-in value), so it still shows. */
export function withCurrent(items: LookupItem[], value: unknown): LookupItem[] {
	const values = Array.isArray(value) ? value : value === undefined || value === null || value === '' ? [] : [value];
	const missing = values.filter((v) => !items.some((item) => String(item.value) === String(v)));
	return [
		...items,
		...missing.map((v) => ({ text: typeof v === 'number' ? `#${v}` : String(v), value: v as string | number })),
	];
}

/** What was picked or typed: digits become numbers for id lookups, '' becomes undefined. */
export function pickedValue(source: LookupSource, raw: unknown): unknown {
	if (raw === null || raw === undefined || raw === '') return undefined;
	if (Array.isArray(raw)) return raw.map((v) => pickedValue(source, v)).filter((v) => v !== undefined);
	const ids = source.name === 'products' || source.name === 'tiers' || source.name === 'segments';
	return ids && /^\d+$/.test(String(raw)) ? Number(raw) : raw;
}
