import { describe, expect, it } from 'vitest';
import { birthdayMonthRange, birthdayRange, isoRange, localDate, windowBounds } from './time-windows';

const now = new Date('2026-03-15T12:00:00Z');

describe('time windows', () => {
	it('treats a date-only value as its whole UTC day and a datetime as an instant', () => {
		expect(isoRange('2026-01-01')).toEqual({
			start: new Date('2026-01-01T00:00:00Z'),
			end: new Date('2026-01-02T00:00:00Z'),
		});
		expect(
			isoRange('2026-01-01T10:00:00+09:00').end.getTime() - isoRange('2026-01-01T10:00:00+09:00').start.getTime(),
		).toBe(1);
	});

	it('starts a lastDays window at now - days', () => {
		expect(windowBounds({ lastDays: 90 }, now)).toEqual({ from: new Date('2025-12-15T12:00:00Z'), to: null });
		expect(windowBounds({ from: '2026-01-01', to: '2026-01-31' }, now)).toEqual({
			from: new Date('2026-01-01T00:00:00Z'),
			to: new Date('2026-02-01T00:00:00Z'),
		});
		expect(windowBounds(undefined, now)).toEqual({ from: null, to: null });
	});

	it('builds month-day ranges, wrapping over New Year', () => {
		expect(birthdayRange(now, 10)).toEqual({ kind: 'range', from: '03-15', to: '03-25' });
		expect(birthdayRange(new Date('2026-12-28T00:00:00Z'), 7)).toEqual({ kind: 'range', from: '12-28', to: '01-04' });
		expect(birthdayRange(now, 400)).toEqual({ kind: 'all' });
	});

	it('lets Feb 29 birthdays count on Feb 28 in non-leap years only', () => {
		expect(birthdayRange(new Date('2027-02-20T00:00:00Z'), 8)).toEqual({ kind: 'range', from: '02-20', to: '02-29' });
		expect(birthdayRange(new Date('2028-02-20T00:00:00Z'), 8)).toEqual({ kind: 'range', from: '02-20', to: '02-28' });
	});

	it('uses the calendar date of the given time zone', () => {
		expect(localDate(new Date('2026-03-15T20:00:00Z'), 'Asia/Seoul').toISOString()).toBe('2026-03-16T00:00:00.000Z');
		expect(birthdayRange(new Date('2026-12-31T16:00:00Z'), 0, 'Asia/Seoul')).toEqual({
			kind: 'range',
			from: '01-01',
			to: '01-01',
		});
	});

	it('gives the whole calendar month of now in the time zone for birthday this month', () => {
		expect(birthdayMonthRange(new Date('2027-02-10T09:00:00Z'))).toEqual({ kind: 'range', from: '02-01', to: '02-31' });
		// 20:00 UTC on 31 December is already 1 January in Seoul.
		expect(birthdayMonthRange(new Date('2026-12-31T20:00:00Z'), 'Asia/Seoul')).toEqual({
			kind: 'range',
			from: '01-01',
			to: '01-31',
		});
		expect(birthdayMonthRange(new Date('2026-12-31T20:00:00Z'), 'UTC')).toMatchObject({ from: '12-01' });
	});
});
