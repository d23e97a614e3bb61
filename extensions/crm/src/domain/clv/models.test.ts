import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCdnowTransactions } from './cdnow';
import { expectedAverageOrderValue, fitGammaGamma } from './gamma-gamma';
import { fitMbgnbd, mbgnbdExpectedPurchases, mbgnbdLogLikelihood, mbgnbdProbabilityAlive } from './mbgnbd';
import {
	fitPurchaseModel,
	informativeProbabilityAlive,
	modelExpectedPurchases,
	modelProbabilityAlive,
	type PurchaseModel,
} from './models';
import {
	fitParetoNbd,
	logHyp2f1Shifted,
	paretoNbdExpectedPurchases,
	paretoNbdLogLikelihood,
	paretoNbdProbabilityAlive,
} from './pareto-nbd';
import { predictCustomers } from './predict';
import { summarizeTransactions, type RfmObservation } from './summary';

const SAMPLE_FILE = new URL('../../../../../test/fixtures/cdnow/CDNOW_sample.txt', import.meta.url);
const transactions = parseCdnowTransactions(readFileSync(SAMPLE_FILE, 'utf8'));
// 39-week calibration period, as in the published analyses and the `lifetimes` test suite.
const customers = summarizeTransactions(transactions, { calibrationEnd: '1997-09-30', timeUnit: 'weeks' });

/** Numerical integration of a rate over (0, t] by the midpoint rule (for checking closed forms). */
function integrate(rate: (u: number) => number, t: number, steps = 20_000): number {
	let sum = 0;
	for (let i = 0; i < steps; i++) sum += rate(((i + 0.5) * t) / steps);
	return (sum * t) / steps;
}

describe('MBG/NBD', () => {
	it('reproduces the published CDNOW sample fit (lifetimes: r 0.525, α 6.183, a 0.891, b 1.614)', () => {
		const fit = fitMbgnbd(customers);
		expect(fit.converged).toBe(true);
		expect(fit.params.r).toBeCloseTo(0.525, 3);
		expect(fit.params.alpha).toBeCloseTo(6.183, 3);
		expect(fit.params.a).toBeCloseTo(0.891, 3);
		expect(fit.params.b).toBeCloseTo(1.614, 3);
		// The maximum: every nearby point is less likely.
		for (const key of ['r', 'alpha', 'a', 'b'] as const) {
			for (const factor of [0.99, 1.01]) {
				const moved = { ...fit.params, [key]: fit.params[key] * factor };
				expect(mbgnbdLogLikelihood(moved, customers)).toBeLessThan(fit.logLikelihood);
			}
		}
	});

	it('gives one-time buyers a P(alive) below 1 that falls the longer ago they bought', () => {
		const params = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 };
		const recent = mbgnbdProbabilityAlive(params, { frequency: 0, recency: 0, age: 1 });
		const old = mbgnbdProbabilityAlive(params, { frequency: 0, recency: 0, age: 1500 });
		expect(recent).toBeLessThan(1);
		expect(old).toBeLessThan(recent);
		// At T = 0 (just bought) the chance of having dropped out after that purchase is a / (a + b).
		expect(mbgnbdProbabilityAlive(params, { frequency: 0, recency: 0, age: 0 })).toBeCloseTo(
			params.b / (params.a + params.b),
			12,
		);
	});

	it('expects fewer future purchases from a lapsed customer and more over a longer horizon', () => {
		const params = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 };
		const active = mbgnbdExpectedPurchases(params, { frequency: 5, recency: 38, age: 39 }, 39);
		const lapsed = mbgnbdExpectedPurchases(params, { frequency: 5, recency: 5, age: 39 }, 39);
		expect(active).toBeGreaterThan(lapsed);
		expect(mbgnbdExpectedPurchases(params, { frequency: 5, recency: 38, age: 39 }, 78)).toBeGreaterThan(active);
		expect(mbgnbdExpectedPurchases(params, { frequency: 5, recency: 38, age: 39 }, 0)).toBe(0);
	});
});

