import { describe, expect, it } from 'vitest';
import { ConditionRegistry } from './condition-registry';
import { BUILTIN_CONDITION_SPECS } from './builtin-condition-specs';
import type { Rule } from './rule-types';
import { tablesRead, validateRule } from './validate-rule';

const paths = (rule: unknown, options = {}) => validateRule(rule, options).map((i) => i.path);

describe('validateRule', () => {
	it('accepts a valid nested rule', () => {
		const rule: Rule = {
			all: [
				{ type: 'field', field: 'stage', op: 'in', value: ['vip', 'customer'] },
				{
					any: [
						{ type: 'orders', metric: 'count', op: 'gte', value: 3, window: { lastDays: 180 } },
						{ not: { type: 'bought', category: 'hair', window: { from: '2026-01-01', to: '2026-02-01T00:00:00Z' } } },
					],
				},
				{ type: 'interaction', channel: 'kakao', minCount: 2 },
				{ type: 'feedback', metric: 'avg_csat', op: 'between', value: [3, 5] },
				{ type: 'field', field: 'birthday', op: 'birthday_in_next_days', value: 7 },
				{ type: 'field', field: 'email', op: 'is_empty' },
				{ type: 'segment', segment: 4 },
			],
		};
		expect(validateRule(rule)).toEqual([]);
	});

	it('points at the wrong value with its exact path', () => {
		const rule = {
			all: [
				{ type: 'field', field: 'stage', op: 'eq', value: 'vip' },
				{ any: [{ type: 'field', field: 'order_count', op: 'gt', value: 'three' }] },
			],
		};
		expect(validateRule(rule)).toEqual([
			{ path: 'all[1].any[0].value', message: 'wrong value type', expected: 'number' },
		]);
	});

	it('reports unknown fields, operators that do not fit the type and unknown condition types', () => {
		const rule = {
			any: [
				{ type: 'field', field: 'shoe_size', op: 'eq', value: 1 },
				{ type: 'field', field: 'consent_sms', op: 'contains', value: 'x' },
				{ type: 'field', field: 'last_order_at', op: 'birthday_in_next_days', value: 3 },
				{ type: 'horoscope', sign: 'leo' },
				{ type: 'orders', metric: 'median', op: 'gt', value: 1 },
			],
		};
		expect(paths(rule)).toEqual(['any[0].field', 'any[1].op', 'any[2].op', 'any[3].type', 'any[4].metric']);
	});

	it('rejects birthday_in_next_days on fields other than birthday', () => {
		expect(paths({ type: 'field', field: 'date_created', op: 'birthday_in_next_days', value: 3 })).toEqual(['op']);
	});

	it('accepts birthday_this_month on the birthday only, without a value', () => {
		expect(validateRule({ type: 'field', field: 'birthday', op: 'birthday_this_month' })).toEqual([]);
		expect(paths({ type: 'field', field: 'birthday', op: 'birthday_this_month', value: 3 })).toEqual(['value']);
		expect(paths({ type: 'field', field: 'date_created', op: 'birthday_this_month' })).toEqual(['op']);
	});

	it('rejects negative days and bad windows', () => {
		const issues = validateRule({
			all: [
				{ type: 'field', field: 'last_order_at', op: 'within_last_days', value: -5 },
				{ type: 'orders', metric: 'count', op: 'eq', value: 0, window: { lastDays: -1 } },
				{ type: 'bought', window: { from: 'yesterday', to: '2026-01-01' } },
				{ type: 'interaction', minCount: 0 },
			],
		});
		expect(issues.map((i) => [i.path, i.message])).toEqual([
			['all[0].value', 'days must not be negative'],
			['all[1].window.lastDays', 'days must not be negative'],
			['all[2].window.from', 'wrong value type'],
			['all[3].minCount', 'wrong value type'],
		]);
	});

	it('checks value shapes per operator', () => {
		const rule = {
			all: [
				{ type: 'field', field: 'stage', op: 'in', value: [] },
				{ type: 'field', field: 'total_spent', op: 'between', value: [1] },
				{ type: 'field', field: 'email', op: 'is_empty', value: '' },
				{ type: 'field', field: 'birthday', op: 'eq', value: '1990-02-30' },
				{ type: 'field', field: 'date_created', op: 'after', value: 'last week' },
			],
		};
		expect(paths(rule)).toEqual(['all[0].value', 'all[1].value', 'all[2].value', 'all[3].value', 'all[4].value']);
	});

	it('rejects empty groups, unknown keys and malformed nodes', () => {
		expect(validateRule({ all: [] })).toEqual([{ path: 'all', message: 'empty group' }]);
		expect(paths({ any: [{ type: 'segment', segment: 1, extra: true }] })).toEqual(['any[0].extra']);
		expect(paths({ all: [{ type: 'field', field: 'stage', op: 'eq', value: 'x' }], any: [] })).toEqual(['any']);
		expect(paths({ not: 'stage = vip' })).toEqual(['not']);
		expect(paths({ any: [{ field: 'stage' }] })).toEqual(['any[0]']);
		expect(paths({ all: { type: 'segment', segment: 1 } })).toEqual(['all']);
	});

	it('rejects nesting deeper than 10 levels', () => {
		let rule: unknown = { type: 'segment', segment: 1 };
		for (let i = 0; i < 9; i++) rule = { not: rule };
		expect(validateRule(rule)).toEqual([]);
		expect(validateRule({ not: rule })).toEqual([
			{ path: 'not.not.not.not.not.not.not.not.not.not', message: 'rule is nested deeper than 10 levels' },
		]);
	});

	it('uses a custom registry for conditions from other modules', () => {
		const registry = new ConditionRegistry(BUILTIN_CONDITION_SPECS).register({
			type: 'tag',
			reads: ['crm_customer_tags'],
			validate: (cond, path) =>
				typeof cond.tag === 'string' ? [] : [{ path: `${path}.tag`, message: 'tag must be a string' }],
		});
		expect(validateRule({ all: [{ type: 'tag', tag: 'vip' }] }, { registry })).toEqual([]);
		expect(paths({ all: [{ type: 'tag', tag: 1 }] }, { registry })).toEqual(['all[0].tag']);
		expect(paths({ type: 'tag', tag: 'vip' })).toEqual(['type']);
		expect(() => registry.register({ type: 'tag', reads: [], validate: () => [] })).toThrow(/already registered/);
	});
});

