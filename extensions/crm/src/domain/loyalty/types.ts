// Shapes shared by the loyalty domain: earning rules, the order facts they read, and the awards they produce.

export type LedgerKind = 'earn' | 'redeem' | 'expire' | 'adjust' | 'reverse';
export type RuleKind = 'spend' | 'multiplier' | 'bonus';
export type BonusEvent = 'first_purchase' | 'birthday_month' | 'survey_answered' | 'referral' | 'review';
export type Stacking = 'additive' | 'best_of';

export const LEDGER_KINDS: readonly LedgerKind[] = ['earn', 'redeem', 'expire', 'adjust', 'reverse'];
export const RULE_KINDS: readonly RuleKind[] = ['spend', 'multiplier', 'bonus'];
export const BONUS_EVENTS: readonly BonusEvent[] = [
	'first_purchase',
	'birthday_month',
	'survey_answered',
	'referral',
	'review',
];
export const STACKINGS: readonly Stacking[] = ['additive', 'best_of'];

export interface EarningRule {
	id: string | number;
	name: string;
	kind: RuleKind;
	/** spend: points per `perAmount` spent; bonus: fixed points; multiplier: unused (0). */
	points: number;
	/** spend: currency units per `points`, e.g. 1000 (₩1,000 -> `points` points). */
	perAmount: number | null;
	/** multiplier: e.g. 2 = double points on matching lines. */
	factor: number | null;
	/** spend only, optional: an expression that replaces points/perAmount (see formula.ts). */
	formula: string | null;
	/** bonus only. */
	event: BonusEvent | null;
	tiers: string[] | null;
	categories: string[] | null;
	products: string[] | null;
	channels: string[] | null;
	/** ISO 1 = Monday .. 7 = Sunday, in the CRM time zone. */
	weekdays: number[] | null;
	startsAt: Date | null;
	endsAt: Date | null;
	capPerOrder: number | null;
	capPerDay: number | null;
	capPerCustomer: number | null;
	/** Lower runs first; breaks best_of ties. */
	priority: number;
	stacking: Stacking;
}

export interface OrderLineFacts {
	kind: 'product' | 'discount' | 'reward' | 'shipping' | string;
	product: string | null;
	category: string | null;
	quantity: number;
	lineTotal: number;
}

export interface OrderForEarning {
	orderedAt: Date;
	channel: string | null;
	lines: OrderLineFacts[];
	total: number;
}

export interface EarningContext {
	tierCode: string | null;
	/** 1 when no tier. */
	tierMultiplier: number;
	/** IANA, for weekday/day. */
	timeZone: string;
	/** Points this customer already earned today per rule id (for capPerDay). */
	earnedTodayByRule: Record<string, number>;
	/** Points this customer ever earned per rule id (for capPerCustomer). */
	earnedTotalByRule: Record<string, number>;
	/** ISO 4217 code used only to format `Award.detail`; KRW when absent. */
	currency?: string;
}

/** detail: short English explanation, e.g. "₩45,000 × 1 pt / ₩1,000 × tier 1.5". */
export interface Award {
	ruleId: string | number;
	points: number;
	detail: string;
}
