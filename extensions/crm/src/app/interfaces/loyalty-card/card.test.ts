import { describe, expect, it } from 'vitest';
import { adjustmentPayload, formatPoints, kindLabel, progressPercent, signedPoints } from './card';
import { translator } from './i18n';

describe('loyalty card helpers', () => {
	it('formats points with the locale separators and a sign for movements', () => {
		expect(formatPoints(12345, 'ko-KR')).toBe('12,345');
		expect(signedPoints(500, 'en-US')).toBe('+500');
		expect(signedPoints(-1200, 'en-US')).toBe('-1,200');
	});

	it('clamps the tier progress to 0-100 %', () => {
		expect(progressPercent(0.456)).toBe(46);
		expect(progressPercent(3)).toBe(100);
		expect(progressPercent(-1)).toBe(0);
		expect(progressPercent(Number.NaN)).toBe(0);
	});

	it('labels every ledger kind in both languages', () => {
		for (const kind of ['earn', 'redeem', 'expire', 'adjust', 'reverse']) {
			expect(translator('ko-KR').t(kindLabel(kind))).not.toBe(translator('en-US').t(kindLabel(kind)));
		}
		expect(translator('ko-KR').t('to_next', { n: 300, tier: '골드' })).toBe('300P 더 적립하면 골드');
	});

	it('builds the adjustment payload or names the wrong field', () => {
		expect(adjustmentPayload(7, ' -300 ', ' 고객 불만 보상 ')).toEqual({
			ok: true,
			body: { customer: 7, points: -300, reason: '고객 불만 보상' },
		});
		expect(adjustmentPayload(7, '1.5', 'x')).toEqual({ ok: false, field: 'points' });
		expect(adjustmentPayload(7, '0', 'x')).toEqual({ ok: false, field: 'points' });
		expect(adjustmentPayload(7, '100', '  ')).toEqual({ ok: false, field: 'reason' });
	});
});