describe('referrals condition', () => {
	it('accepts the stage-rule keys plus a window, with the same defaults', () => {
		expect(validateRule({ type: 'referrals' })).toEqual([]);
		expect(
			validateRule({
				all: [
					{ type: 'referrals', minCount: 2, buyersOnly: false, window: { lastDays: 90 } },
					{ not: { type: 'referrals', window: { from: '2026-01-01', to: '2026-01-31' } } },
				],
			}),
		).toEqual([]);
	});
	it('names each bad key', () => {
		expect(
			validateRule({
				any: [{ type: 'referrals', minCount: 0, buyersOnly: 'yes', window: { lastDays: -1 }, since: '2026-01-01' }],
			}).map((i) => [i.path, i.message]),
		).toEqual([
			['any[0].since', 'unknown key "since"'],
			['any[0].minCount', 'wrong value type'],
			['any[0].buyersOnly', 'wrong value type'],
			['any[0].window.lastDays', 'days must not be negative'],
		]);
	});
	it('reads crm_customers only (referred customers and their cached order count)', () => {
		expect([...tablesRead({ type: 'referrals', window: { lastDays: 30 } })]).toEqual(['crm_customers']);
	});
	it('is not among the built-ins stage rules share, which register their own referrals', () => {
		expect(BUILTIN_CONDITION_SPECS.map((spec) => spec.type)).not.toContain('referrals');
	});
});

describe('segment cycles', () => {
	const rules: Record<string, Rule> = {
		a: { type: 'segment', segment: 'b' },
		b: {
			any: [
				{ type: 'field', field: 'stage', op: 'eq', value: 'vip' },
				{ type: 'segment', segment: 'c' },
			],
		},
		c: { type: 'segment', segment: 'a' },
		d: { type: 'field', field: 'stage', op: 'eq', value: 'lead' },
		e: { type: 'segment', segment: 'f' },
		f: { type: 'segment', segment: 'e' },
	};
	const resolveSegment = (id: string | number) => rules[String(id)] ?? null;

	it('reports a cycle back to the segment being edited, with its path', () => {
		expect(validateRule(rules.a, { resolveSegment, segmentId: 'a' })).toEqual([
			{
				path: 'segment',
				message: 'segment cycle: a → b → c → a',
				expected: 'a segment that does not refer back to this one',
			},
		]);
	});

	it('reports a direct self reference', () => {
		expect(
			validateRule({ all: [{ type: 'segment', segment: 'x' }] }, { resolveSegment, segmentId: 'x' }).map((i) => [
				i.path,
				i.message,
			]),
		).toEqual([['all[0].segment', 'segment cycle: x → x']]);
	});

	it('reports a cycle further down the reference chain', () => {
		expect(
			validateRule({ type: 'segment', segment: 'e' }, { resolveSegment, segmentId: 'new' }).map((i) => i.message),
		).toEqual(['segment cycle: e → f → e']);
	});

	it('accepts acyclic references and segments without a rule', () => {
		expect(
			validateRule(
				{
					any: [
						{ type: 'segment', segment: 'd' },
						{ type: 'segment', segment: 'd' },
					],
				},
				{ resolveSegment, segmentId: 'z' },
			),
		).toEqual([]);
		expect(validateRule({ not: { type: 'segment', segment: 'static-list' } }, { resolveSegment })).toEqual([]);
	});
});

describe('tablesRead', () => {
	it('collects the tables of every condition in the tree', () => {
		const rule: Rule = {
			all: [
				{ type: 'field', field: 'stage', op: 'eq', value: 'vip' },
				{
					not: {
						any: [
							{ type: 'bought', product: 1 },
							{ type: 'feedback', metric: 'last_nps', op: 'gte', value: 9 },
						],
					},
				},
				{ type: 'segment', segment: 2 },
			],
		};
		expect([...tablesRead(rule)].sort()).toEqual([
			'crm_customers',
			'crm_feedback',
			'crm_order_lines',
			'crm_orders',
			'crm_products',
			'crm_segment_members',
		]);
		expect([...tablesRead({ type: 'interaction' })]).toEqual(['crm_interactions']);
	});
});

describe('names inherited from Object', () => {
	it('treats "constructor" and "__proto__" as unknown fields and metrics (a fuzzing find that used to throw)', () => {
		expect(validateRule({ type: 'field', field: 'constructor', op: 'eq', value: 1 })).toEqual([
			expect.objectContaining({ path: 'field', message: 'unknown field "constructor"' }),
		]);
		expect(
			validateRule({ type: 'orders', metric: '__proto__', op: 'gte', value: 1 }).map((issue) => issue.path),
		).toEqual(['metric']);
	});
});
