// Compiles the segment `referrals` condition: customers referred by the outer customer (crm_customers.referred_by),
// only those with a purchase unless `buyersOnly: false`, only those created in the window if one is given.
import { segmentReferralsSpec, type SegmentReferralsCondition } from '../../domain/segments/referrals';
import { applyWindow, correlate, type ConditionHandler } from './condition-handler';

export const segmentReferralsHandler: ConditionHandler<SegmentReferralsCondition> = {
	...segmentReferralsSpec,
	compile: (cond, ctx) => (qb) => {
		const referred = ctx.knex('crm_customers as r').whereNotNull('r.referred_by');
		// order_count is kept by the order hooks inside each order's transaction, so it is exact.
		if (cond.buyersOnly !== false) referred.where('r.order_count', '>', 0);
		// The referred customer's creation is when the referral happened.
		applyWindow(referred, 'r.date_created', cond.window, ctx);
		const minCount = cond.minCount ?? 1;
		if (ctx.singleCustomer === undefined) {
			// Set form: one grouped pass, a hashed semi-join (as the other aggregate conditions).
			qb.whereIn(
				'crm_customers.id',
				referred.groupBy('r.referred_by').select('r.referred_by').havingRaw('COUNT(*) >= ?', [minCount]),
			);
		} else {
			qb.where(ctx.knex.raw('(?) >= ?', [correlate(referred, 'r.referred_by', ctx).count({ n: '*' }), minCount]));
		}
	},
};
