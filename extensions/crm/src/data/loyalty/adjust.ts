// A manual adjustment by staff: a required reason, keyed by the request so a double click adjusts once.
import type { Knex } from 'knex';
import { LoyaltyError } from './errors';
import { expiryFor } from '../../domain/loyalty';
import { lockCustomer, postMovement } from './ledger';
import type { LoyaltySettings } from './settings';
import { reviewTier } from './tier-review';

export interface AdjustRequest {
	customer: number;
	points: number;
	reason: string;
	requestKey: string;
	staff: string | null;
	now: Date;
}

export async function adjustPoints(knex: Knex, request: AdjustRequest, settings: LoyaltySettings) {
	if (!request.reason.trim()) throw new LoyaltyError('REASON_REQUIRED', 400, 'A reason is required for a manual adjustment.', 'reason');
	return knex.transaction(async (trx) => {
		const { balance, row } = await lockCustomer(trx, request.customer);
		const posted = await postMovement(trx, balance, {
			customer: request.customer, kind: 'adjust', points: request.points, sourceKey: `adjust:${request.requestKey}`, occurredAt: request.now,
			expiresAt: request.points > 0 ? expiryFor(request.now, settings.expiryDays) : null,
			reason: request.reason.trim(), staff: request.staff, shortfall: settings.allowNegative ? 'negative' : 'reject',
		});
		await reviewTier(trx, { id: request.customer, tier: row.tier, tier_review_at: row.tier_review_at }, settings, request.now);
		return { id: posted.id, points: posted.points, balance: posted.balance, replayed: posted.duplicate };
	});
}
