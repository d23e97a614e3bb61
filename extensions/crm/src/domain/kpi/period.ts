// Reporting periods (day, ISO week from Monday, month, quarter) in the CRM's time zone: the calendar is local,
// the bounds are instants [start, end), so SQL compares plain timestamps. Pure; Intl only.
import { zoneOffsetMs } from '../calendar/local-day';

export const PERIOD_UNITS = ['day', 'week', 'month', 'quarter'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

/** A calendar date (month 1-12). */
export interface CivilDate {
	year: number;
	month: number;
	day: number;
}

export interface Period {
	unit: PeriodUnit;
	/** 2026-03-01 (day), 2026-W09 (ISO week), 2026-03 (month), 2026-Q1 (quarter). */
	key: string;
	/** The local calendar date the period starts on. */
	first: CivilDate;
	start: Date;
	/** Exclusive. */
	end: Date;
	timeZone: string;
}

export const isPeriodUnit = (value: unknown): value is PeriodUnit =>
	typeof value === 'string' && (PERIOD_UNITS as readonly string[]).includes(value);

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
export const formatCivil = (d: CivilDate) => `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;

/** Normalises out-of-range months and days (2026-13-01 → 2027-01-01, 2026-03-00 → 2026-02-28). */
export function civil(year: number, month: number, day: number): CivilDate {
	const date = new Date(Date.UTC(year, month - 1, day));
	return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** YYYY-MM-DD → a valid calendar date, or null. */
export function parseCivil(text: string): CivilDate | null {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	if (!match) return null;
	const [year, month, day] = match.slice(1).map(Number);
	const date = civil(year, month, day);
	return date.year === year && date.month === month && date.day === day ? date : null;
}

/** The local calendar date of an instant. */
export function civilDateOf(at: Date, timeZone: string): CivilDate {
	const wall = new Date(at.getTime() + zoneOffsetMs(at, timeZone));
	return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

/** The instant local midnight of `date` happens in `timeZone` (offset settled in two steps, so DST days work). */
export function startOfCivilDay(date: CivilDate, timeZone: string): Date {
	const wall = Date.UTC(date.year, date.month - 1, date.day);
	let instant = wall - zoneOffsetMs(new Date(wall), timeZone);
	instant = wall - zoneOffsetMs(new Date(instant), timeZone);
	return new Date(instant);
}

function firstDay(date: CivilDate, unit: PeriodUnit): CivilDate {
	switch (unit) {
		case 'day':
			return date;
		case 'week': {
			const weekday = (new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() + 6) % 7; // Monday = 0
			return civil(date.year, date.month, date.day - weekday);
		}
		case 'month':
			return civil(date.year, date.month, 1);
		case 'quarter':
			return civil(date.year, Math.floor((date.month - 1) / 3) * 3 + 1, 1);
	}
}

function addUnits(date: CivilDate, unit: PeriodUnit, n: number): CivilDate {
	if (unit === 'day') return civil(date.year, date.month, date.day + n);
	if (unit === 'week') return civil(date.year, date.month, date.day + 7 * n);
	return civil(date.year, date.month + (unit === 'month' ? n : 3 * n), date.day);
}

/** ISO 8601 week: the week belongs to the year of its Thursday. */
function isoWeekKey(monday: CivilDate): string {
	const thursday = civil(monday.year, monday.month, monday.day + 3);
	const jan1 = Date.UTC(thursday.year, 0, 1);
	const week = Math.floor((Date.UTC(thursday.year, thursday.month - 1, thursday.day) - jan1) / 86_400_000 / 7) + 1;
	return `${thursday.year}-W${pad(week)}`;
}

function periodKey(first: CivilDate, unit: PeriodUnit): string {
	switch (unit) {
		case 'day':
			return formatCivil(first);
		case 'week':
			return isoWeekKey(first);
		case 'month':
			return `${pad(first.year, 4)}-${pad(first.month)}`;
		case 'quarter':
			return `${pad(first.year, 4)}-Q${Math.floor((first.month - 1) / 3) + 1}`;
	}
}

/** The period of `unit` containing the local calendar date `date`. */
export function periodOf(date: CivilDate, unit: PeriodUnit, timeZone: string): Period {
	const first = firstDay(date, unit);
	return {
		unit,
		key: periodKey(first, unit),
		first,
		start: startOfCivilDay(first, timeZone),
		end: startOfCivilDay(addUnits(first, unit, 1), timeZone),
		timeZone,
	};
}

/** The period of `unit` containing the instant `at`, in `timeZone`. */
export function periodContaining(at: Date, unit: PeriodUnit, timeZone: string): Period {
	return periodOf(civilDateOf(at, timeZone), unit, timeZone);
}

/** The period `n` units after (n < 0: before) `period`. */
export function shiftPeriod(period: Period, n: number): Period {
	return periodOf(addUnits(period.first, period.unit, n), period.unit, period.timeZone);
}

export const previousPeriod = (period: Period) => shiftPeriod(period, -1);

/** `count` consecutive periods ending with `last`, oldest first. */
export function periodsEndingWith(last: Period, count: number): Period[] {
	return Array.from({ length: count }, (_, i) => shiftPeriod(last, i - count + 1));
}
