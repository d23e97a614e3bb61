import { describe, expect, it } from 'vitest';
import { parseLimit, parseStoredRules, rankForCustomer, type StoredRule } from './ranking';

const rule = (product: number, lift: number, confidence: number, pair_count = 2, name = `P${product}`): StoredRule => ({
	product,
	name,
	support: 0.1,
	confidence,
	lift,
	pair_count,
});

describe('recommendations for a customer', () => {
	it('merges the rules of every bought product, drops what the customer already has, ranks by lift then confidence', () => {
		const ranked = rankForCustomer(
			[
				{ product: 1, name: 'Tumbler', rules: [rule(2, 3, 0.5), rule(3, 1.5, 0.9), rule(4, 2, 0.4)] },
				{ product: 2, name: 'Mug', rules: [rule(1, 5, 1), rule(5, 2, 0.6)] },
			],
			10,
		);
		// 2 and 1 are already bought; 5 and 4 tie on lift 2, 5 has the higher confidence
		expect(ranked.map((r) => [r.product, r.because.name])).toEqual([
			[5, 'Mug'],
			[4, 'Tumbler'],
			[3, 'Tumbler'],
		]);
	});

	it('keeps one entry per product: the best rule among the bought products', () => {
		const ranked = rankForCustomer(
			[
				{ product: 1, name: 'A', rules: [rule(9, 1.2, 0.3)] },
				{ product: 2, name: 'B', rules: [rule(9, 1.8, 0.2)] },
				{ product: 3, name: 'C', rules: [rule(9, 1.8, 0.2)] },
			],
			10,
		);
		// B and C give the same rule: the lower antecedent id wins, whatever the input order
		expect(ranked).toEqual([{ ...rule(9, 1.8, 0.2), because: { product: 2, name: 'B' } }]);
		const reversed = [
			{ product: 3, name: 'C', rules: [rule(9, 1.8, 0.2)] },
			{ product: 2, name: 'B', rules: [rule(9, 1.8, 0.2)] },
		];
		expect(rankForCustomer(reversed, 10)[0].because.product).toBe(2);
	});

	it('breaks full ties by product id and honours the limit', () => {
		const ranked = rankForCustomer(
			[{ product: 1, name: 'A', rules: [rule(7, 2, 0.5), rule(5, 2, 0.5), rule(6, 2, 0.5)] }],
			2,
		);
		expect(ranked.map((r) => r.product)).toEqual([5, 6]);
		expect(rankForCustomer([{ product: 1, name: 'A', rules: [rule(7, 2, 0.5)] }], 0)).toEqual([]);
	});

	it('reads rules stored as JSON text (SQLite) or arrays (PostgreSQL) and skips malformed entries', () => {
		const stored = [
			rule(2, 1.5, 0.5),
			{ product: 'x', lift: 1 },
			null,
			{ product: 3, name: 7, support: '0.2', confidence: 0.4, lift: 1.1, pair_count: 2 },
		];
		const expected = [
			rule(2, 1.5, 0.5),
			{ product: 3, name: null, support: 0.2, confidence: 0.4, lift: 1.1, pair_count: 2 },
		];
		expect(parseStoredRules(stored)).toEqual(expected);
		expect(parseStoredRules(JSON.stringify(stored))).toEqual(expected);
		expect([parseStoredRules(null), parseStoredRules('not json'), parseStoredRules({})]).toEqual([[], [], []]);
	});

	it('gives nothing to a customer who bought nothing or whose products have no rules yet', () => {
		expect(rankForCustomer([], 5)).toEqual([]);
		expect(rankForCustomer([{ product: 1, name: 'A', rules: null }], 5)).toEqual([]);
	});
});

describe('the limit parameter', () => {
	it('defaults to 10 and accepts 1-50', () => {
		expect([parseLimit(undefined), parseLimit(''), parseLimit('1'), parseLimit('50')]).toEqual([
			{ limit: 10 },
			{ limit: 10 },
			{ limit: 1 },
			{ limit: 50 },
		]);
	});

	it('refuses anything else, naming the parameter', () => {
		for (const raw of ['0', '51', '2.5', '-1', 'ten', ['3']])
			expect(parseLimit(raw)).toEqual({ issue: { path: 'limit', message: 'must be a whole number from 1 to 50' } });
	});
});
