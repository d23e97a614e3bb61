// The condition catalogue for stage rules: every segment condition plus `referrals`, compiled by the one segment
// compiler (compileSegmentQuery with this registry), so nothing in data/segments changes.
import type { ConditionRegistry } from '../../domain/segments/condition-registry';
import { referralsSpec, type ReferralsCondition } from '../../domain/stages/referrals';
import { createSegmentConditionRegistry } from '../segments/builtin-condition-handlers';
import { correlate, type ConditionHandler } from '../segments/condition-handler';

/** Customers referred by the outer customer (who bought, unless `buyersOnly: false`), at least `minCount` of them. */
export const referralsHandler: ConditionHandler<ReferralsCondition> = {
	...referralsSpec,
	compile: (cond, ctx) => (qb) => {
		const referred = ctx.knex('crm_customers as r').whereNotNull('r.referred_by');
		// order_count is kept by the order hooks inside each order's transaction, so it is exact.
		if (cond.buyersOnly !== false) referred.where('r.order_count', '>', 0);
		const minCount = cond.minCount ?? 1;
		if (ctx.singleCustomer === undefined) {
			qb.whereIn('crm_customers.id', referred.groupBy('r.referred_by').select('r.referred_by').havingRaw('COUNT(*) >= ?', [minCount]));
		} else {
			qb.where(ctx.knex.raw('(?) >= ?', [correlate(referred, 'r.referred_by', ctx).count({ n: '*' }), minCount]));
		}
	},
};

export const stageConditions: ConditionRegistry<ConditionHandler> = createSegmentConditionRegistry().register(referralsHandler as ConditionHandler);
