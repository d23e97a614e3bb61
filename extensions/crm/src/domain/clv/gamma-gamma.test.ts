import { describe, it, expect } from 'vitest';
import { expectedPurchases, type BgNbdParams } from './bgnbd';
import {
	customerLifetimeValue,
	expectedAverageOrderValue,
	fitGammaGamma,
	gammaGammaLogLikelihood,
	type GammaGammaParams,
	type SpendObservation,
} from './gamma-gamma';

const spend: GammaGammaParams = { p: 6.25, q: 3.74, gamma: 15.44 };
const purchases: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe('gammaGammaLogLikelihood', () => {
	it('is a proper density of the mean value m_x: it integrates to 1', () => {
		for (const frequency of [1, 3, 10]) {
			// Trapezoid rule on a log grid: ∫ f(m) dm = ∫ f(e^u) e^u du.
			let integral = 0;
			const step = 0.001;
			for (let u = -15; u <= 15; u += step) {
				const m = Math.exp(u);
				integral += Math.exp(gammaGammaLogLikelihood(spend, [{ frequency, meanRepeatValue: m }])) * m * step;
			}
			expect(integral).toBeCloseTo(1, 6);
		}
	});

	it('skips customers without repeat purchases and adds up the rest', () => {
		const one: SpendObservation = { frequency: 2, meanRepeatValue: 30 };
		const other: SpendObservation = { frequency: 5, meanRepeatValue: 12.5 };
		const expected = gammaGammaLogLikelihood(spend, [one]) + gammaGammaLogLikelihood(spend, [other]);
		expect(gammaGammaLogLikelihood(spend, [one, { frequency: 0, meanRepeatValue: null }, other])).toBeCloseTo(
			expected,
			12,
		);
		expect(gammaGammaLogLikelihood(spend, [{ frequency: 0, meanRepeatValue: null }])).toBe(0);
	});

	it('is NaN for non-positive parameters and rejects missing means', () => {
		expect(gammaGammaLogLikelihood({ ...spend, q: -1 }, [{ frequency: 1, meanRepeatValue: 3 }])).toBeNaN();
		expect(() => gammaGammaLogLikelihood(spend, [{ frequency: 1, meanRepeatValue: null }])).toThrow(RangeError);
		expect(() => gammaGammaLogLikelihood(spend, [{ frequency: 1, meanRepeatValue: 0 }])).toThrow(RangeError);
	});
});

describe('fitGammaGamma', () => {
	it('finds a maximum on repeat customers only', () => {
		const customers: SpendObservation[] = [{ frequency: 0, meanRepeatValue: null }];
		for (let i = 0; i < 200; i++) {
			customers.push({ frequency: 1 + (i % 6), meanRepeatValue: 10 + ((i * 37) % 50) + (i % 6) * 3 });
		}
		const fit = fitGammaGamma(customers);
		expect(fit.converged).toBe(true);
		expect(fit.customerCount).toBe(200);
		for (const key of ['p', 'q', 'gamma'] as const) {
			for (const factor of [0.999, 1.001]) {
				expect(gammaGammaLogLikelihood({ ...fit.params, [key]: fit.params[key] * factor }, customers)).toBeLessThan(
					fit.logLikelihood,
				);
			}
		}
	});

	it('needs at least one repeat customer', () => {
		expect(() => fitGammaGamma([{ frequency: 0, meanRepeatValue: null }])).toThrow(RangeError);
	});
});

describe('expectedAverageOrderValue', () => {
	const populationMean = (spend.p * spend.gamma) / (spend.q - 1);

	it('is the population mean pγ/(q − 1) without repeat purchases', () => {
		expect(expectedAverageOrderValue(spend, { frequency: 0, meanRepeatValue: null })).toBeCloseTo(populationMean, 12);
	});

	it('shrinks the observed mean towards the population mean, less so with more purchases', () => {
		const weightOnObserved = (x: number) => (spend.p * x) / (spend.p * x + spend.q - 1);
		for (const x of [1, 4, 50]) {
			const expected = (1 - weightOnObserved(x)) * populationMean + weightOnObserved(x) * 80;
			expect(expectedAverageOrderValue(spend, { frequency: x, meanRepeatValue: 80 })).toBeCloseTo(expected, 10);
		}
		expect(expectedAverageOrderValue(spend, { frequency: 1e6, meanRepeatValue: 80 })).toBeCloseTo(80, 3);
	});

	it('requires q > 1', () => {
		expect(() => expectedAverageOrderValue({ ...spend, q: 1 }, { frequency: 1, meanRepeatValue: 5 })).toThrow(
			RangeError,
		);
	});
});

describe('customerLifetimeValue', () => {
	const customer = { frequency: 2, recency: 30.43, age: 38.86, meanRepeatValue: 22.345 };
	const orderValue = expectedAverageOrderValue(spend, customer);

	it('is expected purchases times order value when nothing is discounted', () => {
		const clv = customerLifetimeValue(purchases, spend, customer, {
			periods: 12,
			periodLength: 52 / 12,
			discountRate: 0,
		});
		expect(clv).toBeCloseTo(expectedPurchases(purchases, customer, 52) * orderValue, 10);
	});

	it('discounts the purchases of each period at the period end', () => {
		const inFirst = expectedPurchases(purchases, customer, 4);
		const inSecond = expectedPurchases(purchases, customer, 8) - inFirst;
		const expected = (inFirst * orderValue) / 1.1 + (inSecond * orderValue) / 1.1 ** 2;
		expect(
			customerLifetimeValue(purchases, spend, customer, { periods: 2, periodLength: 4, discountRate: 0.1 }),
		).toBeCloseTo(expected, 10);
	});

	it('is 0 over no periods and falls as the discount rate rises', () => {
		expect(customerLifetimeValue(purchases, spend, customer, { periods: 0, periodLength: 1, discountRate: 0.1 })).toBe(
			0,
		);
		const values = [0, 0.01, 0.05].map((discountRate) =>
			customerLifetimeValue(purchases, spend, customer, { periods: 24, periodLength: 4, discountRate }),
		);
		expect(values[0]).toBeGreaterThan(values[1]!);
		expect(values[1]).toBeGreaterThan(values[2]!);
	});

	it('values a customer without repeat purchases with the population mean order value', () => {
		const newcomer = { frequency: 0, recency: 0, age: 10, meanRepeatValue: null };
		const clv = customerLifetimeValue(purchases, spend, newcomer, { periods: 1, periodLength: 52, discountRate: 0 });
		expect(clv).toBeCloseTo(expectedPurchases(purchases, newcomer, 52) * ((spend.p * spend.gamma) / (spend.q - 1)), 10);
	});

	it('rejects invalid options', () => {
		const options = { periods: 2, periodLength: 4, discountRate: 0.1 };
		expect(() => customerLifetimeValue(purchases, spend, customer, { ...options, periods: 1.5 })).toThrow(RangeError);
		expect(() => customerLifetimeValue(purchases, spend, customer, { ...options, periodLength: 0 })).toThrow(
			RangeError,
		);
		expect(() => customerLifetimeValue(purchases, spend, customer, { ...options, discountRate: -1 })).toThrow(
			RangeError,
		);
	});
});
