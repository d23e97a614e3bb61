// What the loyalty card shows for one customer: a handful of indexed queries.
import type { Knex } from 'knex';
import { progressToNext } from '../../domain/loyalty';
import { parseTimestamp } from '../../domain/customer-stats/order-stats';
import { toDbTimestamp } from '../timestamps';
import { LoyaltyError } from './errors';
import { allTiers, earnedSince } from './rules-repo';
import type { LoyaltySettings } from './settings';

const DAY_MS = 86_400_000;
const iso = (value: unknown) => parseTimestamp(value)?.toISOString() ?? null;

export async function loyaltyCard(knex: Knex, customerId: number, settings: LoyaltySettings, now: Date) {
	const customer = await knex('crm_customers')
		.first('id', 'full_name', 'points_balance', 'points_earned', 'tier', 'tier_review_at')
		.where('id', customerId);
	if (!customer) throw new LoyaltyError('UNKNOWN_CUSTOMER', 404, `Customer ${customerId} not found.`, 'customer');
	const tiers = await allTiers(knex);
	const tier = tiers.find((candidate) => String(candidate.id) === String(customer.tier)) ?? null;
	const earnedInWindow = await earnedSince(
		knex,
		customerId,
		new Date(now.getTime() - settings.tierWindowDays * DAY_MS),
	);
	const progress = progressToNext(tiers, tier, earnedInWindow);
	const expiring = await knex('crm_points_ledger')
		.select('id', 'lot_remaining', 'expires_at')
		.where('customer', customerId)
		.where('lot_remaining', '>', 0)
		.whereNotNull('expires_at')
		// Lots already past their date are not "expiring soon": the nightly run removes them (they are not listed).
		.where('expires_at', '>=', toDbTimestamp(knex, now))
		.where('expires_at', '<', toDbTimestamp(knex, new Date(now.getTime() + settings.noticeDays * DAY_MS)))
		.orderBy('expires_at')
		.limit(10);
	const movements = await knex('crm_points_ledger')
		.select('id', 'kind', 'points', 'occurred_at', 'reason', 'order', 'coupon')
		.where('customer', customerId)
		.orderBy([
			{ column: 'occurred_at', order: 'desc' },
			{ column: 'id', order: 'desc' },
		])
		.limit(10);
	const balance = Number(customer.points_balance ?? 0);
	const rewards = await knex('crm_rewards')
		.select('id', 'name', 'points_cost', 'kind', 'amount', 'percent')
		.where('status', 'active')
		.orderBy('points_cost');
	const shapeTier = (t: (typeof tiers)[number] | null) =>
		t ? { id: t.id, code: t.code, name: t.name, color: t.color, multiplier: t.multiplier } : null;
	return {
		customer: customer.id,
		balance,
		earned_lifetime: Number(customer.points_earned ?? 0),
		earned_in_window: earnedInWindow,
		window_days: settings.tierWindowDays,
		notice_days: settings.noticeDays,
		tier: shapeTier(tier),
		tier_review_at: iso(customer.tier_review_at),
		next_tier: shapeTier(progress.next as (typeof tiers)[number] | null),
		points_to_next_tier: progress.needed,
		progress: progress.ratio,
		expiring: expiring.map((lot) => ({
			lot: lot.id,
			points: Number(lot.lot_remaining),
			expires_at: iso(lot.expires_at),
		})),
		movements: movements.map((row) => ({
			id: row.id,
			kind: row.kind,
			points: Number(row.points),
			occurred_at: iso(row.occurred_at),
			reason: row.reason,
			order: row.order,
			coupon: row.coupon,
		})),
		rewards: rewards.map((reward) => ({
			id: reward.id,
			name: reward.name,
			points_cost: Number(reward.points_cost),
			kind: reward.kind,
			affordable: balance >= Number(reward.points_cost),
		})),
	};
}
