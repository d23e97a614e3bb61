// Coupon codes, their discount and their state. Pure: randomness is passed in (e.g. crypto.getRandomValues).
import { floorClean } from './numbers';

/** 2-9 and A-Z without 0/O, 1/I/L: nothing a customer can misread when typing a code off a receipt. 31 symbols. */
export const COUPON_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const COUPON_CODE_LENGTH = 12;
export const COUPON_RANDOM_BYTES = 12;

const GROUP = 4;

/**
 * A code like "7KQ2-MZ9A-XH4D" from ≥ 12 random bytes. 31 does not divide 256, so `byte % 31` per symbol would
 * favour 8 symbols by 12%. Instead all the bytes are read as one big integer (≥ 96 bits) and written in base 31:
 * 12 digits need 31^12 ≈ 2^59.5 values, so the modulo bias is below 2^-36 per code, which is negligible.
 */
export function couponCode(random: Uint8Array): string {
	if (random.length < COUPON_RANDOM_BYTES)
		throw new RangeError(`couponCode needs at least ${COUPON_RANDOM_BYTES} random bytes, got ${random.length}`);
	let value = 0n;
	for (const byte of random) value = (value << 8n) | BigInt(byte);
	const base = BigInt(COUPON_ALPHABET.length);
	let symbols = '';
	for (let i = 0; i < COUPON_CODE_LENGTH; i++) {
		symbols += COUPON_ALPHABET[Number(value % base)];
		value /= base;
	}
	return withDashes(symbols);
}

/** Canonical form of typed input ("7kq2 mz9a-xh4d" -> "7KQ2-MZ9A-XH4D"), or null when it cannot be a code. */
export function normaliseCouponCode(input: string): string | null {
	if (typeof input !== 'string') return null;
	const symbols = input.toUpperCase().replace(/[\s-]/g, '');
	if (symbols.length !== COUPON_CODE_LENGTH) return null;
	for (const symbol of symbols) if (!COUPON_ALPHABET.includes(symbol)) return null;
	return withDashes(symbols);
}

const withDashes = (symbols: string) => symbols.match(new RegExp(`.{1,${GROUP}}`, 'g'))!.join('-');

export interface CouponReward {
	/** 'free_product' is the schema's name for 'product'; both are accepted. */
	kind: 'amount' | 'percent' | 'product' | 'free_product';
	amount: number | null;
	percent: number | null;
	maxDiscount?: number | null;
}

/**
 * The discount on an order of `orderAmount`: never negative, never more than the order. Percent discounts are
 * floored to whole won and capped by maxDiscount. A product reward is worth `amount` (the caller puts the free
 * item's price there) or nothing when it is unknown.
 */
export function couponDiscount(reward: CouponReward, orderAmount: number): number {
	if (!Number.isFinite(orderAmount) || orderAmount <= 0) return 0;
	let discount = 0;
	if (reward.kind === 'percent') {
		const percent = Math.min(100, Math.max(0, finite(reward.percent)));
		discount = floorClean((orderAmount * percent) / 100);
		if (reward.maxDiscount !== null && reward.maxDiscount !== undefined && Number.isFinite(reward.maxDiscount)) {
			discount = Math.min(discount, Math.max(0, reward.maxDiscount));
		}
	} else {
		discount = Math.max(0, finite(reward.amount));
	}
	return Math.min(discount, orderAmount);
}

const finite = (value: number | null | undefined) =>
	value !== null && value !== undefined && Number.isFinite(value) ? value : 0;

export type CouponState = 'valid' | 'used' | 'voided' | 'expired';

/**
 * used / voided / expired statuses win as stored; an issued coupon is expired from its expiresAt on (inclusive),
 * so the nightly job only makes the stored status catch up. An unknown status is treated as voided: a coupon the
 * code does not understand must not be redeemable.
 */
export function couponState(coupon: { status: string; expiresAt: Date | null }, now: Date): CouponState {
	if (coupon.status === 'used' || coupon.status === 'voided' || coupon.status === 'expired') return coupon.status;
	if (coupon.status !== 'issued') return 'voided';
	return coupon.expiresAt !== null && now.getTime() >= coupon.expiresAt.getTime() ? 'expired' : 'valid';
}
