// Validation and table dependencies of the built-in conditions (compilation lives in data/segments).
import type { ConditionSpec } from './condition-registry';
import { ConditionRegistry } from './condition-registry';
import { checkOp, checkOpValue, CUSTOMER_FIELDS, type FieldType } from './field-catalogue';
import { segmentReferralsSpec } from './referrals';
import { childPath, type FieldOp, type Issue } from './rule-types';
import {
	checkOptionalCount,
	checkWindow,
	isBoundedString,
	requireValue,
	RULE_LIMITS,
	unknownKeys,
} from './value-checks';

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
const ORDER_METRICS: Record<string, FieldType> = {
	count: 'number',
	sum: 'number',
	avg: 'number',
	last_date: 'timestamp',
	first_date: 'timestamp',
};
const FEEDBACK_METRICS = ['last_nps', 'avg_csat'];

const isId = (v: unknown) => (isBoundedString(v) && v !== '') || (Number.isSafeInteger(v) && (v as number) >= 0);
const optionalString = (v: unknown, path: string) =>
	v === undefined
		? []
		: requireValue(
				isBoundedString(v) && v !== '',
				path,
				`non-empty string of at most ${RULE_LIMITS.maxStringLength} characters`,
			);

export const fieldSpec: ConditionSpec = {
	type: 'field',
	reads: ['crm_customers'],
	validate(cond, path) {
		const issues = unknownKeys(cond, ['type', 'field', 'op', 'value'], path);
		// Own keys only: a field named "constructor" or "__proto__" must be an unknown field, not Object's (found by fuzzing).
		const type = Object.hasOwn(CUSTOMER_FIELDS, cond.field as string)
			? CUSTOMER_FIELDS[cond.field as string]
			: undefined;
		if (!type)
			return [
				...issues,
				{
					path: childPath(path, 'field'),
					message: `unknown field ${JSON.stringify(cond.field)}`,
					expected: Object.keys(CUSTOMER_FIELDS).join(', '),
				},
			];
		const opIssues = checkOp(type, cond.op, path);
		if (opIssues.length) return [...issues, ...opIssues];
		if ((cond.op === 'birthday_in_next_days' || cond.op === 'birthday_this_month') && cond.field !== 'birthday')
			return [...issues, { path: childPath(path, 'op'), message: `${cond.op} applies to the birthday field only` }];
		return [...issues, ...checkOpValue(type, cond.op as FieldOp, cond.value, path)];
	},
};

export const ordersSpec: ConditionSpec = {
	type: 'orders',
	reads: ['crm_orders'],
	validate(cond, path) {
		const issues = unknownKeys(cond, ['type', 'metric', 'op', 'value', 'window'], path);
		const type = Object.hasOwn(ORDER_METRICS, cond.metric as string) ? ORDER_METRICS[cond.metric as string] : undefined;
		if (!type)
			return [
				...issues,
				{
					path: childPath(path, 'metric'),
					message: `unknown metric ${JSON.stringify(cond.metric)}`,
					expected: Object.keys(ORDER_METRICS).join(', '),
				},
			];
		const opIssues = checkOp(type, cond.op, path, type === 'number' ? NUMERIC_OPS : DATE_METRIC_OPS);
		if (opIssues.length) return [...issues, ...opIssues];
		return [
			...issues,
			...checkOpValue(type, cond.op as FieldOp, cond.value, path),
			...checkWindow(cond.window, childPath(path, 'window')),
		];
	},
};

export const boughtSpec: ConditionSpec = {
	type: 'bought',
	reads: ['crm_orders', 'crm_order_lines', 'crm_products'],
	validate(cond, path) {
		const issues: Issue[] = unknownKeys(cond, ['type', 'product', 'category', 'minQuantity', 'window'], path);
		if (cond.product !== undefined)
			issues.push(...requireValue(isId(cond.product), childPath(path, 'product'), 'product id'));
		issues.push(...optionalString(cond.category, childPath(path, 'category')));
		issues.push(...checkOptionalCount(cond.minQuantity, childPath(path, 'minQuantity')));
		return [...issues, ...checkWindow(cond.window, childPath(path, 'window'))];
	},
};

export const interactionSpec: ConditionSpec = {
	type: 'interaction',
	reads: ['crm_interactions'],
	validate(cond, path) {
		const issues: Issue[] = unknownKeys(cond, ['type', 'channel', 'interactionType', 'minCount', 'window'], path);
		issues.push(
			...optionalString(cond.channel, childPath(path, 'channel')),
			...optionalString(cond.interactionType, childPath(path, 'interactionType')),
		);
		issues.push(...checkOptionalCount(cond.minCount, childPath(path, 'minCount')));
		return [...issues, ...checkWindow(cond.window, childPath(path, 'window'))];
	},
};

export const feedbackSpec: ConditionSpec = {
	type: 'feedback',
	reads: ['crm_feedback'],
	validate(cond, path) {
		const issues = unknownKeys(cond, ['type', 'metric', 'op', 'value'], path);
		if (!FEEDBACK_METRICS.includes(cond.metric as string))
			return [
				...issues,
				{
					path: childPath(path, 'metric'),
					message: `unknown metric ${JSON.stringify(cond.metric)}`,
					expected: FEEDBACK_METRICS.join(', '),
				},
			];
		const opIssues = checkOp('number', cond.op, path, NUMERIC_OPS);
		return [...issues, ...(opIssues.length ? opIssues : checkOpValue('number', cond.op as FieldOp, cond.value, path))];
	},
};

export const segmentSpec: ConditionSpec = {
	type: 'segment',
	reads: ['crm_segment_members'],
	validate(cond, path) {
		return [
			...unknownKeys(cond, ['type', 'segment'], path),
			...requireValue(isId(cond.segment), childPath(path, 'segment'), 'segment id'),
		];
	},
};

/** The conditions segment rules share with stage rules (stages add their own `referrals`, see domain/stages). */
export const BUILTIN_CONDITION_SPECS = [fieldSpec, ordersSpec, boughtSpec, interactionSpec, feedbackSpec, segmentSpec];

/** Everything a segment rule may use: the shared built-ins plus `referrals`. */
export const SEGMENT_CONDITION_SPECS = [...BUILTIN_CONDITION_SPECS, segmentReferralsSpec];

/** Validation-only registry of segment conditions, for pure callers; the compiler's registry matches it (data/segments). */
export const builtinConditionSpecs = new ConditionRegistry<ConditionSpec>(SEGMENT_CONDITION_SPECS);