describe('Pareto/NBD', () => {
	it('reproduces the published CDNOW sample fit (lifetimes: r 0.553, α 10.578, s 0.606, β 11.669)', () => {
		const fit = fitParetoNbd(customers);
		expect(fit.converged).toBe(true);
		expect(fit.params.r).toBeCloseTo(0.553, 3);
		expect(fit.params.alpha).toBeCloseTo(10.578, 3);
		expect(fit.params.s).toBeCloseTo(0.606, 3);
		expect(fit.params.beta).toBeCloseTo(11.669, 3);
		for (const key of ['r', 'alpha', 's', 'beta'] as const) {
			for (const factor of [0.99, 1.01]) {
				const moved = { ...fit.params, [key]: fit.params[key] * factor };
				expect(paretoNbdLogLikelihood(moved, customers)).toBeLessThan(fit.logLikelihood);
			}
		}
	});

	it('expects of a brand-new customer what the purchase rate times the survival curve integrates to', () => {
		// E[Y(t)] for x = 0, T = 0: ∫₀ᵗ E[λ] · P(still alive at u) du = (r/α) · ∫₀ᵗ (β/(β+u))^s du.
		const params = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
		const t = 52;
		const expected = integrate(
			(u) => (params.r / params.alpha) * Math.pow(params.beta / (params.beta + u), params.s),
			t,
		);
		expect(paretoNbdExpectedPurchases(params, { frequency: 0, recency: 0, age: 0 }, t)).toBeCloseTo(expected, 6);
	});

	it("evaluates the likelihood's series by whichever form converges fast, with the same value", () => {
		for (const [a, b, z] of [
			[3.2, 2.5, 0.3],
			[1.4, 0.6, 0.5],
			[40, 30.5, 0.95],
			[0.9, 1.2, 0.95],
			[1.5, 0.7, 0.97],
			[30, 0.4, 0.999],
		] as const) {
			// Direct summation of the defining series (slow near z = 1, fine for a check).
			let term = 1;
			let sum = 1;
			for (let n = 0; n < 200_000 && Math.abs(term) > 1e-18 * Math.abs(sum); n++) {
				term *= (((a + n) * (b + n)) / ((a + 1 + n) * (n + 1))) * z;
				sum += term;
			}
			expect(logHyp2f1Shifted(a, b, z)).toBeCloseTo(Math.log(sum), 8);
		}
	});

	it('fits in seconds when every customer was last seen decades ago (α and β far apart)', () => {
		// The CDNOW sample scored 29 years after its last purchase: the fit wanders where z = |α−β|/(β+T) is near 1.
		const decadesLater = summarizeTransactions(transactions, { calibrationEnd: '2026-12-04', timeUnit: 'weeks' });
		const started = performance.now();
		const fit = fitParetoNbd(decadesLater);
		expect(Number.isFinite(fit.logLikelihood)).toBe(true);
		expect(performance.now() - started).toBeLessThan(30_000);
	});

	it('is symmetric in which of α and β is larger (both branches of the series)', () => {
		const customer: RfmObservation = { frequency: 3, recency: 20, age: 38 };
		const a = { r: 0.5, alpha: 8, s: 0.6, beta: 12 };
		const b = { r: 0.5, alpha: 12, s: 0.6, beta: 8 };
		const nearEqual = { r: 0.5, alpha: 10, s: 0.6, beta: 10 + 1e-9 };
		for (const params of [a, b, nearEqual]) {
			const p = paretoNbdProbabilityAlive(params, customer);
			expect(p).toBeGreaterThan(0);
			expect(p).toBeLessThan(1);
		}
		// α = β exactly: the series argument is 0 and both branches give the same value as a neighbour.
		const equal = { r: 0.5, alpha: 10, s: 0.6, beta: 10 };
		expect(paretoNbdLogLikelihood(equal, [customer])).toBeCloseTo(paretoNbdLogLikelihood(nearEqual, [customer]), 6);
	});

	it('gives one-time buyers a real P(alive), lower for older ones, and handles s = 1', () => {
		const params = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
		const recent = paretoNbdProbabilityAlive(params, { frequency: 0, recency: 0, age: 1 });
		const old = paretoNbdProbabilityAlive(params, { frequency: 0, recency: 0, age: 1500 });
		expect(recent).toBeLessThan(1);
		expect(old).toBeLessThan(recent / 5);
		const customer = { frequency: 2, recency: 30, age: 39 };
		const atOne = paretoNbdExpectedPurchases({ ...params, s: 1 }, customer, 39);
		const nearOne = paretoNbdExpectedPurchases({ ...params, s: 1 + 1e-6 }, customer, 39);
		expect(atOne).toBeCloseTo(nearOne, 5);
	});
});

