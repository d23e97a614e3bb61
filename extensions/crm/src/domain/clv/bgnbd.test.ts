/* eslint-disable no-loss-of-precision -- reference values are written as the reference tool printed them */
import { describe, it, expect } from 'vitest';
import {
	bgnbdLogLikelihood,
	expectedPurchases,
	expectedPurchasesNewCustomer,
	fitBgnbd,
	groupObservations,
	probabilityAlive,
	type BgNbdParams,
} from './bgnbd';
import { logBeta, logGamma } from './special-functions';
import type { RfmObservation } from './summary';
import { seededRandom } from '../shared/seeded-random';

// Published CDNOW estimates (Fader, Hardie & Lee 2005).
const published: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

/** Eq. 6 evaluated directly, without the log-space rearrangement. */
function directLikelihood(
	{ r, alpha, a, b }: BgNbdParams,
	{ frequency: x, recency: tx, age: T }: RfmObservation,
): number {
	const gammaRatio = Math.exp(logGamma(r + x) - logGamma(r)) * Math.pow(alpha, r);
	const betaAB = Math.exp(logBeta(a, b));
	const stillAlive = ((Math.exp(logBeta(a, b + x)) / betaAB) * gammaRatio) / Math.pow(alpha + T, r + x);
	const droppedOut =
		x > 0 ? ((Math.exp(logBeta(a + 1, b + x - 1)) / betaAB) * gammaRatio) / Math.pow(alpha + tx, r + x) : 0;
	return stillAlive + droppedOut;
}

describe('bgnbdLogLikelihood', () => {
	it('agrees with the likelihood formula evaluated directly', () => {
		const customers: RfmObservation[] = [
			{ frequency: 0, recency: 0, age: 38.86 },
			{ frequency: 2, recency: 30.43, age: 38.86 },
			{ frequency: 7, recency: 12, age: 30 },
		];
		for (const customer of customers) {
			expect(bgnbdLogLikelihood(published, [customer])).toBeCloseTo(
				Math.log(directLikelihood(published, customer)),
				12,
			);
		}
		const total = customers.reduce((sum, customer) => sum + Math.log(directLikelihood(published, customer)), 0);
		expect(bgnbdLogLikelihood(published, customers)).toBeCloseTo(total, 11);
	});

	it('is 0 for a brand-new customer (nothing could have happened yet)', () => {
		expect(bgnbdLogLikelihood(published, [{ frequency: 0, recency: 0, age: 0 }])).toBeCloseTo(0, 14);
	});

	it('stays finite at the edges', () => {
		const edgeCases: RfmObservation[] = [
			{ frequency: 1, recency: 0, age: 0 },
			{ frequency: 500, recency: 100, age: 100 },
			{ frequency: 3, recency: 1e-9, age: 1e6 },
		];
		for (const customer of edgeCases) expect(Number.isFinite(bgnbdLogLikelihood(published, [customer]))).toBe(true);
		const extremeParams = { r: 1e-6, alpha: 1e6, a: 1e-6, b: 1e4 };
		expect(Number.isFinite(bgnbdLogLikelihood(extremeParams, edgeCases))).toBe(true);
	});

	it('is NaN for non-positive parameters', () => {
		expect(bgnbdLogLikelihood({ ...published, a: 0 }, [{ frequency: 0, recency: 0, age: 1 }])).toBeNaN();
	});
});

describe('probabilityAlive', () => {
	it('is 1 without repeat purchases: BG/NBD customers only drop out right after a purchase', () => {
		expect(probabilityAlive(published, { frequency: 0, recency: 0, age: 38.86 })).toBe(1);
		expect(probabilityAlive(published, { frequency: 0, recency: 0, age: 1e6 })).toBe(1);
	});

	it('is 1 / (1 + a / (b + x − 1)) for a purchase right at the end of the period', () => {
		const { a, b } = published;
		expect(probabilityAlive(published, { frequency: 3, recency: 20, age: 20 })).toBeCloseTo(1 / (1 + a / (b + 2)), 14);
	});

	it('falls as the time since the last purchase grows', () => {
		const recent = probabilityAlive(published, { frequency: 2, recency: 30.43, age: 38.86 });
		const lapsed = probabilityAlive(published, { frequency: 2, recency: 5, age: 38.86 });
		expect(recent).toBeGreaterThan(lapsed);
		expect(lapsed).toBeGreaterThan(0);
	});
});

