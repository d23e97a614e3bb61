import { describe, expect, it } from 'vitest';
import { defaultStageRules } from './defaults';
import { parseStageRules, settingPath } from './validate';

const issuesOf = (value: unknown) => {
	const parsed = parseStageRules(value);
	return 'issues' in parsed ? parsed.issues : [];
};
const regular = {
	stage: 'regular',
	rule: { type: 'orders', metric: 'count', op: 'gte', value: 3, window: { lastDays: 180 } },
};

describe('parseStageRules', () => {
	it('uses the built-in rules when the setting is empty', () => {
		for (const empty of [null, undefined, '', '  ', []])
			expect(parseStageRules(empty)).toEqual({ rules: defaultStageRules(), defaults: true });
	});

	it('accepts the built-in rules written out, as JSON text too', () => {
		expect(parseStageRules(defaultStageRules())).toEqual({ rules: defaultStageRules(), defaults: false });
		expect(parseStageRules(JSON.stringify([regular, { stage: 'partner', manual: true }]))).toMatchObject({
			defaults: false,
			rules: [regular, { stage: 'partner', manual: true }],
		});
	});

	it('accepts referrals conditions with their options', () => {
		expect(issuesOf([{ stage: 'advocate', rule: { type: 'referrals', minCount: 2, buyersOnly: false } }])).toEqual([]);
		expect(
			issuesOf([{ stage: 'advocate', rule: { type: 'referrals', minCount: 0, buyersOnly: 'yes' } }]).map((i) => i.path),
		).toEqual(['[0].rule.minCount', '[0].rule.buyersOnly']);
	});

	it('reports bad JSON and a non-list at the root', () => {
		expect(issuesOf('[{')).toEqual([{ path: '', message: 'is not valid JSON' }]);
		expect(issuesOf({ stage: 'regular' })[0]).toMatchObject({ path: '', message: expect.stringContaining('list') });
	});

	it('reports each bad entry with its path, including paths inside the segment rule', () => {
		const issues = issuesOf([
			regular,
			{ stage: 'regular', rule: { all: [{ type: 'orders', metric: 'count', op: 'gte', value: 'three' }] } },
			{ stage: 'vip', rule: { type: 'field', field: 'shoe_size', op: 'eq', value: 1 } },
			{ stage: 'prospect', rule: regular.rule },
			{ stage: 'customer' },
			{ stage: 'partner', manual: true, rule: regular.rule, colour: 'red' },
			{ stage: 'advocate', manual: false, label: '' },
			'customer',
		]);
		expect(issues.map((issue) => issue.path)).toEqual([
			'[1].stage',
			'[1].rule.all[0].value',
			'[2].stage',
			'[2].rule.field',
			'[3].stage',
			'[4].rule',
			'[5].colour',
			'[5].rule',
			'[6].label',
			'[6].manual',
			'[7]',
		]);
		expect(issues[0].message).toBe('stage "regular" already has a rule at [0]');
		expect(issues[2]).toMatchObject({
			message: 'unknown stage "vip"',
			expected: 'customer, regular, advocate, partner',
		});
	});

	it('refuses rules that test the stage itself', () => {
		expect(
			issuesOf([{ stage: 'advocate', rule: { all: [{ type: 'field', field: 'stage', op: 'eq', value: 'regular' }] } }]),
		).toEqual([
			{ path: '[0].rule.all[0].field', message: 'stage rules cannot test the stage itself (it is what they decide)' },
		]);
	});

	it('prefixes paths with the setting name', () => {
		expect([settingPath(''), settingPath('[1].rule.value'), settingPath('x')]).toEqual([
			'stage_rules',
			'stage_rules[1].rule.value',
			'stage_rules.x',
		]);
	});
});
