import { describe, expect, it } from 'vitest';
import { validateRule } from '../../../domain/segments/validate-rule';
import type { Condition, Rule } from '../../../domain/segments/rule-types';
import { CUSTOMER_FIELDS } from '../../../domain/segments/field-catalogue';
import {
	appendChild,
	CONDITION_TYPES,
	coerce,
	defaultCondition,
	defaultFieldCondition,
	defaultOrdersCondition,
	fieldOps,
	issuesByPath,
	joinPath,
	metricOps,
	parseRule,
	readGroup,
	removeChild,
	replaceChild,
	setKind,
	withKey,
	withOp,
	ORDER_METRIC_TYPES,
} from './tree';
import { toLanguage, translator, MESSAGES } from './i18n';

const a: Rule = { type: 'field', field: 'stage', op: 'eq', value: 'vip' };
const b: Rule = { type: 'orders', metric: 'count', op: 'gte', value: 3 };

describe('parseRule', () => {
	it('accepts objects, JSON strings and nothing', () => {
		expect(parseRule(null)).toBeNull();
		expect(parseRule('')).toBeNull();
		expect(parseRule('{"all":[]}')).toEqual({ all: [] });
		expect(parseRule('not json')).toBeNull();
		expect(parseRule([1])).toBeNull();
		expect(parseRule(a)).toBe(a);
	});
});

describe('groups', () => {
	it('reads all / any / not with the paths the validator uses', () => {
		expect(readGroup({ all: [a, b] })).toEqual({ kind: 'all', children: [a, b], paths: ['all[0]', 'all[1]'] });
		expect(readGroup({ any: [a] }).paths).toEqual(['any[0]']);
		expect(readGroup({ not: a })).toEqual({ kind: 'not', children: [a], paths: ['not'] });
		expect(readGroup({ not: { any: [a, b] } })).toEqual({
			kind: 'not',
			children: [a, b],
			paths: ['not.any[0]', 'not.any[1]'],
		});
		expect(readGroup({ not: { all: [a, b] } }).children).toEqual([{ all: [a, b] }]);
	});

	it('updates immutably and round-trips through not', () => {
		const root: Rule = { all: [a] };
		const added = appendChild(root, b);
		expect(added).toEqual({ all: [a, b] });
		expect(root).toEqual({ all: [a] });
		expect(setKind(added, 'any')).toEqual({ any: [a, b] });
		expect(setKind(added, 'not')).toEqual({ not: { any: [a, b] } });
		expect(setKind({ all: [a] }, 'not')).toEqual({ not: a });
		expect(removeChild({ not: { any: [a, b] } }, 1)).toEqual({ not: a });
		expect(appendChild({ not: a }, b)).toEqual({ not: { any: [a, b] } });
		expect(replaceChild({ any: [a, b] }, 0, b)).toEqual({ any: [b, b] });
		expect(removeChild({ all: [a] }, 0)).toEqual({ all: [] });
	});

	it('joins paths', () => {
		expect(joinPath('', 'all[0]')).toBe('all[0]');
		expect(joinPath('all[1]', 'not')).toBe('all[1].not');
		expect(joinPath('all[1]', '')).toBe('all[1]');
	});
});

