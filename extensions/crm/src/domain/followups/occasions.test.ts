import { describe, expect, it } from 'vitest';
import { anniversaryYears, celebratedMonthDays, fallsOn, monthDayOf, nextOccurrence } from './occasions';

describe('birthdays and anniversaries', () => {
	it('celebrates 29 February on 28 February in non-leap years and on the 29th in leap years', () => {
		expect(celebratedMonthDays('2027-02-28')).toEqual(['02-28', '02-29']);
		expect(celebratedMonthDays('2028-02-28')).toEqual(['02-28']);
		expect(celebratedMonthDays('2028-02-29')).toEqual(['02-29']);
		expect(celebratedMonthDays('2100-02-28')).toEqual(['02-28', '02-29']); // 2100 is not a leap year
		expect(celebratedMonthDays('2000-02-28')).toEqual(['02-28']);
		expect(fallsOn('1992-02-29', '2027-02-28', 'Asia/Seoul')).toBe(true);
		expect(fallsOn('1992-02-29', '2027-03-01', 'Asia/Seoul')).toBe(false);
		expect(fallsOn('1992-02-29', '2028-02-28', 'Asia/Seoul')).toBe(false);
		expect(fallsOn('1992-02-29', '2028-02-29', 'Asia/Seoul')).toBe(true);
	});

	it('finds the next celebration from a moment in the customer time zone', () => {
		expect(nextOccurrence('1992-02-29', new Date('2027-01-10T00:00:00Z'), 'Asia/Seoul')).toBe('2027-02-28');
		expect(nextOccurrence('1992-02-29', new Date('2027-03-01T00:00:00Z'), 'Asia/Seoul')).toBe('2028-02-29');
		// 14 March 23:30 UTC is already 15 March in Seoul: the birthday today still counts.
		expect(nextOccurrence('1990-03-15', new Date('2026-03-14T23:30:00Z'), 'Asia/Seoul')).toBe('2026-03-15');
		expect(nextOccurrence('1990-03-15', new Date('2026-03-14T23:30:00Z'), 'America/Los_Angeles')).toBe('2026-03-15');
		expect(nextOccurrence(null, new Date(), 'UTC')).toBeNull();
	});

	it("reads timestamps' month and day in the time zone and counts whole anniversary years", () => {
		expect(monthDayOf('2021-06-30T16:00:00Z', 'Asia/Seoul')).toBe('07-01');
		expect(monthDayOf(Date.UTC(2021, 5, 30, 16), 'UTC')).toBe('06-30');
		expect(anniversaryYears('2021-06-30T16:00:00Z', '2026-07-01', 'Asia/Seoul')).toBe(5);
		expect(anniversaryYears('2026-07-01T03:00:00Z', '2026-07-01', 'Asia/Seoul')).toBeNull(); // the first day is no anniversary
		expect(anniversaryYears('2020-02-29T03:00:00Z', '2021-02-28', 'Asia/Seoul')).toBe(1);
		expect(anniversaryYears('2021-06-30T16:00:00Z', '2026-06-30', 'Asia/Seoul')).toBeNull();
	});
});
