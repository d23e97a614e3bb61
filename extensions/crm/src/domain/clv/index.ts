/**
 * Customer-lifetime-value models: pure functions, no I/O and no clock.
 *
 *   summarizeTransactions -> fitPurchaseModel (BG/NBD, MBG/NBD, Pareto/NBD) / fitGammaGamma -> scoreHoldout,
 *   modelExpectedPurchases, modelProbabilityAlive, expectedAverageOrderValue, customerLifetimeValue
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
export { fitMbgnbd, mbgnbdExpectedPurchases, mbgnbdLogLikelihood, mbgnbdProbabilityAlive } from './mbgnbd';
export type { MbgNbdFit, MbgNbdParams } from './mbgnbd';
export {
	fitParetoNbd,
	paretoNbdExpectedPurchases,
	paretoNbdLogLikelihood,
	paretoNbdProbabilityAlive,
} from './pareto-nbd';
export type { ParetoNbdFit, ParetoNbdParams } from './pareto-nbd';
export {
	fitPurchaseModel,
	informativeProbabilityAlive,
	isPurchaseModelKind,
	modelExpectedPurchases,
	modelProbabilityAlive,
	PURCHASE_MODEL_KINDS,
} from './models';
export type { PurchaseModel, PurchaseModelFit, PurchaseModelKind } from './models';
export { chooseModel, HOLDOUT_BUCKETS, scoreHoldout } from './holdout';
export type { ChoiceReason, HoldoutBucket, HoldoutObservation, HoldoutScore, ModelChoice } from './holdout';
export {
	CLV_SETTING_FIELDS,
	checkClvSettingsPatch,
	clvSettingsFromRow,
	DEFAULT_CLV_SETTINGS,
	parseRefitRequest,
} from './settings';
export type { ClvIssue, ClvSettings, RefitRequest } from './settings';
