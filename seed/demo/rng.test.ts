import { describe, expect, it } from 'vitest';
import { createRng } from './rng.ts';

const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
const draw = <T>(n: number, fn: () => T) => Array.from({ length: n }, fn);

describe('createRng', () => {
	it('repeats its sequence for the same seed and differs for another seed', () => {
		const a = createRng(42);
		const b = createRng(42);
		const c = createRng(43);
		const seqA = draw(1000, () => a.next());
		expect(draw(1000, () => b.next())).toEqual(seqA);
		expect(draw(1000, () => c.next())).not.toEqual(seqA);
	});

	it('gives unrelated streams for neighbouring seeds', () => {
		expect(createRng(1).next()).not.toBeCloseTo(createRng(2).next(), 3);
	});

	it('keeps next() in [0, 1) with a roughly uniform spread', () => {
		const rng = createRng(1);
		const values = draw(20_000, () => rng.next());
		expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
		expect(Math.max(...values)).toBeLessThan(1);
		expect(mean(values)).toBeCloseTo(0.5, 1);
	});

	it('respects int() bounds, reaching both ends, and rejects bad ranges', () => {
		const rng = createRng(7);
		const values = draw(5000, () => rng.int(3, 9));
		expect(Math.min(...values)).toBe(3);
		expect(Math.max(...values)).toBe(9);
		expect(values.every(Number.isInteger)).toBe(true);
		expect(draw(10, () => rng.int(-2, -2))).toEqual(Array(10).fill(-2));
		expect(() => rng.int(5, 4)).toThrow(RangeError);
		expect(() => rng.int(1.5, 4)).toThrow(RangeError);
	});

	it('keeps float() in range', () => {
		const rng = createRng(3);
		const values = draw(2000, () => rng.float(-5, 5));
		expect(values.every((v) => v >= -5 && v < 5)).toBe(true);
	});

	it('picks only members, and refuses an empty array', () => {
		const rng = createRng(9);
		const items = ['a', 'b', 'c'] as const;
		const picked = new Set(draw(500, () => rng.pick(items)));
		expect([...picked].sort()).toEqual(['a', 'b', 'c']);
		expect(() => rng.pick([])).toThrow(RangeError);
	});

	it('picks by weight, never choosing a zero weight', () => {
		const rng = createRng(11);
		const picks = draw(20_000, () =>
			rng.weighted([
				['rare', 1],
				['never', 0],
				['common', 3],
			] as const),
		);
		expect(picks).not.toContain('never');
		expect(picks.filter((p) => p === 'common').length / picks.length).toBeCloseTo(0.75, 1);
		const indexes = draw(5000, () => rng.weightedIndex([0, 2, 0, 2]));
		expect(new Set(indexes)).toEqual(new Set([1, 3]));
		expect(() => rng.weightedIndex([0, 0])).toThrow(RangeError);
	});

	it('samples normal, exponential, gamma and poisson values with the expected means', () => {
		const rng = createRng(5);
		const normals = draw(20_000, () => rng.normal(10, 2));
		expect(mean(normals)).toBeCloseTo(10, 1);
		expect(Math.sqrt(mean(normals.map((v) => (v - 10) ** 2)))).toBeCloseTo(2, 1);
		expect(mean(draw(20_000, () => rng.exponential(4)))).toBeGreaterThan(3.8);
		expect(mean(draw(20_000, () => rng.exponential(4)))).toBeLessThan(4.2);
		for (const shape of [0.5, 2, 6]) {
			const gammas = draw(20_000, () => rng.gamma(shape, 3));
			expect(gammas.every((v) => v > 0)).toBe(true);
			expect(mean(gammas) / (shape * 3)).toBeCloseTo(1, 1);
		}
		const poissons = draw(20_000, () => rng.poisson(1.5));
		expect(poissons.every((v) => Number.isInteger(v) && v >= 0)).toBe(true);
		expect(mean(poissons)).toBeCloseTo(1.5, 1);
		expect(rng.poisson(0)).toBe(0);
	});

	it('shuffles into a permutation without touching the input, and samples distinct items', () => {
		const rng = createRng(13);
		const items = Array.from({ length: 50 }, (_, i) => i);
		const shuffled = rng.shuffle(items);
		expect(items).toEqual(Array.from({ length: 50 }, (_, i) => i));
		expect(shuffled).not.toEqual(items);
		expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
		const sample = rng.sample(items, 10);
		expect(new Set(sample).size).toBe(10);
		expect(rng.sample(items, 99)).toHaveLength(50);
		expect(rng.sample(items, 0)).toEqual([]);
	});
});
