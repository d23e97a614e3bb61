// A manual adjustment by staff: a required reason, keyed by the request so a double click adjusts once.
import type { Knex } from 'knex';
import { LoyaltyError } from './errors';
import { awardCapIssue, DEFAULT_AWARD_CAPS, expiryFor, type AwardCaps } from '../../domain/loyalty';
import { automaticPointsToday } from './award-usage';
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
	/** Caps: `adjust` bounds every adjustment; with `automatic`, the per-award and per-day caps apply too (Flows). */
	caps?: AwardCaps;
	automatic?: boolean;
}

export const MAX_REASON_LENGTH = 500;

export async function adjustPoints(knex: Knex, request: AdjustRequest, settings: LoyaltySettings) {
	if (!request.reason.trim())
		throw new LoyaltyError('REASON_REQUIRED', 400, 'A reason is required for a manual adjustment.', 'reason');
	if (request.reason.length > MAX_REASON_LENGTH)
		throw new LoyaltyError(
			'INVALID_PAYLOAD',
			400,
			`reason: at most ${MAX_REASON_LENGTH} characters / 사유는 ${MAX_REASON_LENGTH}자 이하`,
			'reason',
		);
	const caps = request.caps ?? DEFAULT_AWARD_CAPS;
	if (!Number.isSafeInteger(request.points) || request.points === 0 || Math.abs(request.points) > caps.adjust)
		throw new LoyaltyError(
			'INVALID_POINTS',
			400,
			`points: a non-zero whole number from -${caps.adjust} to ${caps.adjust} / 포인트는 -${caps.adjust}~${caps.adjust} 사이의 0이 아닌 정수`,
			'points',
		);
	return knex.transaction(async (trx) => {
		const { balance, row } = await lockCustomer(trx, request.customer);
		// The same request key for another customer or amount is a different request, not a replay.
		const earlier = await trx('crm_points_ledger')
			.first('customer', 'points')
			.where('source_key', `adjust:${request.requestKey}`);
		if (earlier && (Number(earlier.customer) !== request.customer || Number(earlier.points) !== request.points))
			throw new LoyaltyError(
				'IDEMPOTENCY_CONFLICT',
				409,
				'idempotency_key: already used for another customer or amount / 다른 고객 또는 포인트에 이미 쓰인 멱등 키입니다',
				'idempotency_key',
			);
		if (request.automatic && !earlier && request.points > 0) {
			const issue = awardCapIssue(request.points, await automaticPointsToday(trx, request.customer, request.now), caps);
			if (issue) throw new LoyaltyError('POINTS_CAP', 409, `points: ${issue}`, 'points');
		}
		const posted = await postMovement(trx, balance, {
			customer: request.customer,
			kind: 'adjust',
			points: request.points,
			sourceKey: `adjust:${request.requestKey}`,
			occurredAt: request.now,
			expiresAt: request.points > 0 ? expiryFor(request.now, settings.expiryDays) : null,
			reason: request.reason.trim(),
			staff: request.staff,
			shortfall: settings.allowNegative ? 'negative' : 'reject',
		});
		await reviewTier(
			trx,
			{ id: request.customer, tier: row.tier, tier_review_at: row.tier_review_at },
			settings,
			request.now,
		);
		return { id: posted.id, points: posted.points, balance: posted.balance, replayed: posted.duplicate };
	});
}
