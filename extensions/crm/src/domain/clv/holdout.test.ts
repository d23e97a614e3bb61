import { describe, expect, it } from 'vitest';
import { expectedPurchases } from './bgnbd';
import { chooseModel, scoreHoldout, type HoldoutScore } from './holdout';
import type { PurchaseModel, PurchaseModelFit } from './models';

const bg: PurchaseModel = { kind: 'bgnbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } };
const fit = (model: PurchaseModel, logLikelihood: number): PurchaseModelFit => ({
	model,
	logLikelihood,
	iterations: 1,
	converged: true,
	customers: 10,
});

describe('scoreHoldout', () => {
	const customers = [
		{ frequency: 0, recency: 0, age: 30, holdoutPurchases: 0 },
		{ frequency: 0, recency: 0, age: 30, holdoutPurchases: 1 },
		{ frequency: 2, recency: 25, age: 30, holdoutPurchases: 3 },
		{ frequency: 9, recency: 29, age: 30, holdoutPurchases: 4 },
	];

	it('compares predicted and actual purchases per customer, in total and by calibration frequency', () => {
		const score = scoreHoldout(bg, customers, 39);
		const predicted = customers.map((c) => expectedPurchases(bg.params, c, 39));
		expect(score.customers).toBe(4);
		expect(score.actualTotal).toBe(8);
		expect(score.predictedTotal).toBeCloseTo(predicted[0]! + predicted[1]! + predicted[2]! + predicted[3]!, 12);
		expect(score.totalError).toBeCloseTo((score.predictedTotal - 8) / 8, 12);
		const errors = customers.map((c, i) => predicted[i]! - c.holdoutPurchases);
		expect(score.mae).toBeCloseTo(errors.reduce((s, e) => s + Math.abs(e), 0) / 4, 12);
		expect(score.rmse).toBeCloseTo(Math.sqrt(errors.reduce((s, e) => s + e * e, 0) / 4), 12);
		expect(score.buckets.map((b) => b.frequency)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7+']);
		expect(score.buckets[0]).toEqual({ frequency: '0', customers: 2, actualMean: 0.5, predictedMean: predicted[0] });
		expect(score.buckets[1]).toMatchObject({ customers: 0, actualMean: 0, predictedMean: 0 });
		expect(score.buckets[7]).toMatchObject({ customers: 1, actualMean: 4 });
	});

	it('has no total error when nobody bought, and refuses an empty holdout period', () => {
		expect(scoreHoldout(bg, [{ frequency: 0, recency: 0, age: 3, holdoutPurchases: 0 }], 5).totalError).toBeNull();
		expect(() => scoreHoldout(bg, customers, 0)).toThrow(RangeError);
	});
});

describe('chooseModel', () => {
	const mbg: PurchaseModel = { kind: 'mbgnbd', params: bg.params };
	const pareto: PurchaseModel = { kind: 'pareto_nbd', params: { r: 0.55, alpha: 10.6, s: 0.6, beta: 11.7 } };
	const fits = [fit(bg, -100), fit(mbg, -99), fit(pareto, -101)];
	const score = (kind: HoldoutScore['kind'], rmse: number): HoldoutScore => ({
		kind,
		rmse,
		customers: 1,
		actualTotal: 1,
		predictedTotal: 1,
		totalError: 0,
		mae: rmse,
		buckets: [],
	});

	it('keeps the smallest holdout RMSE when there is a holdout', () => {
		const scores = [score('bgnbd', 1.2), score('mbgnbd', 1.3), score('pareto_nbd', 1.1)];
		expect(chooseModel(fits, scores, 'auto')).toEqual({ kind: 'pareto_nbd', reason: 'holdout_rmse' });
	});

	it('keeps the largest log-likelihood without a holdout, and the named model when the settings name one', () => {
		expect(chooseModel(fits, null, 'auto')).toEqual({ kind: 'mbgnbd', reason: 'log_likelihood' });
		expect(chooseModel(fits, [score('mbgnbd', 1)], 'bgnbd')).toEqual({ kind: 'bgnbd', reason: 'setting' });
		expect(() => chooseModel([], null, 'auto')).toThrow(RangeError);
	});
});
