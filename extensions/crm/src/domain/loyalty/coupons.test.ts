import { describe, expect, it } from 'vitest';
import { COUPON_ALPHABET, couponCode, couponDiscount, couponState, normaliseCouponCode } from './coupons';
import { seededRandom as mulberry32 } from '../shared/seeded-random';

const randomBytes = (random: () => number, length = 12) =>
	Uint8Array.from({ length }, () => Math.floor(random() * 256));
const CODE_SHAPE = new RegExp(`^[${COUPON_ALPHABET}]{4}-[${COUPON_ALPHABET}]{4}-[${COUPON_ALPHABET}]{4}$`);

describe('COUPON_ALPHABET', () => {
	it('has 31 distinct symbols without 0, O, 1, I or L', () => {
		expect(new Set(COUPON_ALPHABET).size).toBe(COUPON_ALPHABET.length);
		expect(COUPON_ALPHABET).toHaveLength(31);
		for (const confusable of '0O1IL') expect(COUPON_ALPHABET).not.toContain(confusable);
		expect(COUPON_ALPHABET).toMatch(/^[2-9A-Z]+$/);
	});
});

describe('couponCode', () => {
	it('formats XXXX-XXXX-XXXX from the alphabet, deterministically from the bytes', () => {
		const bytes = randomBytes(mulberry32(1));
		expect(couponCode(bytes)).toMatch(CODE_SHAPE);
		expect(couponCode(bytes)).toBe(couponCode(Uint8Array.from(bytes)));
		expect(couponCode(new Uint8Array(12))).toBe('2222-2222-2222');
		expect(couponCode(new Uint8Array(12).fill(255))).toMatch(CODE_SHAPE);
	});

	it('uses every byte: changing any one changes the code', () => {
		const bytes = randomBytes(mulberry32(2), 16);
		const code = couponCode(bytes);
		for (let i = 0; i < bytes.length; i++) {
			const changed = Uint8Array.from(bytes);
			changed[i] ^= 1;
			expect(couponCode(changed), `byte ${i}`).not.toBe(code);
		}
	});

	it('rejects fewer than 12 bytes', () => {
		expect(() => couponCode(new Uint8Array(11))).toThrow(RangeError);
	});

	it('spreads symbols evenly (no modulo bias) and rarely repeats a code', () => {
		const random = mulberry32(3);
		const counts = new Map<string, number>();
		const codes = new Set<string>();
		const samples = 20_000;
		for (let i = 0; i < samples; i++) {
			const code = couponCode(randomBytes(random));
			codes.add(code);
			for (const symbol of code.replace(/-/g, '')) counts.set(symbol, (counts.get(symbol) ?? 0) + 1);
		}
		expect(codes.size).toBe(samples);
		const expected = (samples * 12) / 31;
		// byte % 31 would give the first 8 symbols 12.5% more; allow ±4% (about 6 standard deviations).
		for (const symbol of COUPON_ALPHABET)
			expect(Math.abs(counts.get(symbol)! - expected) / expected, symbol).toBeLessThan(0.04);
	});
});

describe('normaliseCouponCode', () => {
	it('uppercases, strips spaces and dashes and re-inserts the dashes', () => {
		expect(normaliseCouponCode('7kq2 mz9a-xh4d')).toBe('7KQ2-MZ9A-XH4D');
		expect(normaliseCouponCode(' 7KQ2MZ9AXH4D ')).toBe('7KQ2-MZ9A-XH4D');
		expect(normaliseCouponCode('7-K-Q-2-M-Z-9-A-X-H-4-D')).toBe('7KQ2-MZ9A-XH4D');
	});

	it('round-trips generated codes', () => {
		const random = mulberry32(4);
		for (let i = 0; i < 200; i++) {
			const code = couponCode(randomBytes(random));
			expect(normaliseCouponCode(code)).toBe(code);
			expect(normaliseCouponCode(code.toLowerCase().replace(/-/g, ' '))).toBe(code);
		}
	});

	it('rejects wrong lengths and symbols outside the alphabet', () => {
		for (const input of [
			'',
			'7KQ2-MZ9A-XH4',
			'7KQ2-MZ9A-XH4DD',
			'7KQ2-MZ9A-XH40',
			'OKQ2-MZ9A-XH4D',
			'1KQ2-MZ9A-XH4D',
			'LKQ2-MZ9A-XH4D',
			'ĪKQ2-MZ9A-XH4D',
			'7KQ2_MZ9A_XH4D',
		]) {
			expect(normaliseCouponCode(input), input).toBeNull();
		}
		expect(normaliseCouponCode(undefined as unknown as string)).toBeNull();
	});
});

