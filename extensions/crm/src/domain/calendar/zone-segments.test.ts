import { describe, expect, it } from 'vitest';
import { zoneOffsetMs } from './local-day';
import { isKnownTimeZone, localDayNumber, localDayStart, offsetSegments } from './zone-segments';

const HOUR = 3_600_000;

describe('offsetSegments', () => {
	it('is one piece for a zone without daylight saving', () => {
		expect(offsetSegments('Asia/Seoul', Date.UTC(1997, 0, 1), Date.UTC(2026, 0, 1))).toEqual([
			{ until: null, offset: 9 * HOUR },
		]);
	});

	it('finds New York’s changes to the minute, two a year', () => {
		const segments = offsetSegments('America/New_York', Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1));
		expect(segments).toEqual([
			{ until: Date.UTC(2026, 2, 8, 7), offset: -5 * HOUR },
			{ until: Date.UTC(2026, 10, 1, 6), offset: -4 * HOUR },
			{ until: null, offset: -5 * HOUR },
		]);
		// Every instant's offset is its piece's.
		for (let at = Date.UTC(2026, 0, 1); at < Date.UTC(2027, 0, 1); at += 5 * HOUR + 17 * 60_000) {
			const piece = segments.find((s) => s.until === null || at < s.until)!;
			expect(piece.offset).toBe(zoneOffsetMs(new Date(at), 'America/New_York'));
		}
	});

	it('refuses a bad span', () => {
		expect(() => offsetSegments('UTC', 2, 1)).toThrow(RangeError);
	});
});

describe('local days', () => {
	it('numbers local days and finds where they start', () => {
		// 23:30 UTC on 2026-03-10 is already 2026-03-11 in Seoul.
		const at = new Date('2026-03-10T23:30:00Z');
		expect(localDayNumber(at, 'Asia/Seoul')).toBe(Date.UTC(2026, 2, 11) / 86_400_000);
		expect(localDayNumber(at, 'UTC')).toBe(Date.UTC(2026, 2, 10) / 86_400_000);
		expect(localDayStart(Date.UTC(2026, 2, 11) / 86_400_000, 'Asia/Seoul').toISOString()).toBe(
			'2026-03-10T15:00:00.000Z',
		);
		// The day New York springs forward starts at midnight EST.
		expect(localDayStart(Date.UTC(2026, 2, 8) / 86_400_000, 'America/New_York').toISOString()).toBe(
			'2026-03-08T05:00:00.000Z',
		);
	});

	it('knows real zone names only', () => {
		expect(isKnownTimeZone('Asia/Seoul')).toBe(true);
		expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
		expect(isKnownTimeZone(42)).toBe(false);
	});
});
