// Rewards and coupons: redeeming points issues a single-use coupon; shops validate and consume it atomically; voiding
// it (or cancelling the order it paid for) gives the points back to the lots they came from.
import type { Knex } from 'knex';
import { couponCode, couponDiscount, couponState, normaliseCouponCode } from '../../domain/loyalty';
import { parseTimestamp } from '../../domain/customer-stats/order-stats';
import { toDbTimestamp } from '../timestamps';
import { LoyaltyError } from './errors';
import { lockCustomer, postMovement } from './ledger';

const DAY_MS = 86_400_000;

export interface RedeemRequest {
	customer: number;
	reward: number;
	requestKey: string;
	now: Date;
	staff: string | null;
	randomBytes: () => Uint8Array;
}

export async function redeemReward(knex: Knex, request: RedeemRequest) {
	return knex.transaction(async (trx) => {
		const { balance } = await lockCustomer(trx, request.customer);
		const replay = await trx('crm_coupons').first('*').where('source_key', request.requestKey);
		if (replay) {
			if (Number(replay.customer) !== request.customer || Number(replay.reward) !== request.reward)
				throw new LoyaltyError(
					'IDEMPOTENCY_KEY_REUSED',
					409,
					'This idempotency key was already used for another redemption.',
					'idempotency_key',
				);
			return { coupon: shapeCoupon(replay), replayed: true };
		}
		const reward = await trx('crm_rewards').first('*').where('id', request.reward);
		if (!reward || reward.status !== 'active')
			throw new LoyaltyError(
				'UNKNOWN_REWARD',
				404,
				`Reward ${request.reward} does not exist or is not active.`,
				'reward',
			);
		const cost = Number(reward.points_cost);
		if (balance < cost)
			throw new LoyaltyError(
				'INSUFFICIENT_POINTS',
				409,
				`Not enough points: ${balance} available, ${cost} needed.`,
				'reward',
			);
		const [inserted] = await trx('crm_coupons')
			.insert({
				code: couponCode(request.randomBytes()),
				customer: request.customer,
				reward: request.reward,
				status: 'issued',
				points_cost: cost,
				issued_at: toDbTimestamp(trx, request.now),
				expires_at: toDbTimestamp(trx, new Date(request.now.getTime() + Number(reward.valid_days ?? 30) * DAY_MS)),
				source_key: request.requestKey,
			})
			.returning('id');
		const couponId = typeof inserted === 'object' ? inserted.id : inserted;
		if (cost > 0) {
			await postMovement(trx, balance, {
				customer: request.customer,
				kind: 'redeem',
				points: -cost,
				sourceKey: `redeem:coupon:${couponId}`,
				occurredAt: request.now,
				coupon: couponId,
				reason: reward.name,
				staff: request.staff,
				shortfall: 'reject',
			});
		}
		return { coupon: shapeCoupon(await trx('crm_coupons').first('*').where('id', couponId)), replayed: false };
	});
}

/** Read-only check for a checkout: is the code usable now, and what is it worth on this amount? */
export async function validateCoupon(knex: Knex, rawCode: string, amount: number | null, now: Date) {
	const coupon = await findCoupon(knex, rawCode);
	const reward = await knex('crm_rewards').first('*').where('id', coupon.reward);
	const state = couponState({ status: coupon.status, expiresAt: parseTimestamp(coupon.expires_at) }, now);
	const discount = amount === null ? null : couponDiscount(rewardTerms(reward), amount);
	return {
		coupon: shapeCoupon(coupon),
		state,
		discount,
		reward: reward ? { id: reward.id, name: reward.name, kind: reward.kind } : null,
	};
}

/** Marks the coupon used exactly once (compare-and-set), whoever else tries at the same moment. */
export async function consumeCoupon(knex: Knex, rawCode: string, order: number | null, now: Date) {
	return knex.transaction(async (trx) => {
		const coupon = await findCoupon(trx, rawCode);
		if (order !== null && !(await trx('crm_orders').first('id').where('id', order)))
			throw new LoyaltyError('UNKNOWN_ORDER', 404, `Order ${order} not found.`, 'order');
		const changed = await trx('crm_coupons')
			.where({ id: coupon.id, status: 'issued' })
			.where((where) => where.whereNull('expires_at').orWhere('expires_at', '>', toDbTimestamp(trx, now)))
			.update({ status: 'used', used_at: toDbTimestamp(trx, now), order });
		if (changed !== 1) {
			const state = couponState({ status: coupon.status, expiresAt: parseTimestamp(coupon.expires_at) }, now);
			throw new LoyaltyError(`COUPON_${state.toUpperCase()}`, 409, `Coupon ${coupon.code} is ${state}.`, 'code');
		}
		return shapeCoupon(await trx('crm_coupons').first('*').where('id', coupon.id));
	});
}

