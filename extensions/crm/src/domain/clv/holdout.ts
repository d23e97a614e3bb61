/**
 * Calibration and holdout: the models are fitted on the purchases up to a calibration end, and each is scored on how
 * many repeat purchases it predicted for the holdout period after it against how many customers really made
 * (per customer, in total and by calibration frequency: the plot analysts draw by hand with `lifetimes`).
 * chooseModel keeps the best and says why.
 */
import { modelExpectedPurchases, type PurchaseModel, type PurchaseModelFit, type PurchaseModelKind } from './models';
import type { RfmObservation } from './summary';

export interface HoldoutObservation extends RfmObservation {
	/** Purchases (distinct purchase days) in the holdout period. */
	holdoutPurchases: number;
}

export interface HoldoutBucket {
	/** Calibration repeat purchases x: '0' … '6', '7+'. */
	frequency: string;
	customers: number;
	actualMean: number;
	predictedMean: number;
}

export interface HoldoutScore {
	kind: PurchaseModelKind;
	customers: number;
	actualTotal: number;
	predictedTotal: number;
	/** (predicted − actual) / actual over all customers; null when nobody bought in the holdout. */
	totalError: number | null;
	/** Per-customer mean absolute and root-mean-square error of the predicted count. */
	mae: number;
	rmse: number;
	buckets: HoldoutBucket[];
}

export const HOLDOUT_BUCKETS = ['0', '1', '2', '3', '4', '5', '6', '7+'] as const;
const bucketOf = (x: number) => (x >= 7 ? 7 : x);

/** Scores one fitted model on the holdout: `length` is the holdout period in the model's time unit. */
export function scoreHoldout(
	model: PurchaseModel,
	customers: readonly HoldoutObservation[],
	length: number,
): HoldoutScore {
	if (!(length > 0 && Number.isFinite(length))) throw new RangeError(`holdout length must be > 0 (got ${length})`);
	const sums = HOLDOUT_BUCKETS.map(() => ({ customers: 0, actual: 0, predicted: 0 }));
	const predictedByTriple = new Map<string, number>();
	let absolute = 0;
	let squared = 0;
	for (const customer of customers) {
		const key = `${customer.frequency}|${customer.recency}|${customer.age}`;
		let predicted = predictedByTriple.get(key);
		if (predicted === undefined) {
			predicted = modelExpectedPurchases(model, customer, length);
			predictedByTriple.set(key, predicted);
		}
		const error = predicted - customer.holdoutPurchases;
		absolute += Math.abs(error);
		squared += error * error;
		const bucket = sums[bucketOf(customer.frequency)]!;
		bucket.customers++;
		bucket.actual += customer.holdoutPurchases;
		bucket.predicted += predicted;
	}
	const count = customers.length;
	const actualTotal = sums.reduce((sum, bucket) => sum + bucket.actual, 0);
	const predictedTotal = sums.reduce((sum, bucket) => sum + bucket.predicted, 0);
	return {
		kind: model.kind,
		customers: count,
		actualTotal,
		predictedTotal,
		totalError: actualTotal > 0 ? (predictedTotal - actualTotal) / actualTotal : null,
		mae: count ? absolute / count : 0,
		rmse: count ? Math.sqrt(squared / count) : 0,
		buckets: HOLDOUT_BUCKETS.map((frequency, i) => ({
			frequency,
			customers: sums[i]!.customers,
			actualMean: sums[i]!.customers ? sums[i]!.actual / sums[i]!.customers : 0,
			predictedMean: sums[i]!.customers ? sums[i]!.predicted / sums[i]!.customers : 0,
		})),
	};
}

export type ChoiceReason = 'setting' | 'holdout_rmse' | 'log_likelihood';

export interface ModelChoice {
	kind: PurchaseModelKind;
	/**
	 * setting: the model named in the settings; holdout_rmse: the smallest per-customer RMSE on the holdout;
	 * log_likelihood: no holdout, the largest log-likelihood on the calibration data (the models all have four
	 * parameters, so this is also the best AIC and BIC).
	 */
	reason: ChoiceReason;
}

/**
 * The model to use: the one named (when it was fitted), else the best on the holdout, else the most likely. Ties go
 * to the simpler story, in the order BG/NBD, MBG/NBD, Pareto/NBD (the order of `fits`).
 */
export function chooseModel(
	fits: readonly PurchaseModelFit[],
	scores: readonly HoldoutScore[] | null,
	preferred: PurchaseModelKind | 'auto',
): ModelChoice {
	if (fits.length === 0) throw new RangeError('chooseModel: no fitted model');
	if (preferred !== 'auto' && fits.some((fit) => fit.model.kind === preferred)) {
		return { kind: preferred, reason: 'setting' };
	}
	const usable = fits.filter((fit) => Number.isFinite(fit.logLikelihood));
	const candidates = usable.length ? usable : fits;
	if (scores && scores.length) {
		let best: HoldoutScore | null = null;
		for (const fit of candidates) {
			const score = scores.find((s) => s.kind === fit.model.kind);
			if (score && Number.isFinite(score.rmse) && (!best || score.rmse < best.rmse)) best = score;
		}
		if (best) return { kind: best.kind, reason: 'holdout_rmse' };
	}
	let best = candidates[0]!;
	for (const fit of candidates) if (fit.logLikelihood > best.logLikelihood) best = fit;
	return { kind: best.model.kind, reason: 'log_likelihood' };
}
