// Applies the tier decision for one customer (upgrade now, downgrade only at review + grace) and records the change.
import type { Knex } from 'knex';
import { decideTier, type Tier } from '../../domain/loyalty';
import { parseTimestamp } from '../../domain/customer-stats/order-stats';
import { toDbTimestamp } from '../timestamps';
import { allTiers, earnedSince } from './rules-repo';
import type { LoyaltySettings } from './settings';

const DAY_MS = 86_400_000;

export interface TierChange {
	customer: number;
	from: string | null;
	to: string | null;
	change: 'upgrade' | 'downgrade';
}

/** Call with the customer's row lock held (or inside a job that owns the customer). */
export async function reviewTier(
	trx: Knex,
	customer: { id: number; tier: unknown; tier_review_at: unknown },
	settings: LoyaltySettings,
	now: Date,
	knownTiers?: Tier[],
): Promise<TierChange | null> {
	const tiers = knownTiers ?? (await allTiers(trx));
	if (!tiers.length) return null;
	const current = tiers.find((tier) => String(tier.id) === String(customer.tier)) ?? null;
	const earned = await earnedSince(trx, customer.id, new Date(now.getTime() - settings.tierWindowDays * DAY_MS));
	const decision = decideTier({
		tiers,
		currentCode: current?.code ?? null,
		reviewAt: parseTimestamp(customer.tier_review_at),
		earnedInWindow: earned,
		now,
		reviewPeriodDays: settings.tierReviewDays,
		graceDays: settings.tierGraceDays,
	});
	const next = tiers.find((tier) => tier.code === decision.code) ?? null;
	const reviewAt = decision.reviewAt ? toDbTimestamp(trx, decision.reviewAt) : null;
	const storedReview = parseTimestamp(customer.tier_review_at)?.getTime() ?? null;
	if (
		String(next?.id ?? null) === String(current?.id ?? null) &&
		(decision.reviewAt?.getTime() ?? null) === storedReview
	)
		return null;
	await trx('crm_customers')
		.where('id', customer.id)
		.update({ tier: next?.id ?? null, tier_review_at: reviewAt });
	if (decision.change === 'none') return null;
	await trx('crm_history').insert({
		customer: customer.id,
		kind: 'tier',
		from_value: current?.code ?? null,
		to_value: next?.code ?? null,
		reason:
			decision.change === 'upgrade'
				? `upgrade: ${earned} points earned in ${settings.tierWindowDays} days`
				: `review: ${earned} points earned in ${settings.tierWindowDays} days`,
		changed_at: toDbTimestamp(trx, now),
	});
	return { customer: customer.id, from: current?.code ?? null, to: next?.code ?? null, change: decision.change };
}