describe('expectedPurchases', () => {
	it('matches E[X(t)] obtained by integrating the model numerically (mpmath)', () => {
		// E[X(t)] = E_p[(1 − (α / (α + p·t))^r) / p] with p ~ Beta(a, b), integrated independently.
		expect(expectedPurchasesNewCustomer(published, 1)).toBeCloseTo(0.0532678911716583, 13);
		expect(expectedPurchasesNewCustomer(published, 39)).toBeCloseTo(1.19672319332081684, 12);
		expect(expectedPurchasesNewCustomer(published, 78)).toBeCloseTo(1.86051905794276854, 12);
		expect(expectedPurchasesNewCustomer(published, 1000)).toBeCloseTo(6.58039161373823222, 10);
	});

	it('is the published 1.226 for x = 2, t_x = 30.43, T = 38.86 over 39 weeks', () => {
		expect(expectedPurchases(published, { frequency: 2, recency: 30.43, age: 38.86 }, 39)).toBeCloseTo(1.226, 3);
	});

	it('starts at rate P(alive) · (r + x) / (α + T)', () => {
		const customer = { frequency: 4, recency: 25, age: 38 };
		const h = 1e-6;
		const rate = (probabilityAlive(published, customer) * (published.r + 4)) / (published.alpha + 38);
		expect(expectedPurchases(published, customer, h) / h).toBeCloseTo(rate, 6);
	});

	it('is 0 at t = 0 and increases with t', () => {
		const customer = { frequency: 1, recency: 10, age: 20 };
		expect(expectedPurchases(published, customer, 0)).toBe(0);
		let previous = 0;
		for (const t of [1, 5, 20, 100]) {
			const next = expectedPurchases(published, customer, t);
			expect(next).toBeGreaterThan(previous);
			previous = next;
		}
	});

	it('is continuous across the removable singularity at a = 1', () => {
		const customer = { frequency: 2, recency: 10, age: 20 };
		const atOne = expectedPurchases({ ...published, a: 1 }, customer, 10);
		const near = expectedPurchases({ ...published, a: 1 + 1e-4 }, customer, 10);
		expect(Number.isFinite(atOne)).toBe(true);
		expect(atOne).toBeCloseTo(near, 3);
	});

	it('rejects invalid input', () => {
		expect(() => expectedPurchases(published, { frequency: 1, recency: 5, age: 4 }, 1)).toThrow(RangeError);
		expect(() => expectedPurchases(published, { frequency: 1.5, recency: 1, age: 4 }, 1)).toThrow(RangeError);
		expect(() => expectedPurchases(published, { frequency: 0, recency: 1, age: 4 }, 1)).toThrow(RangeError);
		expect(() => expectedPurchases(published, { frequency: 1, recency: 1, age: 4 }, -1)).toThrow(RangeError);
	});
});