/** Voids an issued or used coupon and gives its points back. */
export async function voidCoupon(knex: Knex, rawCode: string, reason: string, now: Date) {
	return knex.transaction(async (trx) => {
		const coupon = await findCoupon(trx, rawCode);
		const { balance } = await lockCustomer(trx, Number(coupon.customer));
		const changed = await trx('crm_coupons')
			.where('id', coupon.id)
			.whereIn('status', ['issued', 'used'])
			.update({ status: 'voided' });
		if (changed !== 1)
			throw new LoyaltyError(
				`COUPON_${String(coupon.status).toUpperCase()}`,
				409,
				`Coupon ${coupon.code} is ${coupon.status} and cannot be voided.`,
				'code',
			);
		await restorePoints(trx, coupon.id, balance, reason, now);
		return shapeCoupon(await trx('crm_coupons').first('*').where('id', coupon.id));
	});
}

/** Within a settle transaction (customer lock held): void coupons used on a cancelled or refunded order. */
export async function voidCouponsOfOrder(trx: Knex, order: number, balance: number, now: Date): Promise<number> {
	const used = await trx('crm_coupons').select('id').where({ order, status: 'used' });
	for (const { id } of used) {
		await trx('crm_coupons').where({ id, status: 'used' }).update({ status: 'voided' });
		balance = await restorePoints(trx, id, balance, `order ${order} cancelled or refunded`, now);
	}
	return balance;
}

/** Nightly: issued coupons past their date become expired (their points are not given back). */
export async function expireCoupons(knex: Knex, now: Date): Promise<number> {
	return knex('crm_coupons')
		.where('status', 'issued')
		.whereNotNull('expires_at')
		.where('expires_at', '<=', toDbTimestamp(knex, now))
		.update({ status: 'expired' });
}

async function restorePoints(trx: Knex, couponId: number, balance: number, reason: string, now: Date): Promise<number> {
	const redemption = await trx('crm_points_ledger')
		.first('customer', 'points', 'allocations')
		.where('source_key', `redeem:coupon:${couponId}`);
	if (!redemption) return balance;
	const allocations =
		typeof redemption.allocations === 'string' ? JSON.parse(redemption.allocations) : (redemption.allocations ?? []);
	const posted = await postMovement(trx, balance, {
		customer: Number(redemption.customer),
		kind: 'reverse',
		points: -Number(redemption.points),
		sourceKey: `restore:coupon:${couponId}`,
		occurredAt: now,
		coupon: couponId,
		reason,
		restoreAllocations: allocations,
	});
	return posted.balance;
}

async function findCoupon(knex: Knex, rawCode: string) {
	const code = typeof rawCode === 'string' ? normaliseCouponCode(rawCode) : null;
	if (!code) throw new LoyaltyError('INVALID_COUPON_CODE', 400, 'The coupon code is malformed.', 'code');
	const coupon = await knex('crm_coupons').first('*').where('code', code);
	if (!coupon) throw new LoyaltyError('UNKNOWN_COUPON', 404, `Coupon ${code} does not exist.`, 'code');
	return coupon;
}

function rewardTerms(reward: Record<string, unknown> | undefined) {
	const num = (value: unknown) => (value === null || value === undefined ? null : Number(value));
	const kind = reward?.kind === 'percent' ? 'percent' : reward?.kind === 'free_product' ? 'product' : 'amount';
	return {
		kind,
		amount: num(reward?.amount),
		percent: num(reward?.percent),
		maxDiscount: num(reward?.max_discount),
	} as const;
}

function shapeCoupon(row: Record<string, unknown>) {
	const iso = (value: unknown) => parseTimestamp(value)?.toISOString() ?? null;
	return {
		id: row.id,
		code: row.code,
		customer: row.customer,
		reward: row.reward,
		status: row.status,
		points_cost: row.points_cost,
		issued_at: iso(row.issued_at),
		expires_at: iso(row.expires_at),
		used_at: iso(row.used_at),
		order: row.order ?? null,
	};
}
