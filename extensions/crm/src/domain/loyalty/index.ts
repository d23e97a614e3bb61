/**
 * Loyalty: earning rules and their formulas, points lots, tiers and coupons. Pure functions, no I/O and no clock
 * (`now` is always passed in); the extension reads and writes the ledger.
 */
export { BONUS_EVENTS, LEDGER_KINDS, RULE_KINDS, STACKINGS } from './types';
export type {
	Award,
	BonusEvent,
	EarningContext,
	EarningRule,
	LedgerKind,
	OrderForEarning,
	OrderLineFacts,
	RuleKind,
	Stacking,
} from './types';
export { compileFormula, FORMULA_FUNCTIONS, FORMULA_MAX_DEPTH, FORMULA_MAX_LENGTH, FORMULA_VARIABLES } from './formula';
export type { CompiledFormula, FormulaVars } from './formula';
export { DEFAULT_RULE_PRIORITY, validateEarningRule } from './rules';
export type { RuleFieldError, RuleValidation } from './rules';
export { bonusAwards, earnForOrder } from './earn';
export { isBirthdayMonth, isEarningLine, isWithinDates, ruleAppliesAt, ruleCountsLine } from './rule-filters';
export {
	allocate,
	applyAllocations,
	compareLots,
	consumptionOrder,
	expiredLots,
	expiringSoon,
	expiryFor,
	newLotRemaining,
} from './lots';
export type { Allocation, Lot } from './lots';
export { decideTier, progressToNext, qualifyingTier } from './tiers';
export type { Tier, TierChange, TierDecision, TierDecisionInput } from './tiers';
export {
	COUPON_ALPHABET,
	COUPON_CODE_LENGTH,
	COUPON_RANDOM_BYTES,
	couponCode,
	couponDiscount,
	couponState,
	normaliseCouponCode,
} from './coupons';
export type { CouponReward, CouponState } from './coupons';
export { zonedDay } from './calendar';
export { compareIds } from './ordering';
export * from './award-caps';
