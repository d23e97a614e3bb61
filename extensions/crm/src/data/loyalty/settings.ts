import type { Knex } from 'knex';

export interface LoyaltySettings {
	timeZone: string;
	expiryDays: number | null;
	noticeDays: number;
	allowNegative: boolean;
	tierWindowDays: number;
	tierReviewDays: number;
	tierGraceDays: number;
}

const numberOr = (value: unknown, fallback: number) =>
	value === null || value === undefined || value === '' ? fallback : Number(value);

/** The loyalty part of crm_settings, with the documented defaults when the singleton is still empty. */
export async function loyaltySettings(knex: Knex): Promise<LoyaltySettings> {
	const row = (await knex('crm_settings').first()) ?? {};
	const expiry = numberOr(row.points_expiry_days, 365);
	return {
		timeZone: row.timezone ?? 'Asia/Seoul',
		expiryDays: expiry > 0 ? expiry : null,
		noticeDays: numberOr(row.points_expiring_notice_days, 30),
		allowNegative: row.allow_negative_points === true || row.allow_negative_points === 1,
		tierWindowDays: numberOr(row.tier_window_days, 365),
		tierReviewDays: numberOr(row.tier_review_days, 365),
		tierGraceDays: numberOr(row.tier_grace_days, 30),
	};
}