function standardNormal(random: () => number): number {
	return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** Gamma(shape, scale 1) by Marsaglia & Tsang, boosted for shape < 1. */
function gammaVariate(shape: number, random: () => number): number {
	if (shape < 1) return gammaVariate(shape + 1, random) * Math.pow(random(), 1 / shape);
	const d = shape - 1 / 3;
	const c = 1 / Math.sqrt(9 * d);
	for (;;) {
		const z = standardNormal(random);
		const v = (1 + c * z) ** 3;
		if (v > 0 && Math.log(1 - random()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
	}
}

/** Customers drawn from the BG/NBD story itself, observed for 20 to 40 weeks. */
function simulateCustomers({ r, alpha, a, b }: BgNbdParams, count: number, seed: number): RfmObservation[] {
	const random = seededRandom(seed);
	const customers: RfmObservation[] = [];
	for (let i = 0; i < count; i++) {
		const rate = gammaVariate(r, random) / alpha;
		const gammaA = gammaVariate(a, random);
		const dropout = gammaA / (gammaA + gammaVariate(b, random));
		const age = 20 + 20 * random();
		let frequency = 0;
		let recency = 0;
		let time = 0;
		for (;;) {
			time += -Math.log(1 - random()) / rate;
			if (time > age) break;
			frequency++;
			recency = time;
			if (random() < dropout) break;
		}
		customers.push({ frequency, recency, age });
	}
	return customers;
}

describe('fitBgnbd', () => {
	const truth: BgNbdParams = { r: 0.5, alpha: 3, a: 0.8, b: 2.5 };
	const customers = simulateCustomers(truth, 5000, 42);
	const fit = fitBgnbd(customers);

	it('recovers the parameters of simulated data', () => {
		expect(fit.converged).toBe(true);
		for (const key of ['r', 'alpha', 'a', 'b'] as const) {
			expect(Math.abs(fit.params[key] / truth[key] - 1)).toBeLessThan(0.25);
		}
	});

	it('finds a maximum: small moves of any parameter lower the likelihood', () => {
		expect(fit.logLikelihood).toBeCloseTo(bgnbdLogLikelihood(fit.params, customers), 9);
		for (const key of ['r', 'alpha', 'a', 'b'] as const) {
			for (const factor of [0.999, 1.001]) {
				const moved = { ...fit.params, [key]: fit.params[key] * factor };
				expect(bgnbdLogLikelihood(moved, customers)).toBeLessThan(fit.logLikelihood);
			}
		}
	});

	it('gets the same answer from customers grouped by (x, t_x, T) as from the customers one by one', () => {
		// Whole days, as the CRM's summaries are: many customers then share a triple.
		const inDays = customers.map(({ frequency, recency, age }) => ({
			frequency,
			recency: Math.round(recency * 7) / 7,
			age: Math.round(age * 7) / 7,
		}));
		const groups = groupObservations(inDays);
		expect(groups.length).toBeLessThan(inDays.length * 0.8); // every one-time buyer of the same age is one group
		expect(groups.reduce((sum, g) => sum + g.weight, 0)).toBe(inDays.length);
		expect(bgnbdLogLikelihood(fit.params, groups)).toBeCloseTo(bgnbdLogLikelihood(fit.params, inDays), 6);
	});

	it('stops at the same maximum whatever the number of customers: 2,000 or the same 2,000 a million times over', () => {
		// The stopping rule is on the mean log-likelihood per customer; on the sum, a fixed tolerance sinks below the
		// rounding error of a million terms and the search never stops (a 1M-customer refit ran for half an hour).
		const few = customers.slice(0, 2000).map(({ frequency, recency, age }) => ({
			frequency,
			recency: Math.round(recency * 7) / 7,
			age: Math.round(age * 7) / 7,
		}));
		const many = Array.from({ length: 500 }, () => few).flat();
		const small = fitBgnbd(few);
		const large = fitBgnbd(many);
		expect(large.converged).toBe(true);
		expect(large.iterations).toBeLessThan(small.iterations * 1.5);
		for (const key of ['r', 'alpha', 'a', 'b'] as const)
			expect(large.params[key] / small.params[key]).toBeCloseTo(1, 5);
		expect(large.logLikelihood / small.logLikelihood).toBeCloseTo(500, 6);
	});

	it('rejects empty or invalid data', () => {
		expect(() => fitBgnbd([])).toThrow(RangeError);
		expect(() => fitBgnbd([{ frequency: -1, recency: 0, age: 1 }])).toThrow(RangeError);
	});
});
