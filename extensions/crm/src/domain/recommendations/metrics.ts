// Association-rule measures for "customers who bought X also bought Y" over N baskets. The SQL in
// data/recommendations computes the same quantities set-wise; these are the definitions (and what the tests check).

export interface PairCounts {
	/** baskets containing both X and Y */
	pairs: number;
	/** baskets containing X (the antecedent) */
	antecedent: number;
	/** baskets containing Y (the consequent) */
	consequent: number;
	/** all baskets in the window */
	baskets: number;
}

export interface RuleMetrics {
	support: number;
	confidence: number;
	lift: number;
}

/**
 * support = pairs / N; confidence = pairs / count(X); lift = confidence / (count(Y) / N), computed as
 * pairs·N / (count(X)·count(Y)) so each measure is one division of whole numbers (exact-as-possible thresholds).
 */
export function ruleMetrics(counts: PairCounts): RuleMetrics {
	const { pairs, antecedent, consequent, baskets } = counts;
	if (baskets <= 0 || antecedent <= 0 || consequent <= 0) return { support: 0, confidence: 0, lift: 0 };
	return {
		support: pairs / baskets,
		confidence: pairs / antecedent,
		lift: (pairs * baskets) / (antecedent * consequent),
	};
}

export interface RankedRule {
	/** the consequent's product id */
	product: number;
	lift: number;
	confidence: number;
	pair_count: number;
}

/** Best first: higher lift, then confidence, then more baskets behind it, then the lower product id (stable). */
export function compareRules(a: RankedRule, b: RankedRule): number {
	return b.lift - a.lift || b.confidence - a.confidence || b.pair_count - a.pair_count || a.product - b.product;
}
