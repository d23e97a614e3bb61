import { describe, expect, it } from 'vitest';
import { validateRule } from '../segments/validate-rule';
import { DEFAULT_STAGE_OPTIONS, defaultStageRules } from './defaults';
import {
	countsReferrals,
	customerFieldsRead,
	evaluationOrder,
	pickStage,
	ruleFor,
	stageReason,
	stageTablesRead,
} from './decide';
import { stageConditionSpecs } from './conditions';
import type { StageRule } from './types';

const rules = defaultStageRules();

describe('stage rules', () => {
	it('has valid built-in rules with configurable thresholds', () => {
		for (const entry of rules)
			if (entry.rule) expect(validateRule(entry.rule, { registry: stageConditionSpecs })).toEqual([]);
		expect(DEFAULT_STAGE_OPTIONS).toEqual({ regularOrders: 3, regularDays: 180, advocateNps: 9, advocateReferrals: 1 });
		const custom = defaultStageRules({ regularOrders: 5, regularDays: 90 });
		expect(ruleFor(custom, 'regular')).toMatchObject({
			label: '≥ 5 orders in 90 days',
			rule: { value: 5, window: { lastDays: 90 } },
		});
	});

	it('tries automatic rules highest stage first, whatever their order in the list; partner is manual only', () => {
		const shuffled: StageRule[] = [rules[3], rules[1], rules[0], rules[2]];
		expect(evaluationOrder(shuffled).map((entry) => entry.stage)).toEqual(['advocate', 'regular', 'customer']);
	});

	it('gives the highest stage whose rule matches, prospect when none does', () => {
		const regularRule = ruleFor(rules, 'regular')!.rule;
		const customerRule = ruleFor(rules, 'customer')!.rule;
		expect(pickStage(rules, (rule) => rule === regularRule || rule === customerRule)).toMatchObject({
			stage: 'regular',
		});
		expect(pickStage(rules, (rule) => rule === customerRule)).toMatchObject({ stage: 'customer' });
		expect(pickStage(rules, () => false)).toEqual({ stage: 'prospect', rule: null });
		expect(pickStage(rules, () => true)).toMatchObject({ stage: 'advocate' });
	});

	it('names the deciding rule in the reason, by label or plain-language summary', () => {
		expect(stageReason('rule', ruleFor(rules, 'regular'))).toBe('rule: ≥ 3 orders in 180 days');
		expect(stageReason('nightly', null)).toBe('nightly: no stage rule matches');
		const unlabelled: StageRule = {
			stage: 'regular',
			rule: { type: 'orders', metric: 'count', op: 'gte', value: 2, window: { lastDays: 30 } },
		};
		expect(stageReason('refresh', unlabelled)).toBe('refresh: placed at least 2 orders in the last 30 days');
	});

	it('knows what the rules read', () => {
		expect([...stageTablesRead(rules)].sort()).toEqual(['crm_customers', 'crm_feedback', 'crm_orders']);
		expect(countsReferrals(rules)).toBe(true);
		expect(countsReferrals([rules[2]])).toBe(false);
		expect([
			...customerFieldsRead([
				{ stage: 'customer', rule: { any: [{ type: 'field', field: 'total_spent', op: 'gt', value: 0 }] } },
			]),
		]).toEqual(['total_spent']);
	});
});
