// The `referrals` condition: "referred at least N customers (who bought)". Registered for stage rules next to the
// built-in segment conditions, so the validator and compiler stay untouched (compilation: data/stages).
import type { ConditionSpec } from '../segments/condition-registry';
import { ConditionRegistry } from '../segments/condition-registry';
import { BUILTIN_CONDITION_SPECS } from '../segments/builtin-condition-specs';
import { childPath, type Issue } from '../segments/rule-types';
import { checkOptionalCount, requireValue, unknownKeys } from '../segments/value-checks';

/** `minCount` defaults to 1; `buyersOnly` (default true) counts only referred customers with a paid order. */
export type ReferralsCondition = { type: 'referrals'; minCount?: number; buyersOnly?: boolean };

export const referralsSpec: ConditionSpec = {
	type: 'referrals',
	// Referred customers are rows of crm_customers (referred_by), and "bought" is their cached order_count.
	reads: ['crm_customers'],
	validate(cond, path) {
		const issues: Issue[] = unknownKeys(cond, ['type', 'minCount', 'buyersOnly'], path);
		issues.push(...checkOptionalCount(cond.minCount, childPath(path, 'minCount')));
		if (cond.buyersOnly !== undefined) issues.push(...requireValue(typeof cond.buyersOnly === 'boolean', childPath(path, 'buyersOnly'), 'boolean'));
		return issues;
	},
};

/** What stage rules may use: every segment condition plus `referrals`. */
export const stageConditionSpecs = new ConditionRegistry<ConditionSpec>([...BUILTIN_CONDITION_SPECS, referralsSpec]);
