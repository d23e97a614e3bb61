// Which customer columns rules may test, their types, and which operators and values fit each type.
import { childPath, type FieldOp, type Issue } from './rule-types';
import {
	checkDays,
	isBoundedString,
	isFiniteNumber,
	isIsoDate,
	isIsoInstant,
	requireValue,
	RULE_LIMITS,
} from './value-checks';

export type FieldType = 'string' | 'number' | 'boolean' | 'date' | 'timestamp';

export const CUSTOMER_FIELDS: Record<string, FieldType> = {
	full_name: 'string',
	first_name: 'string',
	last_name: 'string',
	email: 'string',
	phone: 'string',
	external_id: 'string',
	stage: 'string',
	source: 'string',
	gender: 'string',
	language: 'string',
	timezone: 'string',
	company: 'string',
	country: 'string',
	preferred_channel: 'string',
	status: 'string',
	order_count: 'number',
	total_spent: 'number',
	last_nps: 'number',
	points_balance: 'number',
	points_earned: 'number',
	p_alive: 'number',
	expected_purchases_90d: 'number',
	predicted_clv: 'number',
	// The loyalty tier's id (crm_tiers); the builder offers the tiers by name.
	tier: 'number',
	consent_email: 'boolean',
	consent_sms: 'boolean',
	consent_kakao: 'boolean',
	consent_night: 'boolean',
	stage_locked: 'boolean',
	birthday: 'date',
	first_order_at: 'timestamp',
	last_order_at: 'timestamp',
	last_interaction_at: 'timestamp',
	date_created: 'timestamp',
};

const EMPTINESS: FieldOp[] = ['is_empty', 'is_not_empty'];
export const OPS_BY_TYPE: Record<FieldType, FieldOp[]> = {
	string: ['eq', 'neq', 'in', 'not_in', 'contains', 'starts_with', ...EMPTINESS],
	number: ['eq', 'neq', 'in', 'not_in', 'gt', 'gte', 'lt', 'lte', 'between', ...EMPTINESS],
	boolean: ['eq', 'neq', ...EMPTINESS],
	date: ['eq', 'neq', 'before', 'after', 'between', 'birthday_in_next_days', 'birthday_this_month', ...EMPTINESS],
	timestamp: ['before', 'after', 'between', 'within_last_days', 'not_within_last_days', ...EMPTINESS],
};

const SCALAR: Record<FieldType, [(v: unknown) => boolean, string]> = {
	string: [isBoundedString, `string of at most ${RULE_LIMITS.maxStringLength} characters`],
	number: [isFiniteNumber, 'number'],
	boolean: [(v) => typeof v === 'boolean', 'boolean'],
	date: [isIsoDate, 'ISO date YYYY-MM-DD'],
	timestamp: [isIsoInstant, 'ISO date or datetime'],
};

/** Checks `value` for `op` on a value of `type` (shared by field, orders and feedback conditions). */
export function checkOpValue(type: FieldType, op: FieldOp, value: unknown, path: string): Issue[] {
	const valuePath = childPath(path, 'value');
	const [isScalar, scalarName] = SCALAR[type];
	switch (op) {
		case 'is_empty':
		case 'is_not_empty':
		case 'birthday_this_month':
			return value === undefined ? [] : [{ path: valuePath, message: `${op} takes no value` }];
		case 'in':
		case 'not_in':
			if (Array.isArray(value) && value.length > RULE_LIMITS.maxListValues)
				return [
					{
						path: valuePath,
						message: `a list holds at most ${RULE_LIMITS.maxListValues} values (got ${value.length})`,
						expected: `1-${RULE_LIMITS.maxListValues} values`,
					},
				];
			return requireValue(
				Array.isArray(value) && value.length > 0 && value.every(isScalar),
				valuePath,
				`non-empty array of ${scalarName}`,
			);
		case 'between':
			return requireValue(
				Array.isArray(value) && value.length === 2 && value.every(isScalar),
				valuePath,
				`[${scalarName}, ${scalarName}]`,
			);
		case 'within_last_days':
		case 'not_within_last_days':
		case 'birthday_in_next_days':
			return checkDays(value, valuePath);
		case 'before':
		case 'after':
			return requireValue(isIsoInstant(value), valuePath, 'ISO date or datetime');
		default:
			return requireValue(isScalar(value), valuePath, scalarName);
	}
}

export function checkOp(type: FieldType, op: unknown, path: string, allowed = OPS_BY_TYPE[type]): Issue[] {
	return allowed.includes(op as FieldOp)
		? []
		: [
				{
					path: childPath(path, 'op'),
					message: `operator ${JSON.stringify(op)} does not apply to ${type}`,
					expected: allowed.join(', '),
				},
			];
}
