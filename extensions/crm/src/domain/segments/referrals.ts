// The `referrals` condition: "referred at least N customers (who bought) [who joined in a window]". Segments and
// stage rules share it (domain/stages/conditions.ts), so a rule means the same in both.
import type { ConditionSpec } from './condition-registry';
import { childPath, type Issue, type TimeWindow } from './rule-types';
import { checkOptionalCount, checkWindow, requireValue, unknownKeys } from './value-checks';

/**
 * `minCount` defaults to 1; `buyersOnly` (default true) counts only referred customers with a purchase; `window`
 * narrows to customers referred (created) in that window.
 */
export type SegmentReferralsCondition = {
	type: 'referrals';
	minCount?: number;
	buyersOnly?: boolean;
	window?: TimeWindow;
};

export const segmentReferralsSpec: ConditionSpec = {
	type: 'referrals',
	// Referred customers are crm_customers rows (referred_by); "bought" is their cached order_count, a customers column.
	reads: ['crm_customers'],
	validate(cond, path) {
		const issues: Issue[] = unknownKeys(cond, ['type', 'minCount', 'buyersOnly', 'window'], path);
		issues.push(...checkOptionalCount(cond.minCount, childPath(path, 'minCount')));
		if (cond.buyersOnly !== undefined)
			issues.push(...requireValue(typeof cond.buyersOnly === 'boolean', childPath(path, 'buyersOnly'), 'boolean'));
		return [...issues, ...checkWindow(cond.window, childPath(path, 'window'))];
	},
};