describe('purchase models behind one shape', () => {
	it('fits each kind and answers with that kind', () => {
		for (const kind of ['bgnbd', 'mbgnbd', 'pareto_nbd'] as const) {
			const fit = fitPurchaseModel(kind, customers.slice(0, 400));
			expect(fit.model.kind).toBe(kind);
			expect(fit.customers).toBe(400);
			expect(Number.isFinite(fit.logLikelihood)).toBe(true);
			const customer = { frequency: 2, recency: 30.43, age: 38.86 };
			expect(modelExpectedPurchases(fit.model, customer, 39)).toBeGreaterThan(0);
			expect(modelProbabilityAlive(fit.model, customer)).toBeGreaterThan(0);
		}
	});

	it('says P(alive) is unknown only for BG/NBD one-time buyers', () => {
		const oneTime = { frequency: 0, recency: 0, age: 1500 };
		const bg: PurchaseModel = { kind: 'bgnbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } };
		const mbg: PurchaseModel = { kind: 'mbgnbd', params: { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 } };
		expect(modelProbabilityAlive(bg, oneTime)).toBe(1);
		expect(informativeProbabilityAlive(bg, oneTime)).toBeNull();
		expect(informativeProbabilityAlive(bg, { frequency: 1, recency: 2, age: 1500 })).toBeLessThan(0.01);
		expect(informativeProbabilityAlive(mbg, oneTime)).toBeLessThan(0.1);
	});
});

describe('a repeat customer whose repeat purchases total 0 (CDNOW master customer 10244)', () => {
	// 10244 bought $15.96 on 1997-02-07 and $0.00 on 1997-03-07: x = 1, mean repeat value 0.
	const withZero = summarizeTransactions(
		[
			...transactions,
			{ customerId: '10244', date: '1997-02-07', amount: 15.96 },
			{ customerId: '10244', date: '1997-03-07', amount: 0 },
		],
		{ calibrationEnd: '1997-09-30', timeUnit: 'weeks' },
	);
	const zero = withZero.find((customer) => customer.customerId === '10244')!;

	it('is left out of the Gamma-Gamma fit, which stays the published one', () => {
		expect(zero).toMatchObject({ frequency: 1, recency: 4, meanRepeatValue: 0 });
		const spend = fitGammaGamma(withZero);
		expect(spend.customerCount).toBe(946);
		expect(spend.params.p).toBeCloseTo(6.25, 2);
		expect(spend.params.q).toBeCloseTo(3.74, 2);
	});

	it('still gets a prediction: the spend estimate at a mean of 0, below the population mean', () => {
		const spend = { p: 6.25, q: 3.74, gamma: 15.44 };
		const value = expectedAverageOrderValue(spend, zero);
		expect(value).toBeCloseTo((6.25 * 15.44) / (6.25 + 3.74 - 1), 10);
		expect(value).toBeLessThan(expectedAverageOrderValue(spend, { frequency: 0, meanRepeatValue: null }));
		const model: PurchaseModel = { kind: 'bgnbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } };
		const predictions = predictCustomers(model, spend, withZero, {
			purchasesHorizon: 13,
			clv: { periods: 12, periodLength: 52 / 12, discountRate: 0.01 },
		});
		const prediction = predictions[withZero.indexOf(zero)]!;
		expect(prediction.clv).toBeGreaterThan(0);
		expect(Number.isFinite(prediction.clv)).toBe(true);
		expect(predictions.every((p) => Number.isFinite(p.clv) && p.clv >= 0)).toBe(true);
	});
});
