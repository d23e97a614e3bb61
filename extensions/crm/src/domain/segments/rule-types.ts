// The segment rule language as plain JSON data. Pure: no database or Directus types here.

export type Rule = { all: Rule[] } | { any: Rule[] } | { not: Rule } | Condition;

/** A leaf condition. Built-in types are listed below; other modules may register more (see condition-registry). */
export interface Condition {
	type: string;
	[key: string]: unknown;
}

/** Either the last N days before `now`, or an explicit ISO range (`to` is inclusive of a whole day when date-only). */
export type TimeWindow = { lastDays: number } | { from: string; to: string };

export type FieldOp =
	| 'eq'
	| 'neq'
	| 'in'
	| 'not_in'
	| 'contains'
	| 'starts_with'
	| 'gt'
	| 'gte'
	| 'lt'
	| 'lte'
	| 'between'
	| 'is_empty'
	| 'is_not_empty'
	| 'before'
	| 'after'
	| 'within_last_days'
	| 'not_within_last_days'
	| 'birthday_in_next_days'
	| 'birthday_this_month';

export type FieldCondition = { type: 'field'; field: string; op: FieldOp; value?: unknown };
export type OrderMetric = 'count' | 'sum' | 'avg' | 'last_date' | 'first_date';
export type OrdersCondition = {
	type: 'orders';
	metric: OrderMetric;
	op: FieldOp;
	value?: unknown;
	window?: TimeWindow;
};
export type BoughtCondition = {
	type: 'bought';
	product?: string | number;
	category?: string;
	minQuantity?: number;
	window?: TimeWindow;
};
export type InteractionCondition = {
	type: 'interaction';
	channel?: string;
	interactionType?: string;
	minCount?: number;
	window?: TimeWindow;
};
export type FeedbackCondition = { type: 'feedback'; metric: 'last_nps' | 'avg_csat'; op: FieldOp; value?: unknown };
export type SegmentCondition = { type: 'segment'; segment: string | number };

/** One problem found in a rule; `path` points at the offending key, e.g. `all[1].any[0].value`. */
export interface Issue {
	path: string;
	message: string;
	expected?: string;
}

export const isAll = (rule: Rule): rule is { all: Rule[] } => isObject(rule) && 'all' in rule && !('type' in rule);
export const isAny = (rule: Rule): rule is { any: Rule[] } => isObject(rule) && 'any' in rule && !('type' in rule);
export const isNot = (rule: Rule): rule is { not: Rule } => isObject(rule) && 'not' in rule && !('type' in rule);

export function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `all[1]` + `value` → `all[1].value`; the root path is the empty string. */
export const childPath = (path: string, key: string) => (path ? `${path}.${key}` : key);