describe('default conditions', () => {
	it('are valid for every condition type except a segment (which needs an id)', () => {
		for (const type of CONDITION_TYPES.filter((t) => t !== 'segment'))
			expect(validateRule(defaultCondition(type)), type).toEqual([]);
		expect(validateRule(defaultCondition('segment'))[0]?.path).toBe('segment');
	});

	it('are valid for every customer field and every order metric', () => {
		for (const field of Object.keys(CUSTOMER_FIELDS)) {
			const cond = defaultFieldCondition(field);
			if (CUSTOMER_FIELDS[field] === 'string') expect(cond.value).toBe('');
			else expect(validateRule(cond), field).toEqual([]);
		}
		for (const metric of Object.keys(ORDER_METRIC_TYPES))
			expect(validateRule(defaultOrdersCondition(metric)), metric).toEqual([]);
	});

	it('every operator gets a value of the right shape', () => {
		for (const field of Object.keys(CUSTOMER_FIELDS).filter((f) => CUSTOMER_FIELDS[f] !== 'string')) {
			for (const op of fieldOps(field)) {
				const cond = withOp(defaultFieldCondition(field), CUSTOMER_FIELDS[field]!, op);
				expect(validateRule(cond), `${field} ${op}`).toEqual([]);
			}
		}
		for (const metric of Object.keys(ORDER_METRIC_TYPES)) {
			for (const op of metricOps(metric))
				expect(
					validateRule(withOp(defaultOrdersCondition(metric), ORDER_METRIC_TYPES[metric]!, op)),
					`${metric} ${op}`,
				).toEqual([]);
		}
	});

	it('offers the birthday operators only on the birthday', () => {
		expect(fieldOps('birthday').slice(0, 2)).toEqual(['birthday_this_month', 'birthday_in_next_days']);
		expect(defaultFieldCondition('birthday')).toEqual({ type: 'field', field: 'birthday', op: 'birthday_this_month' });
		expect(fieldOps('date_created')).not.toContain('birthday_in_next_days');
		expect(fieldOps('date_created')).not.toContain('birthday_this_month');
		expect(
			withOp(
				{ type: 'field', field: 'birthday', op: 'birthday_in_next_days', value: 7 },
				'date',
				'birthday_this_month',
			),
		).toEqual({
			type: 'field',
			field: 'birthday',
			op: 'birthday_this_month',
		});
	});
});

describe('editing values', () => {
	it('keeps the value when the operator keeps its shape and drops it for is_empty', () => {
		const cond: Condition = { type: 'orders', metric: 'count', op: 'gte', value: 3 };
		expect(withOp(cond, 'number', 'gt')).toEqual({ ...cond, op: 'gt' });
		expect(withOp(cond, 'number', 'between')).toEqual({ ...cond, op: 'between', value: [0, 100] });
		expect(withOp({ type: 'field', field: 'email', op: 'eq', value: 'x' }, 'string', 'is_empty')).toEqual({
			type: 'field',
			field: 'email',
			op: 'is_empty',
		});
		expect(withKey(cond, 'window', { lastDays: 30 })).toEqual({ ...cond, window: { lastDays: 30 } });
		expect(withKey({ ...cond, window: { lastDays: 30 } }, 'window', undefined)).toEqual(cond);
	});

	it('coerces typed input', () => {
		expect(coerce('number', '12')).toBe(12);
		expect(coerce('number', 7)).toBe(7);
		expect(coerce('number', '')).toBe('');
		expect(coerce('number', 'abc')).toBe('abc');
		expect(coerce('boolean', 'true')).toBe(true);
		expect(coerce('string', null)).toBe('');
	});

	it('maps preview errors to rule paths', () => {
		expect(
			issuesByPath([
				{ message: 'rule.all[0].value: wrong value type', extensions: { field: 'rule.all[0].value' } },
				{ message: 'rule: rule must be an object', extensions: { field: 'rule' } },
			]),
		).toEqual({ 'all[0].value': ['rule.all[0].value: wrong value type'], '': ['rule: rule must be an object'] });
	});
});

describe('i18n', () => {
	it('has every key in both languages and picks Korean for ko locales', () => {
		expect(Object.keys(MESSAGES['en-US']).sort()).toEqual(Object.keys(MESSAGES['ko-KR']).sort());
		expect(toLanguage('ko-KR')).toBe('ko-KR');
		expect(toLanguage('ko')).toBe('ko-KR');
		expect(toLanguage('de-DE')).toBe('en-US');
		expect(toLanguage(null)).toBe('en-US');
		const ko = translator('ko-KR');
		expect(ko.t('add_condition')).toBe('조건 추가');
		expect(ko.tk('op', 'gte')).toBe('이상');
		expect(ko.field('order_count')).toBe('주문 수');
		expect(translator('en-US').field('order_count')).toBe('Order count');
	});

	it('labels every operator, metric and condition type', () => {
		for (const language of ['ko-KR', 'en-US'] as const) {
			const keys = Object.keys(MESSAGES[language]);
			const ops = new Set(Object.keys(CUSTOMER_FIELDS).flatMap(fieldOps));
			for (const op of ops) expect(keys).toContain(`op_${op}`);
			for (const metric of [...Object.keys(ORDER_METRIC_TYPES), 'last_nps', 'avg_csat'])
				expect(keys).toContain(`metric_${metric}`);
			for (const type of CONDITION_TYPES) expect(keys).toContain(`type_${type}`);
		}
	});
});
