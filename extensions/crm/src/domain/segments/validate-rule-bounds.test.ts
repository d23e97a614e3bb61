// Issue #15 findings 5 and 15: every rule is bounded (values per list, children per group, nodes, string lengths,
// day counts, counts and numbers) and the check stays cheap on hostile input.
import { describe, expect, it } from 'vitest';
import { parseStageRules } from '../stages/validate';
import { validateRule } from './validate-rule';
import { RULE_LIMITS } from './value-checks';

const stage = (value: unknown) => ({ type: 'field', field: 'stage', op: 'eq', value });
const messages = (rule: unknown) => validateRule(rule).map((issue) => `${issue.path}: ${issue.message}`);

describe('rule bounds', () => {
	it('refuses an in list of 40,000 values and accepts one of 1,000', () => {
		const values = Array.from({ length: 40_000 }, (_, i) => `v${i}`);
		expect(messages({ type: 'field', field: 'stage', op: 'in', value: values })).toEqual([
			'value: a list holds at most 1000 values (got 40000)',
		]);
		expect(validateRule({ type: 'field', field: 'stage', op: 'in', value: values.slice(0, 1000) })).toEqual([]);
	});

	it('refuses a group of 1,100 children and more than 200 nodes in all', () => {
		expect(messages({ any: Array.from({ length: 1100 }, () => stage('vip')) })).toEqual([
			'(root): rule has more than 200 conditions and groups',
		]);
		expect(messages({ any: Array.from({ length: 51 }, () => stage('vip')) })).toEqual([
			'any: a group holds at most 50 rules (got 51)',
		]);
		const wide = { all: Array.from({ length: 5 }, () => ({ any: Array.from({ length: 45 }, () => stage('vip')) })) };
		expect(messages(wide)).toEqual(['(root): rule has more than 200 conditions and groups']);
		expect(validateRule({ all: Array.from({ length: 50 }, () => stage('vip')) })).toEqual([]);
	});

	it('refuses a 60,000-character contains and a 256-character category', () => {
		expect(messages({ type: 'field', field: 'email', op: 'contains', value: 'x'.repeat(60_000) })).toEqual([
			'value: wrong value type',
		]);
		expect(validateRule({ type: 'field', field: 'email', op: 'contains', value: 'x'.repeat(255) })).toEqual([]);
		expect(messages({ type: 'bought', category: 'c'.repeat(256) })).toEqual(['category: wrong value type']);
	});

	it('refuses lastDays: 1e300 and day counts beyond 36,500', () => {
		expect(messages({ type: 'orders', metric: 'count', op: 'gte', value: 1, window: { lastDays: 1e300 } })).toEqual([
			'window.lastDays: days must be at most 36500',
		]);
		expect(messages({ type: 'field', field: 'last_order_at', op: 'within_last_days', value: 36_501 })).toEqual([
			'value: days must be at most 36500',
		]);
		expect(
			validateRule({ type: 'field', field: 'last_order_at', op: 'within_last_days', value: RULE_LIMITS.maxDays }),
		).toEqual([]);
	});

	it('refuses numbers and counts beyond the stored range, and unsafe integer ids', () => {
		expect(messages({ type: 'field', field: 'total_spent', op: 'gt', value: 1e300 })).toEqual([
			'value: wrong value type',
		]);
		expect(messages({ type: 'interaction', minCount: 1e18 })).toEqual(['minCount: wrong value type']);
		expect(messages({ type: 'segment', segment: 2 ** 60 })).toEqual(['segment: wrong value type']);
		expect(validateRule({ type: 'field', field: 'total_spent', op: 'gt', value: 999_999_999_999.99 })).toEqual([]);
	});

	it('checks a 3,000-deep nesting quickly and reports at most 50 issues', () => {
		let deep: unknown = stage('vip');
		for (let i = 0; i < 3000; i++) deep = { not: deep };
		const started = performance.now();
		expect(validateRule(deep)).toHaveLength(1);
		expect(performance.now() - started).toBeLessThan(1000);
		const bad = { all: Array.from({ length: 50 }, () => ({ type: 'field', field: 'nope', op: 'eq', value: 1 })) };
		expect(validateRule({ all: [bad, bad, bad] })).toHaveLength(RULE_LIMITS.maxIssues);
	});

	it('applies to stage rules too', () => {
		const parsed = parseStageRules([
			{
				stage: 'customer',
				rule: { type: 'orders', metric: 'count', op: 'gte', value: 1, window: { lastDays: 1e300 } },
			},
		]);
		expect('issues' in parsed && parsed.issues.map((issue) => issue.path)).toEqual(['[0].rule.window.lastDays']);
		const many = Array.from({ length: 21 }, () => ({ stage: 'customer', manual: true }));
		expect('issues' in parseStageRules(many)).toBe(true);
	});
});
