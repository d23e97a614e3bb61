// Validates a DB-shaped earning-rule row into an EarningRule, reporting every problem per field at once.
import { compileFormula } from './formula';
import {
	readChoiceField,
	readDateField,
	readListField,
	readNumberField,
	readWeekdaysField,
	type FieldResult,
} from './rule-fields';
import { BONUS_EVENTS, RULE_KINDS, STACKINGS, type EarningRule } from './types';

export interface RuleFieldError {
	field: string;
	message: string;
}

export type RuleValidation = { rule: EarningRule } | { errors: RuleFieldError[] };

export const DEFAULT_RULE_PRIORITY = 100;

/**
 * Fields that do not apply to the rule's kind are normalised away (a bonus row keeps the schema's default
 * per_amount, for instance) so earning never reads them: multiplier points become 0, per_amount/formula are kept
 * for spend only, factor for multiplier only, event for bonus only. A missing id is allowed (validating before insert).
 */
export function validateEarningRule(raw: Record<string, unknown>): RuleValidation {
	// Found by fuzzing: a caller passing JSON that is not an object gets an error, not a TypeError.
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
		return { errors: [{ field: 'rule', message: 'rule must be an object' }] };
	const errors: RuleFieldError[] = [];
	const read = <T>(field: string, result: FieldResult<T>, fallback: T): T => {
		if ('value' in result) return result.value;
		errors.push({ field, message: `${field} ${result.error}` });
		return fallback;
	};
	const fail = (field: string, message: string) => errors.push({ field, message });

	const id = typeof raw.id === 'string' || typeof raw.id === 'number' ? raw.id : '';
	const name = typeof raw.name === 'string' ? raw.name.trim() : '';
	if (!name) fail('name', 'name is required');

	const kind = read('kind', readChoiceField(raw.kind, RULE_KINDS), null);
	if (kind === null && !errors.some((e) => e.field === 'kind'))
		fail('kind', `kind is required (${RULE_KINDS.join(', ')})`);

	const points = read('points', readNumberField(raw.points, { min: 0 }), null);
	const perAmount = read('per_amount', readNumberField(raw.per_amount, { min: 0 }), null);
	const factor = read('factor', readNumberField(raw.factor, { min: 0 }), null);
	const formula = typeof raw.formula === 'string' && raw.formula.trim() !== '' ? raw.formula.trim() : null;
	if (raw.formula !== null && raw.formula !== undefined && typeof raw.formula !== 'string')
		fail('formula', 'formula must be text');
	const event = read('event', readChoiceField(raw.event, BONUS_EVENTS), null);

	const caps = {
		capPerOrder: read('cap_per_order', readNumberField(raw.cap_per_order, { integer: true, min: 0 }), null),
		capPerDay: read('cap_per_day', readNumberField(raw.cap_per_day, { integer: true, min: 0 }), null),
		capPerCustomer: read('cap_per_customer', readNumberField(raw.cap_per_customer, { integer: true, min: 0 }), null),
	};
	const priority = read('priority', readNumberField(raw.priority, { integer: true }), null) ?? DEFAULT_RULE_PRIORITY;
	const stacking = read('stacking', readChoiceField(raw.stacking, STACKINGS), null) ?? 'additive';

	const filters = {
		tiers: read('tiers', readListField(raw.tiers), null),
		categories: read('categories', readListField(raw.categories), null),
		products: read('products', readListField(raw.products), null),
		channels: read('channels', readListField(raw.channels), null),
		weekdays: read('weekdays', readWeekdaysField(raw.weekdays), null),
	};
	const startsAt = read('starts_at', readDateField(raw.starts_at), null);
	const endsAt = read('ends_at', readDateField(raw.ends_at), null);
	if (startsAt && endsAt && startsAt.getTime() > endsAt.getTime()) fail('ends_at', 'ends_at is before starts_at');

	if (kind === 'spend') {
		if (formula !== null) {
			const compiled = compileFormula(formula);
			if (!compiled.ok) fail('formula', `formula: ${compiled.error} at position ${compiled.position}`);
		} else {
			if (!(perAmount !== null && perAmount > 0) && !errors.some((e) => e.field === 'per_amount')) {
				fail('per_amount', 'spend rules need per_amount greater than 0 (or a formula)');
			}
			if (!(points !== null && points > 0) && !errors.some((e) => e.field === 'points')) {
				fail('points', 'spend rules need points greater than 0 (or a formula)');
			}
		}
	}
	if (kind === 'multiplier') {
		if (!(factor !== null && factor > 0) && !errors.some((e) => e.field === 'factor'))
			fail('factor', 'multiplier rules need a factor greater than 0');
		// A multiplier has no points of its own (it raises spend rules' points), so a cap on it could never bind.
		for (const [field, cap] of [
			['cap_per_order', caps.capPerOrder],
			['cap_per_day', caps.capPerDay],
			['cap_per_customer', caps.capPerCustomer],
		] as const) {
			if (cap !== null) fail(field, `${field} does not apply to multiplier rules; cap the spend rules instead`);
		}
	}
	if (kind === 'bonus') {
		if (event === null && !errors.some((e) => e.field === 'event'))
			fail('event', `bonus rules need an event (${BONUS_EVENTS.join(', ')})`);
		if (!(points !== null && points > 0) && !errors.some((e) => e.field === 'points'))
			fail('points', 'bonus rules need points greater than 0');
	}

	if (errors.length || kind === null) return { errors };
	return {
		rule: {
			id,
			name,
			kind,
			points: kind === 'multiplier' ? 0 : (points ?? 0),
			perAmount: kind === 'spend' ? perAmount : null,
			factor: kind === 'multiplier' ? factor : null,
			formula: kind === 'spend' ? formula : null,
			event: kind === 'bonus' ? event : null,
			...filters,
			startsAt,
			endsAt,
			...caps,
			priority,
			stacking,
		},
	};
}
