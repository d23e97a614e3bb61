// Turns ISO values, windows and "next N days" into concrete instants / month-day ranges, given an explicit `now`.
import { isIsoDate } from './value-checks';
import type { TimeWindow } from './rule-types';

const DAY_MS = 86_400_000;

/**
 * The half-open instant range [start, end) an ISO value denotes: a date-only value covers its whole UTC day,
 * a datetime covers exactly that millisecond. So `before X` is `< start`, `after X` is `>= end`.
 */
export function isoRange(iso: string): { start: Date; end: Date } {
	const start = new Date(isIsoDate(iso) ? `${iso}T00:00:00Z` : iso);
	return { start, end: new Date(start.getTime() + (isIsoDate(iso) ? DAY_MS : 1)) };
}

/** `{ lastDays }` starts at now - days and is open-ended; `{ from, to }` is [start(from), end(to)). */
export function windowBounds(window: TimeWindow | undefined, now: Date): { from: Date | null; to: Date | null } {
	if (!window) return { from: null, to: null };
	if ('lastDays' in window) return { from: daysBefore(now, window.lastDays), to: null };
	return { from: isoRange(window.from).start, to: isoRange(window.to).end };
}

export const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);

export type MonthDayRange = { kind: 'all' } | { kind: 'range'; from: string; to: string };

/**
 * Birthdays (as 'MM-DD') falling on today .. today + days in `timeZone`. When the range crosses New Year,
 * `from > to` and callers match `md >= from OR md <= to`. Feb 29 birthdays are celebrated on Feb 28 in
 * non-leap years, so a range ending on Feb 28 of a non-leap year is widened to include '02-29'.
 */
export function birthdayRange(now: Date, days: number, timeZone = 'UTC'): MonthDayRange {
	if (days >= 365) return { kind: 'all' };
	const start = localDate(now, timeZone);
	const end = new Date(start.getTime() + days * DAY_MS);
	const md = (d: Date) => d.toISOString().slice(5, 10);
	let to = md(end);
	if (to === '02-28' && !isLeapYear(end.getUTCFullYear())) to = '02-29';
	return { kind: 'range', from: md(start), to };
}

/** Birthdays (as 'MM-DD') in the calendar month of `now` in `timeZone` ('02-29' included in every February). */
export function birthdayMonthRange(now: Date, timeZone = 'UTC'): MonthDayRange {
	const month = localDate(now, timeZone).toISOString().slice(5, 7);
	return { kind: 'range', from: `${month}-01`, to: `${month}-31` };
}

/** The calendar date of `now` in `timeZone`, as a UTC-midnight Date (so day arithmetic ignores DST). */
export function localDate(now: Date, timeZone: string): Date {
	const parts = new Intl.DateTimeFormat('en-CA', {
		timeZone,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
	}).format(now);
	return new Date(`${parts}T00:00:00Z`);
}

export const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
