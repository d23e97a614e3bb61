/**
 * Scores for every customer from fitted models: P(alive), expected purchases over a horizon and CLV.
 * The purchase side depends on (x, t_x, T) alone and costs a dozen hypergeometric series, so it is worked out
 * once per distinct triple; only the expected order value is per customer.
 */
import { observationKey } from './bgnbd';
import {
	discountedExpectedPurchases,
	expectedAverageOrderValue,
	type ClvOptions,
	type GammaGammaParams,
	type SpendObservation,
} from './gamma-gamma';
import { informativeProbabilityAlive, modelExpectedPurchases, type PurchaseModel } from './models';
import type { RfmObservation } from './summary';

export interface PredictionOptions {
	/** Horizon of `expectedPurchases`, in the model's time unit. */
	purchasesHorizon: number;
	clv: ClvOptions;
}

export interface CustomerPrediction {
	/** Null where the model cannot tell (BG/NBD and a one-time buyer: 1 by construction, see informativeProbabilityAlive). */
	pAlive: number | null;
	expectedPurchases: number;
	/**
	 * Discounted revenue over the CLV horizon. Without a spend model (too few repeat buyers to fit Gamma-Gamma) it is
	 * the undiscounted expected purchases times the customer's own mean repeat value (0 for one-time buyers).
	 */
	clv: number;
}

export function predictCustomers(
	purchaseModel: PurchaseModel,
	spendModel: GammaGammaParams | null,
	customers: readonly (RfmObservation & SpendObservation)[],
	options: PredictionOptions,
): CustomerPrediction[] {
	const byTriple = new Map<string, { pAlive: number | null; expected: number; discounted: number; total: number }>();
	return customers.map((customer) => {
		const key = observationKey(customer);
		let purchase = byTriple.get(key);
		if (!purchase) {
			purchase = {
				pAlive: informativeProbabilityAlive(purchaseModel, customer),
				expected: modelExpectedPurchases(purchaseModel, customer, options.purchasesHorizon),
				...discountedExpectedPurchases(purchaseModel, customer, options.clv),
			};
			byTriple.set(key, purchase);
		}
		const clv = spendModel
			? purchase.discounted * expectedAverageOrderValue(spendModel, customer)
			: purchase.total * Math.max(0, customer.meanRepeatValue ?? 0);
		return { pAlive: purchase.pAlive, expectedPurchases: purchase.expected, clv };
	});
}
