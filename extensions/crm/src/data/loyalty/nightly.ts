// The nightly loyalty job (also runnable on demand by a CRM Manager): expire lots and coupons, announce points about
// to expire, review tiers whose review date (plus grace) has passed, issue tier birthday coupons, and check balances
// against the ledger.
import type { Knex } from 'knex';
import { toDbTimestamp } from '../timestamps';
import { expireCoupons } from './coupons';
import { expireLots, expiringNotices, type ExpiringNotice } from './expiry';
import { lockCustomer } from './ledger';
import { balanceDrift, type Drift } from './reconcile';
import { loyaltySettings } from './settings';
import { backfillBaseTier, reviewTier } from './tier-review';
import { issueBirthdayCoupons } from './birthday-coupons';

export interface NightlyResult {
	expiredLots: number;
	expiredPoints: number;
	expiredCoupons: number;
	notices: ExpiringNotice[];
	tiersReviewed: number;
	tierChanges: number;
	birthdayCoupons: number;
	drift: Drift[];
}

export async function runLoyaltyNightly(knex: Knex, now: Date, randomBytes: () => Uint8Array): Promise<NightlyResult> {
	const settings = await loyaltySettings(knex);
	const expired = await expireLots(knex, now);
	const expiredCoupons = await expireCoupons(knex, now);
	const notices = await expiringNotices(knex, now, settings.noticeDays);
	const due = await knex('crm_customers')
		.select('id')
		.whereNotNull('tier_review_at')
		.where('tier_review_at', '<=', toDbTimestamp(knex, new Date(now.getTime() - settings.tierGraceDays * 86_400_000)));
	// Customers without a tier get the base one (created while the hooks were down, or before every customer had one).
	let tierChanges = await backfillBaseTier(knex, settings, now);
	for (const { id } of due) {
		const change = await knex.transaction(async (trx) => {
			const { row } = await lockCustomer(trx, id);
			return reviewTier(trx, { id, tier: row.tier, tier_review_at: row.tier_review_at }, settings, now);
		});
		if (change) tierChanges += 1;
	}
	const birthdayCoupons = await issueBirthdayCoupons(knex, now, settings.timeZone, randomBytes);
	return {
		expiredLots: expired.lots,
		expiredPoints: expired.points,
		expiredCoupons,
		notices,
		tiersReviewed: due.length,
		tierChanges,
		birthdayCoupons,
		drift: await balanceDrift(knex),
	};
}
