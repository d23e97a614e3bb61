// Pure helpers for the segment builder: reading values, group views, default conditions and immutable updates.
import { CUSTOMER_FIELDS, OPS_BY_TYPE, type FieldType } from '../../../domain/segments/field-catalogue';
import {
	isAll,
	isAny,
	isNot,
	isObject,
	type Condition,
	type FieldOp,
	type Rule,
} from '../../../domain/segments/rule-types';

export type GroupKind = 'all' | 'any' | 'not';
export type ConditionType = 'field' | 'orders' | 'bought' | 'interaction' | 'feedback' | 'segment' | 'referrals';
export const CONDITION_TYPES: ConditionType[] = [
	'orders',
	'field',
	'bought',
	'interaction',
	'feedback',
	'segment',
	'referrals',
];

export const ORDER_METRIC_TYPES: Record<string, FieldType> = {
	count: 'number',
	sum: 'number',
	avg: 'number',
	last_date: 'timestamp',
	first_date: 'timestamp',
};
const NUMERIC_OPS: FieldOp[] = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between'];
const DATE_METRIC_OPS: FieldOp[] = [
	'before',
	'after',
	'between',
	'within_last_days',
	'not_within_last_days',
	'is_empty',
	'is_not_empty',
];

/** The field's value as a rule, or null: Directus may hand a json field over as a string, or nothing at all. */
export function parseRule(value: unknown): Rule | null {
	if (value === null || value === undefined || value === '') return null;
	if (typeof value === 'string') {
		try {
			return parseRule(JSON.parse(value));
		} catch {
			return null;
		}
	}
	return isObject(value) ? (value as Rule) : null;
}

export const isGroup = (node: Rule): boolean =>
	isObject(node) && !('type' in node) && (isAll(node) || isAny(node) || isNot(node));

/**
 * A group as the builder shows it. `{ not: X }` is a "none of" group: `{ not: { any: [a, b] } }` has children a, b
 * and `{ not: a }` has the single child a, so both read and write back unchanged.
 */
export function readGroup(node: Rule): { kind: GroupKind; children: Rule[]; paths: string[] } {
	if (isAll(node)) return { kind: 'all', children: node.all, paths: node.all.map((_, i) => `all[${i}]`) };
	if (isAny(node)) return { kind: 'any', children: node.any, paths: node.any.map((_, i) => `any[${i}]`) };
	if (isNot(node)) {
		const inner = node.not;
		if (isObject(inner) && isAny(inner))
			return { kind: 'not', children: inner.any, paths: inner.any.map((_, i) => `not.any[${i}]`) };
		return { kind: 'not', children: [inner], paths: ['not'] };
	}
	return { kind: 'all', children: [node], paths: [''] };
}

export function writeGroup(kind: GroupKind, children: Rule[]): Rule {
	if (kind === 'all') return { all: children };
	if (kind === 'any') return { any: children };
	return children.length === 1 ? { not: children[0]! } : { not: { any: children } };
}

export const setKind = (node: Rule, kind: GroupKind): Rule => writeGroup(kind, readGroup(node).children);
export const replaceChild = (node: Rule, index: number, child: Rule): Rule => {
	const { kind, children } = readGroup(node);
	return writeGroup(
		kind,
		children.map((c, i) => (i === index ? child : c)),
	);
};
export const removeChild = (node: Rule, index: number): Rule => {
	const { kind, children } = readGroup(node);
	return writeGroup(
		kind,
		children.filter((_, i) => i !== index),
	);
};
export const appendChild = (node: Rule, child: Rule): Rule => {
	const { kind, children } = readGroup(node);
	return writeGroup(kind, [...children, child]);
};

/** Joins a group path and a child's relative path ("all[1]" + "not" → "all[1].not"). */
export const joinPath = (parent: string, child: string) => (!parent ? child : !child ? parent : `${parent}.${child}`);

const BIRTHDAY_OPS: FieldOp[] = ['birthday_this_month', 'birthday_in_next_days'];

/**
 * The operators a customer field accepts. The birthday operators only make sense for the birthday, and come first
 * there: picking the birthday field starts as "birthday this month", what staff target most.
 */
export function fieldOps(field: string): FieldOp[] {
	const type = CUSTOMER_FIELDS[field] ?? 'string';
	const others = OPS_BY_TYPE[type].filter((op) => !BIRTHDAY_OPS.includes(op));
	return field === 'birthday' ? [...BIRTHDAY_OPS, ...others] : others;
}

export function metricOps(metric: string): FieldOp[] {
	return ORDER_METRIC_TYPES[metric] === 'timestamp' ? DATE_METRIC_OPS : NUMERIC_OPS;
}
export const FEEDBACK_OPS = NUMERIC_OPS;

