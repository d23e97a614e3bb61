import { describe, expect, it } from 'vitest';
import { compareRules, ruleMetrics } from './metrics';

describe('association rule measures', () => {
	it('support = pairs / N, confidence = pairs / count(X), lift = confidence / (count(Y) / N)', () => {
		// 10 baskets; X in 4, Y in 5, both in 3: support 0.3, confidence 0.75, lift 0.75 / 0.5 = 1.5
		expect(ruleMetrics({ pairs: 3, antecedent: 4, consequent: 5, baskets: 10 })).toEqual({
			support: 0.3,
			confidence: 0.75,
			lift: 1.5,
		});
		// the rule is directional: Y ⇒ X has the same support and lift but confidence 3 / 5
		expect(ruleMetrics({ pairs: 3, antecedent: 5, consequent: 4, baskets: 10 })).toEqual({
			support: 0.3,
			confidence: 0.6,
			lift: 1.5,
		});
	});

	it('gives lift 1 for independent products and below 1 when one discourages the other', () => {
		expect(ruleMetrics({ pairs: 2, antecedent: 4, consequent: 5, baskets: 10 }).lift).toBe(1);
		expect(ruleMetrics({ pairs: 1, antecedent: 4, consequent: 5, baskets: 10 }).lift).toBe(0.5);
	});

	it('answers zeros rather than dividing by zero', () => {
		expect(ruleMetrics({ pairs: 0, antecedent: 0, consequent: 0, baskets: 0 })).toEqual({
			support: 0,
			confidence: 0,
			lift: 0,
		});
	});

	it('ranks by lift, then confidence, then pair count, then the lower product id', () => {
		const rules = [
			{ product: 9, lift: 1.5, confidence: 0.5, pair_count: 3 },
			{ product: 4, lift: 2, confidence: 0.4, pair_count: 2 },
			{ product: 8, lift: 1.5, confidence: 0.6, pair_count: 2 },
			{ product: 3, lift: 1.5, confidence: 0.5, pair_count: 3 },
			{ product: 5, lift: 1.5, confidence: 0.5, pair_count: 4 },
		];
		expect([...rules].sort(compareRules).map((r) => r.product)).toEqual([4, 8, 5, 3, 9]);
		expect(
			[...rules]
				.reverse()
				.sort(compareRules)
				.map((r) => r.product),
		).toEqual([4, 8, 5, 3, 9]);
	});
});
