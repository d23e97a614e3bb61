/** Product recommendations from purchase history: association rules (support, confidence, lift) and ranking. */
export { compareRules, ruleMetrics, type PairCounts, type RankedRule, type RuleMetrics } from './metrics';
export {
	DEFAULT_LIMIT,
	MAX_LIMIT,
	parseLimit,
	parseStoredRules,
	rankForCustomer,
	type BoughtProduct,
	type Recommendation,
	type StoredRule,
} from './ranking';
export {
	BASKETS,
	checkSettingsPatch,
	DEFAULT_RECOMMENDATION_SETTINGS,
	SETTING_FIELDS,
	settingsFromRow,
	type Basket,
	type RecommendationSettings,
	type SettingIssue,
} from './settings';
