// Recommendations for one customer from the stored top-K rules of the products they bought: merge, drop what they
// already bought, keep each product's best rule, rank. Pure: the caller reads the rules (one query).
import { compareRules } from './metrics';

/** One entry of crm_products.also_bought. */
export interface StoredRule {
	product: number;
	name: string | null;
	support: number;
	confidence: number;
	lift: number;
	pair_count: number;
}

export interface Recommendation extends StoredRule {
	/** The bought product whose rule ranks this one highest ("because you bought …"). */
	because: { product: number; name: string | null };
}

export interface BoughtProduct {
	product: number;
	name: string | null;
	/** crm_products.also_bought as stored: an array, JSON text (SQLite) or null (never computed). */
	rules: unknown;
}

const finite = (value: unknown) =>
	(typeof value === 'number' || typeof value === 'string') && value !== '' && Number.isFinite(Number(value));

/** Reads stored rules, skipping anything malformed (the column is ours, but never trust JSON read back). */
export function parseStoredRules(value: unknown): StoredRule[] {
	let list = value;
	if (typeof value === 'string') {
		try {
			list = JSON.parse(value);
		} catch {
			return [];
		}
	}
	if (!Array.isArray(list)) return [];
	return list.flatMap((entry) => {
		const row = entry as Record<string, unknown> | null;
		if (
			!row ||
			!Number.isInteger(Number(row.product)) ||
			!['support', 'confidence', 'lift', 'pair_count'].every((key) => finite(row[key]))
		)
			return [];
		return [
			{
				product: Number(row.product),
				name: typeof row.name === 'string' ? row.name : null,
				support: Number(row.support),
				confidence: Number(row.confidence),
				lift: Number(row.lift),
				pair_count: Number(row.pair_count),
			},
		];
	});
}

/** The best `limit` products the customer has not bought, ranked by compareRules; each product appears once. */
export function rankForCustomer(bought: readonly BoughtProduct[], limit: number): Recommendation[] {
	const owned = new Set(bought.map((b) => b.product));
	const best = new Map<number, Recommendation>();
	// Antecedents in id order, so that equal rules from two bought products resolve to the same "because" every time.
	for (const source of [...bought].sort((a, b) => a.product - b.product)) {
		for (const rule of parseStoredRules(source.rules)) {
			if (owned.has(rule.product)) continue;
			const candidate: Recommendation = { ...rule, because: { product: source.product, name: source.name } };
			const current = best.get(rule.product);
			if (!current || compareRules(candidate, current) < 0) best.set(rule.product, candidate);
		}
	}
	return [...best.values()].sort(compareRules).slice(0, Math.max(0, limit));
}

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 50;

/** `?limit=` of the customer endpoint: 1-50, default 10. */
export function parseLimit(raw: unknown): { limit: number } | { issue: { path: string; message: string } } {
	if (raw === undefined || raw === '') return { limit: DEFAULT_LIMIT };
	const value = typeof raw === 'string' && /^\d{1,3}$/.test(raw) ? Number(raw) : NaN;
	if (!Number.isInteger(value) || value < 1 || value > MAX_LIMIT)
		return { issue: { path: 'limit', message: `must be a whole number from 1 to ${MAX_LIMIT}` } };
	return { limit: value };
}
