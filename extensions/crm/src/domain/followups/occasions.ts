// Date triggers. A birthday or customer-since anniversary is celebrated on the same month and day each year in the
// customer's time zone. Decision for 29 February: in a non-leap year it is celebrated on 28 February (the last day of
// the customer's own month, never spilling into March), and exactly once per year (the dedupe key holds the year).
import { localDate } from './zoned';

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Month-day keys ('MM-DD') celebrated on the local date `day` ('YYYY-MM-DD'): 28 Feb of a non-leap year adds '02-29'. */
export function celebratedMonthDays(day: string): string[] {
	const [year, month, date] = day.split('-').map(Number);
	const key = `${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
	return month === 2 && date === 28 && !isLeap(year) ? [key, '02-29'] : [key];
}

/** 'MM-DD' of a date-only value, a timestamp (in `timeZone`) or a Date; null when absent or invalid. */
export function monthDayOf(value: unknown, timeZone: string): string | null {
	if (value === null || value === undefined || value === '') return null;
	if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value.slice(5);
	const date = value instanceof Date ? value : new Date(typeof value === 'number' ? value : String(value));
	return Number.isNaN(date.getTime()) ? null : localDate(date, timeZone).slice(5);
}

export function fallsOn(value: unknown, day: string, timeZone: string): boolean {
	const key = monthDayOf(value, timeZone);
	return key !== null && celebratedMonthDays(day).includes(key);
}

/** The next local date ('YYYY-MM-DD') on or after `from` when a birthday is celebrated. */
export function nextOccurrence(value: unknown, from: Date, timeZone: string): string | null {
	const key = monthDayOf(value, timeZone);
	if (!key) return null;
	const today = localDate(from, timeZone);
	for (let year = Number(today.slice(0, 4)); year <= Number(today.slice(0, 4)) + 4; year++) {
		const [month, day] = key.split('-').map(Number);
		const celebrated = month === 2 && day === 29 && !isLeap(year) ? `${year}-02-28` : `${year}-${key}`;
		if (celebrated >= today) return celebrated;
	}
	return null;
}

/** Whole years since `since` when `day` is its anniversary (≥ 1), else null. */
export function anniversaryYears(since: unknown, day: string, timeZone: string): number | null {
	if (!fallsOn(since, day, timeZone)) return null;
	const start =
		typeof since === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(since)
			? since
			: localDate(since instanceof Date ? since : new Date(since as string), timeZone);
	const years = Number(day.slice(0, 4)) - Number(start.slice(0, 4));
	return years >= 1 ? years : null;
}
