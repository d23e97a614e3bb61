// What the recommendations card shows, from GET /crm/customers/:id/recommendations. Pure, so it is unit-tested.
import type { Translator } from './i18n';

export interface RecommendationData {
	product: number;
	name: string | null;
	support: number;
	confidence: number;
	lift: number;
	pair_count: number;
	because: { product: number; name: string | null };
}

export interface RecommendationRow {
	key: number;
	name: string;
	/** The product's page in the admin app. */
	to: string;
	reason: string;
	confidence: string;
	lift: string;
	baskets: string;
}

export const CARD_LIMIT = 5;

export const isNewItem = (primaryKey: unknown) => primaryKey === null || primaryKey === undefined || primaryKey === '+';

export const recommendationsPath = (customer: string | number) =>
	`/crm/customers/${encodeURIComponent(String(customer))}/recommendations`;

export function formatPercent(value: number, language: string): string {
	return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(
		Number.isFinite(value) ? value : 0,
	);
}

export function formatLift(value: number, language: string): string {
	return new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 2 }).format(
		Number.isFinite(value) ? value : 0,
	);
}

export function toRows(data: readonly RecommendationData[], tr: Translator): RecommendationRow[] {
	return data.map((item) => {
		const confidence = formatPercent(item.confidence, tr.language);
		return {
			key: item.product,
			name: item.name ?? `#${item.product}`,
			to: `/content/crm_products/${item.product}`,
			reason: tr.t('reason', { because: item.because.name ?? `#${item.because.product}`, confidence }),
			confidence,
			lift: tr.t('lift_value', { lift: formatLift(item.lift, tr.language) }),
			baskets: tr.t('baskets', { n: new Intl.NumberFormat(tr.language).format(item.pair_count) }),
		};
	});
}

/** "as of 2026년 3월 1일" / "as of March 1, 2026"; null when the rules were never computed. */
export function asOf(computedAt: string | null, tr: Translator): string | null {
	if (!computedAt) return null;
	const date = new Date(computedAt);
	if (Number.isNaN(date.getTime())) return null;
	return tr.t('as_of', {
		date: new Intl.DateTimeFormat(tr.language, { year: 'numeric', month: 'long', day: 'numeric' }).format(date),
	});
}
