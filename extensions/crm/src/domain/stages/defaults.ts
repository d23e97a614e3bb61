// The built-in stage rules, used while crm_settings.stage_rules is empty. Documented in the README.
import type { Rule } from '../segments/rule-types';
import type { StageRule } from './types';

export interface DefaultStageOptions {
	/** regular = at least this many paid orders … */
	regularOrders: number;
	/** … in this many days. */
	regularDays: number;
	/** advocate = a buyer whose last NPS is at least this … */
	advocateNps: number;
	/** … or who referred at least this many customers who bought. */
	advocateReferrals: number;
}

export const DEFAULT_STAGE_OPTIONS: DefaultStageOptions = {
	regularOrders: 3,
	regularDays: 180,
	advocateNps: 9,
	advocateReferrals: 1,
};

export function defaultStageRules(options: Partial<DefaultStageOptions> = {}): StageRule[] {
	const o = { ...DEFAULT_STAGE_OPTIONS, ...options };
	const bought: Rule = { type: 'orders', metric: 'count', op: 'gte', value: 1 };
	const referred =
		o.advocateReferrals === 1
			? 'referred a customer who bought'
			: `referred ≥ ${o.advocateReferrals} customers who bought`;
	return [
		{ stage: 'partner', rule: null, manual: true, label: 'set by staff' },
		{
			stage: 'advocate',
			label: `bought, and last NPS ≥ ${o.advocateNps} or ${referred}`,
			rule: {
				all: [
					bought,
					{
						any: [
							{ type: 'feedback', metric: 'last_nps', op: 'gte', value: o.advocateNps },
							{ type: 'referrals', minCount: o.advocateReferrals },
						],
					},
				],
			},
		},
		{
			stage: 'regular',
			label: `≥ ${o.regularOrders} orders in ${o.regularDays} days`,
			rule: { type: 'orders', metric: 'count', op: 'gte', value: o.regularOrders, window: { lastDays: o.regularDays } },
		},
		{ stage: 'customer', label: '≥ 1 paid order', rule: bought },
	];
}
