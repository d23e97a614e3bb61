/**
 * Customer-lifetime-value models: pure functions, no I/O and no clock.
 *
 *   summarizeTransactions -> fitBgnbd / fitGammaGamma -> expectedPurchases,
 *   probabilityAlive, expectedAverageOrderValue, customerLifetimeValue
 */
export { summarizeTransactions, toDayNumber } from './summary';
export type { CustomerSummary, RfmObservation, SummaryOptions, TimeUnit, Transaction } from './summary';

export {
	bgnbdLogLikelihood,
	expectedPurchases,
	expectedPurchasesNewCustomer,
	fitBgnbd,
	probabilityAlive,
} from './bgnbd';
export type { BgNbdFit, BgNbdFitOptions, BgNbdParams } from './bgnbd';

export {
	customerLifetimeValue,
	expectedAverageOrderValue,
	fitGammaGamma,
	gammaGammaLogLikelihood,
} from './gamma-gamma';
export type {
	ClvOptions,
	GammaGammaFit,
	GammaGammaFitOptions,
	GammaGammaParams,
	SpendObservation,
} from './gamma-gamma';

export { parseCdnowTransactions } from './cdnow';
export { hyp2f1 } from './hyp2f1';
export type { Hyp2f1Options } from './hyp2f1';
export { minimize, nelderMead } from './optimize';
export type { MinimizeOptions, MinimizeResult, NelderMeadOptions, Objective } from './optimize';
export { logBeta, logGamma } from './special-functions';
export { groupObservations } from './bgnbd';
export type { WeightedObservation } from './bgnbd';
export { discountedExpectedPurchases } from './gamma-gamma';
export { predictCustomers } from './predict';
export type { CustomerPrediction, PredictionOptions } from './predict';
export { systematicSample } from './sample';