describe('couponDiscount', () => {
	it('gives a fixed amount, never more than the order', () => {
		expect(couponDiscount({ kind: 'amount', amount: 5_000, percent: null }, 30_000)).toBe(5_000);
		expect(couponDiscount({ kind: 'amount', amount: 5_000, percent: null }, 3_000)).toBe(3_000);
		expect(couponDiscount({ kind: 'amount', amount: null, percent: 10 }, 3_000)).toBe(0);
		expect(couponDiscount({ kind: 'amount', amount: -100, percent: null }, 3_000)).toBe(0);
	});

	it('floors a percent discount to whole won and applies the maximum', () => {
		expect(couponDiscount({ kind: 'percent', amount: null, percent: 10 }, 33_333)).toBe(3_333);
		expect(couponDiscount({ kind: 'percent', amount: null, percent: 12.5 }, 9_999)).toBe(1_249);
		expect(couponDiscount({ kind: 'percent', amount: null, percent: 10, maxDiscount: 2_000 }, 33_333)).toBe(2_000);
		expect(couponDiscount({ kind: 'percent', amount: null, percent: 10, maxDiscount: null }, 33_333)).toBe(3_333);
		expect(couponDiscount({ kind: 'percent', amount: null, percent: 150 }, 20_000)).toBe(20_000);
		expect(couponDiscount({ kind: 'percent', amount: null, percent: -5 }, 20_000)).toBe(0);
		expect(couponDiscount({ kind: 'percent', amount: null, percent: null }, 20_000)).toBe(0);
	});

	it('values a free product at its amount when known, accepting the schema name free_product', () => {
		expect(couponDiscount({ kind: 'product', amount: 8_000, percent: null }, 50_000)).toBe(8_000);
		expect(couponDiscount({ kind: 'free_product', amount: 8_000, percent: null }, 5_000)).toBe(5_000);
		expect(couponDiscount({ kind: 'product', amount: null, percent: null }, 50_000)).toBe(0);
	});

	it('gives nothing on an empty or invalid order amount', () => {
		for (const total of [0, -10, Number.NaN])
			expect(couponDiscount({ kind: 'amount', amount: 1_000, percent: null }, total)).toBe(0);
	});

	it('stays within [0, order] and is a whole number for percent rewards, on random inputs', () => {
		const random = mulberry32(5);
		for (let i = 0; i < 1_000; i++) {
			const order = Math.floor(random() * 200_000);
			const percent = Math.floor(random() * 1_200) / 10;
			const maxDiscount = random() < 0.5 ? Math.floor(random() * 30_000) : null;
			const discount = couponDiscount({ kind: 'percent', amount: null, percent, maxDiscount }, order);
			expect(Number.isInteger(discount)).toBe(true);
			expect(discount).toBeGreaterThanOrEqual(0);
			expect(discount).toBeLessThanOrEqual(Math.min(order, maxDiscount ?? Infinity));
			expect(discount).toBeLessThanOrEqual((order * Math.min(percent, 100)) / 100 + 1e-9);
		}
	});
});

describe('couponState', () => {
	const now = new Date('2026-06-01T00:00:00Z');
	const later = new Date('2026-07-01T00:00:00Z');

	it('is valid while issued and before expiry, expired from the expiry instant on', () => {
		expect(couponState({ status: 'issued', expiresAt: later }, now)).toBe('valid');
		expect(couponState({ status: 'issued', expiresAt: null }, now)).toBe('valid');
		expect(couponState({ status: 'issued', expiresAt: now }, now)).toBe('expired');
		expect(couponState({ status: 'issued', expiresAt: new Date(now.getTime() + 1) }, now)).toBe('valid');
	});

	it('keeps used, voided and expired as stored, even past expiry', () => {
		expect(couponState({ status: 'used', expiresAt: new Date(0) }, now)).toBe('used');
		expect(couponState({ status: 'voided', expiresAt: later }, now)).toBe('voided');
		expect(couponState({ status: 'expired', expiresAt: later }, now)).toBe('expired');
	});

	it('treats an unknown status as voided, never as valid', () => {
		expect(couponState({ status: 'pending', expiresAt: later }, now)).toBe('voided');
		expect(couponState({ status: '', expiresAt: null }, now)).toBe('voided');
	});
});
