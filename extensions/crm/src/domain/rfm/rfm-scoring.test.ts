import { describe, expect, it } from 'vitest';
import { quintileScores, recencyDays, rfmScores, rfmWindow } from './rfm-scoring';
import { randomInt, seededRandom } from '../shared/seeded-random';

const distinctScores = (scores: number[]) => [...new Set(scores)].sort();
const repeat = (value: number, times: number) => Array.from({ length: times }, () => value);

/** Random data sets with every shape of ties: few or many distinct values, skewed towards small ones. */
function randomDataSets(count: number): number[][] {
	const random = seededRandom(17);
	return Array.from({ length: count }, () => {
		const n = randomInt(random, 1, 200);
		const spread = randomInt(random, 1, 40);
		return Array.from({ length: n }, () => Math.floor(spread * random() ** randomInt(random, 1, 4)));
	});
}

describe('quintileScores', () => {
	it('is the plain quintile when there are no ties', () => {
		expect(quintileScores([10, 9, 8, 7, 6, 5, 4, 3, 2, 1])).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
	});

	it('never splits a tie block where ntile(5) would (rfm#17)', () => {
		// ntile(5) over these 10 rows puts the three 1s into buckets 1 and 2, and the 3s into 3 and 4.
		const scores = quintileScores([1, 1, 1, 2, 2, 2, 3, 3, 3, 4]);
		expect(scores).toEqual([1, 1, 1, 2, 2, 2, 3, 3, 3, 4]); // 4 distinct values: the dense rank
	});

	it('(a) gives equal values the same score, on random data with heavy ties', () => {
		for (const values of randomDataSets(300)) {
			const scores = quintileScores(values);
			const byValue = new Map<number, number>();
			values.forEach((v, i) => {
				expect(byValue.get(v) ?? scores[i]).toBe(scores[i]);
				byValue.set(v, scores[i]);
			});
		}
	});

	it('never decreases with the value, starts at 1 and steps by at most 1 between distinct values', () => {
		for (const values of randomDataSets(300)) {
			const scores = quintileScores(values);
			const pairs = [...new Map(values.map((v, i) => [v, scores[i]])).entries()].sort((a, b) => a[0] - b[0]);
			expect(pairs[0][1]).toBe(1);
			for (let i = 1; i < pairs.length; i++) expect(pairs[i][1] - pairs[i - 1][1]).toBeOneOf([0, 1]);
		}
	});

	it('(b) uses every score 1..5 whenever there are at least 5 distinct values, min(d, 5) scores otherwise', () => {
		for (const values of randomDataSets(300)) {
			const d = new Set(values).size;
			expect(distinctScores(quintileScores(values))).toEqual([1, 2, 3, 4, 5].slice(0, Math.min(d, 5)));
		}
	});

	it('(c) uses exactly two scores for two distinct values, whatever the split', () => {
		for (const low of [1, 10, 50, 90, 99]) {
			const scores = quintileScores([...repeat(1, low), ...repeat(2, 100 - low)]);
			expect(distinctScores(scores)).toEqual([1, 2]);
			expect(scores[0]).toBe(1);
		}
	});

	it('(d) heavy ties: 80% one-time buyers get 1, the repeat buyers spread over 2..5', () => {
		const frequencies = [
			...repeat(1, 80),
			...repeat(2, 4),
			...repeat(3, 4),
			...repeat(4, 4),
			...repeat(5, 4),
			...repeat(6, 4),
		];
		const score = new Map(frequencies.map((f, i) => [f, quintileScores(frequencies)[i]]));
		expect([...score.entries()]).toEqual([
			[1, 1],
			[2, 2],
			[3, 3],
			[4, 4],
			[5, 5],
			[6, 5],
		]);
		// Only one repeat frequency: the one-time buyers still get 1, not 4 (as ceil(5 * cume_dist) would give).
		expect(distinctScores(quintileScores([...repeat(1, 80), ...repeat(2, 20)]))).toEqual([1, 2]);
	});

	it('reverses recency: fewer days since the last purchase is better', () => {
		expect(quintileScores([0, 1, 2, 3, 4, 400, 400], false)).toEqual([5, 4, 3, 3, 2, 1, 1]);
		expect(quintileScores([3, 3, 30], false)).toEqual([2, 2, 1]);
	});

	it('handles empty and single-value inputs', () => {
		expect(quintileScores([])).toEqual([]);
		expect(quintileScores([42, 42, 42])).toEqual([1, 1, 1]);
	});
});

describe('rfmScores', () => {
	it('scores the three measures independently', () => {
		const measures = [0, 1, 2, 3, 4].map((i) => ({ recencyDays: i * 10, frequency: 5 - i, monetary: 100 * i }));
		expect(rfmScores(measures)).toEqual([
			{ r: 5, f: 5, m: 1 },
			{ r: 4, f: 4, m: 2 },
			{ r: 3, f: 3, m: 3 },
			{ r: 2, f: 2, m: 4 },
			{ r: 1, f: 1, m: 5 },
		]);
	});
});

describe('rfmWindow / recencyDays', () => {
	const now = new Date('2026-03-01T12:00:00Z');
	it('reaches windowDays back from now', () => {
		expect(rfmWindow({ now, windowDays: 365 }).from.toISOString()).toBe('2025-03-01T12:00:00.000Z');
	});
	it('rejects an invalid now or window', () => {
		expect(() => rfmWindow({ now: new Date('nope'), windowDays: 30 })).toThrow(/now/);
		expect(() => rfmWindow({ now, windowDays: 0 })).toThrow(/windowDays/);
		expect(() => rfmWindow({ now, windowDays: Number.NaN })).toThrow(/windowDays/);
	});
	it('floors to whole days', () => {
		expect(recencyDays(now, new Date('2026-02-27T13:00:00Z'))).toBe(1);
		expect(recencyDays(now, now)).toBe(0);
	});
});
