// Applies the tier decision for one customer (upgrade now, downgrade only at review + grace) and records the change.
import type { Knex } from 'knex';
import { decideTier, qualifyingTier, type Tier } from '../../domain/loyalty';
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

/**
 * Every customer starts in the base tier (the tier 0 points qualify for, threshold 0) from creation, not from their
 * first earning: a `tier = basic` segment or the card then covers customers who never bought. The fields a new
 * customer's payload gets (a filter inside the create's own transaction); null when no tier has threshold 0.
 */
export function baseTierFields(
	tiers: Tier[],
	settings: LoyaltySettings,
	now: Date,
): { tier: Tier['id']; tier_review_at: string } | null {
	const base = qualifyingTier(tiers, 0);
	if (!base) return null;
	// An ISO string: the payload goes on through Directus's ItemsService, which stores it per dialect.
	return { tier: base.id, tier_review_at: new Date(now.getTime() + settings.tierReviewDays * DAY_MS).toISOString() };
}

/**
 * The same for every customer still without a tier (created before this rule, or while the hooks were off): their
 * tier history and the tier, 1,000 customers per statement. Returns how many were placed.
 */
export async function backfillBaseTier(knex: Knex, settings: LoyaltySettings, now: Date): Promise<number> {
	const base = qualifyingTier(await allTiers(knex), 0);
	if (!base) return 0;
	let placed = 0;
	for (;;) {
		const ids = (await knex('crm_customers').whereNull('tier').orderBy('id').limit(1000).pluck('id')) as number[];
		if (!ids.length) return placed;
		await knex.transaction(async (trx) => {
			const at = toDbTimestamp(trx, now);
			const review = toDbTimestamp(trx, new Date(now.getTime() + settings.tierReviewDays * DAY_MS));
			// Only those still without one once the rows are ours (an order may have placed some meanwhile).
			const still = (await trx('crm_customers').whereIn('id', ids).whereNull('tier').pluck('id')) as number[];
			if (!still.length) return;
			await trx('crm_history').insert(
				still.map((customer) => ({
					customer,
					kind: 'tier',
					from_value: null,
					to_value: base.code,
					reason: 'base tier',
					changed_at: at,
				})),
			);
			placed += await trx('crm_customers')
				.whereIn('id', still)
				.whereNull('tier')
				.update({ tier: base.id, tier_review_at: review });
		});
	}
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
