import { describe, expect, it } from 'vitest';
import {
	civilDateOf,
	parseCivil,
	periodContaining,
	periodOf,
	periodsEndingWith,
	previousPeriod,
	shiftPeriod,
	startOfCivilDay,
} from './period';

const iso = (d: Date) => d.toISOString();
const SEOUL = 'Asia/Seoul';

describe('periods in the CRM time zone', () => {
	it('puts a Seoul month between local midnights (15:00 UTC the day before)', () => {
		const march = periodOf({ year: 2026, month: 3, day: 17 }, 'month', SEOUL);
		expect(march.key).toBe('2026-03');
		expect(iso(march.start)).toBe('2026-02-28T15:00:00.000Z');
		expect(iso(march.end)).toBe('2026-03-31T15:00:00.000Z');
	});

	it('finds the local date of an instant: 23:30 UTC on 31 March is 1 April in Seoul', () => {
		expect(civilDateOf(new Date('2026-03-31T23:30:00Z'), SEOUL)).toEqual({ year: 2026, month: 4, day: 1 });
		expect(periodContaining(new Date('2026-03-31T23:30:00Z'), 'month', SEOUL).key).toBe('2026-04');
		expect(periodContaining(new Date('2026-03-31T23:30:00Z'), 'month', 'UTC').key).toBe('2026-03');
	});

	it('starts weeks on Monday and names them by ISO week (the year of their Thursday)', () => {
		const week = periodOf({ year: 2026, month: 3, day: 1 }, 'week', 'UTC'); // a Sunday
		expect(week.key).toBe('2026-W09');
		expect(iso(week.start)).toBe('2026-02-23T00:00:00.000Z');
		expect(iso(week.end)).toBe('2026-03-02T00:00:00.000Z');
		expect(periodOf({ year: 2021, month: 1, day: 3 }, 'week', 'UTC').key).toBe('2020-W53');
		expect(periodOf({ year: 2024, month: 12, day: 30 }, 'week', 'UTC').key).toBe('2025-W01');
	});

	it('groups months into quarters and days into days', () => {
		const q = periodOf({ year: 2026, month: 8, day: 9 }, 'quarter', 'UTC');
		expect([q.key, iso(q.start), iso(q.end)]).toEqual([
			'2026-Q3',
			'2026-07-01T00:00:00.000Z',
			'2026-10-01T00:00:00.000Z',
		]);
		const day = periodOf({ year: 2026, month: 2, day: 28 }, 'day', SEOUL);
		expect([day.key, iso(day.start), iso(day.end)]).toEqual([
			'2026-02-28',
			'2026-02-27T15:00:00.000Z',
			'2026-02-28T15:00:00.000Z',
		]);
	});

	it('steps back across year ends and month lengths', () => {
		expect(previousPeriod(periodOf({ year: 2026, month: 1, day: 5 }, 'month', SEOUL)).key).toBe('2025-12');
		expect(previousPeriod(periodOf({ year: 2026, month: 2, day: 5 }, 'quarter', SEOUL)).key).toBe('2025-Q4');
		expect(previousPeriod(periodOf({ year: 2026, month: 3, day: 1 }, 'day', SEOUL)).key).toBe('2026-02-28');
		expect(shiftPeriod(periodOf({ year: 2026, month: 1, day: 5 }, 'week', SEOUL), -1).key).toBe('2026-W01'); // Mon 29 Dec 2025, its Thursday is 1 Jan
		expect(shiftPeriod(periodOf({ year: 2026, month: 1, day: 5 }, 'week', SEOUL), -2).key).toBe('2025-W52');
		expect(periodsEndingWith(periodOf({ year: 2026, month: 2, day: 1 }, 'month', 'UTC'), 4).map((p) => p.key)).toEqual([
			'2025-11',
			'2025-12',
			'2026-01',
			'2026-02',
		]);
	});

	it('handles daylight-saving days: New York 8 March 2026 is 23 hours long', () => {
		const day = periodOf({ year: 2026, month: 3, day: 8 }, 'day', 'America/New_York');
		expect(iso(day.start)).toBe('2026-03-08T05:00:00.000Z');
		expect(iso(day.end)).toBe('2026-03-09T04:00:00.000Z');
		expect(iso(startOfCivilDay({ year: 2026, month: 11, day: 2 }, 'America/New_York'))).toBe(
			'2026-11-02T05:00:00.000Z',
		);
	});

	it('parses only real calendar dates', () => {
		expect(parseCivil('2026-02-28')).toEqual({ year: 2026, month: 2, day: 28 });
		expect(parseCivil('2026-02-30')).toBeNull();
		expect(parseCivil('2026-2-3')).toBeNull();
		expect(parseCivil('yesterday')).toBeNull();
	});
});
