/**
 * The three purchase models behind one shape, so the refit can fit, compare and use any of them.
 *
 *   bgnbd       BG/NBD: dropout only right after a repeat purchase; P(alive) = 1 for every one-time buyer
 *   mbgnbd      MBG/NBD: may also drop out right after the first purchase
 *   pareto_nbd  Pareto/NBD: may drop out at any moment
 */
import { expectedPurchases, fitBgnbd, probabilityAlive, type BgNbdParams } from './bgnbd';
import { fitMbgnbd, mbgnbdExpectedPurchases, mbgnbdProbabilityAlive, type MbgNbdParams } from './mbgnbd';
import type { MinimizeOptions } from './optimize';
import {
	fitParetoNbd,
	paretoNbdExpectedPurchases,
	paretoNbdProbabilityAlive,
	type ParetoNbdParams,
} from './pareto-nbd';
import type { RfmObservation } from './summary';

export const PURCHASE_MODEL_KINDS = ['bgnbd', 'mbgnbd', 'pareto_nbd'] as const;
export type PurchaseModelKind = (typeof PURCHASE_MODEL_KINDS)[number];

export type PurchaseModel =
	| { kind: 'bgnbd'; params: BgNbdParams }
	| { kind: 'mbgnbd'; params: MbgNbdParams }
	| { kind: 'pareto_nbd'; params: ParetoNbdParams };

export interface PurchaseModelFit {
	model: PurchaseModel;
	logLikelihood: number;
	iterations: number;
	converged: boolean;
	/** Customers the model was fitted on. */
	customers: number;
}

export const isPurchaseModelKind = (value: unknown): value is PurchaseModelKind =>
	typeof value === 'string' && (PURCHASE_MODEL_KINDS as readonly string[]).includes(value);

export function fitPurchaseModel(
	kind: PurchaseModelKind,
	customers: readonly RfmObservation[],
	options: MinimizeOptions = {},
): PurchaseModelFit {
	const common = { customers: customers.length };
	if (kind === 'bgnbd') {
		const fit = fitBgnbd(customers, options);
		return { ...common, ...fit, model: { kind, params: fit.params } };
	}
	if (kind === 'mbgnbd') {
		const fit = fitMbgnbd(customers, options);
		return { ...common, ...fit, model: { kind, params: fit.params } };
	}
	const fit = fitParetoNbd(customers, options);
	return { ...common, ...fit, model: { kind, params: fit.params } };
}

/** E[Y(t) | x, t_x, T] under the model. */
export function modelExpectedPurchases(model: PurchaseModel, customer: RfmObservation, t: number): number {
	if (model.kind === 'bgnbd') return expectedPurchases(model.params, customer, t);
	if (model.kind === 'mbgnbd') return mbgnbdExpectedPurchases(model.params, customer, t);
	return paretoNbdExpectedPurchases(model.params, customer, t);
}

/** P(alive | x, t_x, T) under the model, whatever it says (1 for BG/NBD one-time buyers). */
export function modelProbabilityAlive(model: PurchaseModel, customer: RfmObservation): number {
	if (model.kind === 'bgnbd') return probabilityAlive(model.params, customer);
	if (model.kind === 'mbgnbd') return mbgnbdProbabilityAlive(model.params, customer);
	return paretoNbdProbabilityAlive(model.params, customer);
}

/**
 * P(alive) where the model can tell, null where it cannot: BG/NBD puts every one-time buyer at 1 by construction
 * (dropout follows a repeat purchase), whether they bought yesterday or 30 years ago, so that 1 says nothing.
 */
export function informativeProbabilityAlive(model: PurchaseModel, customer: RfmObservation): number | null {
	if (model.kind === 'bgnbd' && customer.frequency === 0) return null;
	return modelProbabilityAlive(model, customer);
}
