import { describe, expect, it } from 'vitest';
import { inactivity, inactivityThresholdDays, medianGapDays } from './inactivity';

const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000);

describe('inactivity relative to the customer rhythm', () => {
	it('takes the median gap between purchases', () => {
		expect(medianGapDays([day(0)])).toBeNull();
		expect(medianGapDays([day(20), day(0), day(10)])).toBe(10);
		expect(medianGapDays([day(0), day(10), day(40), day(50)])).toBe(10);
		expect(medianGapDays([day(0), day(10), day(40)])).toBe(20);
	});

	it('is k × the median gap, never below the floor', () => {
		expect(inactivityThresholdDays([day(0), day(30), day(60)], 2, 30)).toBe(60);
		expect(inactivityThresholdDays([day(0), day(5), day(10)], 2, 30)).toBe(30);
		expect(inactivityThresholdDays([day(0)], 2, 45)).toBe(45);
		expect(inactivityThresholdDays([day(0), day(7)], 3, 0)).toBe(21);
	});

	it('says whether the customer is lapsing now, counted from the last purchase', () => {
		const orders = [day(0), day(30), day(60)];
		expect(inactivity(orders, day(119), 2, 30)).toMatchObject({ inactive: false, thresholdDays: 60 });
		expect(inactivity(orders, day(120), 2, 30)).toMatchObject({
			inactive: true,
			daysSinceLast: 60,
			lastOrderAt: day(60),
		});
		expect(inactivity([], day(120), 2, 30)).toMatchObject({ inactive: false, lastOrderAt: null });
	});
});
