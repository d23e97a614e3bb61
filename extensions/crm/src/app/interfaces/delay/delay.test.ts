import { describe, expect, it } from 'vitest';
import { describeDelay, joinDelay, MAX_DELAY_MINUTES, readPart, splitMinutes } from './delay';

describe('follow-up delay in days and hours', () => {
	it('splits stored minutes into days, hours and leftover minutes', () => {
		expect(splitMinutes(4320)).toEqual({ days: 3, hours: 0, minutes: 0 });
		expect(splitMinutes(1530)).toEqual({ days: 1, hours: 1, minutes: 30 });
		expect(splitMinutes('120')).toEqual({ days: 0, hours: 2, minutes: 0 });
		expect(splitMinutes(null)).toEqual({ days: 0, hours: 0, minutes: 0 });
		expect(splitMinutes(-5)).toEqual({ days: 0, hours: 0, minutes: 0 });
		expect(splitMinutes(Number.MAX_SAFE_INTEGER)).toEqual({ days: 365, hours: 0, minutes: 0 });
	});

	it('joins what was typed back into minutes, bounded', () => {
		expect(joinDelay({ days: 3, hours: 0, minutes: 0 })).toBe(4320);
		expect(joinDelay({ days: 0, hours: 5, minutes: 0 })).toBe(300);
		expect(joinDelay({ days: 1, hours: 1, minutes: 30 })).toBe(1530);
		expect(joinDelay({ days: 400, hours: 30, minutes: 99 })).toBe(MAX_DELAY_MINUTES);
		expect(joinDelay({ days: 0, hours: 30, minutes: 0 })).toBe(23 * 60);
		for (const minutes of [0, 59, 60, 1439, 1440, 4321, MAX_DELAY_MINUTES])
			expect(joinDelay(splitMinutes(minutes))).toBe(minutes);
	});

	it('reads typed parts as whole non-negative numbers', () => {
		expect(readPart('3', 365)).toBe(3);
		expect(readPart('', 365)).toBe(0);
		expect(readPart('2.7', 365)).toBe(2);
		expect(readPart('-1', 365)).toBe(0);
		expect(readPart('abc', 365)).toBe(0);
		expect(readPart(Infinity, 23)).toBe(0);
		expect(readPart(1e9, 23)).toBe(23);
	});

	it('says when the message goes, in Korean and English', () => {
		expect(describeDelay(splitMinutes(4320), 'ko-KR')).toBe('트리거 3일 후 발송');
		expect(describeDelay(splitMinutes(1530), 'ko-KR')).toBe('트리거 1일 1시간 30분 후 발송');
		expect(describeDelay(splitMinutes(0), 'ko-KR')).toBe('트리거 직후 발송');
		expect(describeDelay(splitMinutes(1500), 'en-US')).toBe('sent 1 day 1 hour after the trigger');
		expect(describeDelay(splitMinutes(0), 'en-US')).toBe('sent right after the trigger');
	});
});