/** A value that is valid for `op` on a `type`, so a freshly picked operator never leaves the rule invalid. */
export function defaultValue(type: FieldType, op: FieldOp): unknown {
	switch (op) {
		case 'is_empty':
		case 'is_not_empty':
		case 'birthday_this_month':
			return undefined;
		case 'within_last_days':
		case 'not_within_last_days':
			return 30;
		case 'birthday_in_next_days':
			return 7;
		case 'before':
		case 'after':
			return today();
		case 'between':
			return type === 'number' ? [0, 100] : [today(-30), today()];
		case 'in':
		case 'not_in':
			return [defaultValue(type, 'eq')];
		default:
			return type === 'number' ? 0 : type === 'boolean' ? true : type === 'date' || type === 'timestamp' ? today() : '';
	}
}

const today = (offsetDays = 0) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** Sets key to value, dropping the key when value is undefined (the validator rejects `value` on is_empty). */
export function withKey<T extends Condition>(cond: T, key: string, value: unknown): T {
	const { [key]: _old, ...rest } = cond;
	return (value === undefined ? rest : { ...rest, [key]: value }) as T;
}

/** Changes the operator and resets the value when its shape no longer fits. */
export function withOp(cond: Condition, type: FieldType, op: FieldOp): Condition {
	const keep = cond.value !== undefined && shapeOf(cond.op as FieldOp) === shapeOf(op);
	return withKey({ ...cond, op }, 'value', keep ? cond.value : defaultValue(type, op));
}

const shapeOf = (op: FieldOp) =>
	op === 'is_empty' || op === 'is_not_empty' || op === 'birthday_this_month'
		? 'none'
		: op === 'in' || op === 'not_in'
			? 'list'
			: op === 'between'
				? 'pair'
				: op === 'within_last_days' || op === 'not_within_last_days' || op === 'birthday_in_next_days'
					? 'days'
					: op === 'before' || op === 'after'
						? 'instant'
						: 'scalar';

export function defaultFieldCondition(field: string): Condition {
	const op = fieldOps(field)[0]!;
	return withKey({ type: 'field', field, op }, 'value', defaultValue(CUSTOMER_FIELDS[field] ?? 'string', op));
}

export function defaultOrdersCondition(metric: string): Condition {
	const type = ORDER_METRIC_TYPES[metric] ?? 'number';
	const op: FieldOp = type === 'number' ? 'gte' : 'within_last_days';
	return { type: 'orders', metric, op, value: type === 'number' ? 1 : 30 };
}

/** A valid condition of each type, as the builder adds it. */
export function defaultCondition(type: ConditionType): Condition {
	switch (type) {
		case 'field':
			return defaultFieldCondition('stage');
		case 'orders':
			return defaultOrdersCondition('count');
		case 'bought':
			return { type: 'bought', window: { lastDays: 90 } };
		case 'interaction':
			return { type: 'interaction', minCount: 1, window: { lastDays: 30 } };
		case 'feedback':
			return { type: 'feedback', metric: 'last_nps', op: 'gte', value: 9 };
		case 'segment':
			return { type: 'segment', segment: '' };
		case 'referrals':
			return { type: 'referrals', minCount: 1 };
	}
}

/** The value type an operator's editor works with, for a condition of any built-in type. */
export function valueType(cond: Condition): FieldType {
	if (cond.type === 'field') return CUSTOMER_FIELDS[cond.field as string] ?? 'string';
	if (cond.type === 'orders') return ORDER_METRIC_TYPES[cond.metric as string] ?? 'number';
	return 'number';
}

/** Reads what a user typed for a scalar of `type` ("12" → 12 for numbers; "" stays as typed so the validator flags it). */
export function coerce(type: FieldType, raw: unknown): unknown {
	if (type === 'number') {
		const text = String(raw ?? '').trim();
		const n = Number(text);
		return text !== '' && Number.isFinite(n) ? n : text;
	}
	if (type === 'boolean') return raw === true || raw === 'true';
	return raw === null || raw === undefined ? '' : String(raw);
}

/** Issues keyed by rule path (the preview endpoint prefixes paths with "rule."). */
export function issuesByPath(
	errors: { message?: string; extensions?: { field?: string } }[],
): Record<string, string[]> {
	const byPath: Record<string, string[]> = {};
	for (const error of errors) {
		const field = error.extensions?.field ?? '';
		const path = field === 'rule' ? '' : field.replace(/^rule\./, '');
		(byPath[path] ??= []).push(error.message ?? '');
	}
	return byPath;
}
