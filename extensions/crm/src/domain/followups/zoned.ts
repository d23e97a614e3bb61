// Wall-clock parts of an instant in a time zone, and the instant of a wall-clock time (DST-safe). Pure; Intl only.
import { zoneOffsetMs } from '../calendar/local-day';

export interface WallTime {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
}

export function wallTime(at: Date, timeZone: string): WallTime {
	const local = new Date(at.getTime() + zoneOffsetMs(at, timeZone));
	return {
		year: local.getUTCFullYear(),
		month: local.getUTCMonth() + 1,
		day: local.getUTCDate(),
		hour: local.getUTCHours(),
		minute: local.getUTCMinutes(),
	};
}

/** The instant whose wall-clock time in `timeZone` is the given one (the later instant when a DST gap skips it). */
export function zonedInstant(wall: WallTime, timeZone: string): Date {
	const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
	let guess = asUtc - zoneOffsetMs(new Date(asUtc), timeZone);
	guess = asUtc - zoneOffsetMs(new Date(guess), timeZone);
	return new Date(guess);
}

/** 'YYYY-MM-DD' of the local calendar day containing `at`. */
export function localDate(at: Date, timeZone: string): string {
	const { year, month, day } = wallTime(at, timeZone);
	return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The instant local midnight begins `date` ('YYYY-MM-DD') in `timeZone`. */
export function startOfLocalDate(date: string, timeZone: string): Date {
	const [year, month, day] = date.split('-').map(Number);
	return zonedInstant({ year, month, day, hour: 0, minute: 0 }, timeZone);
}

export function isValidTimeZone(timeZone: unknown): timeZone is string {
	if (typeof timeZone !== 'string' || !timeZone) return false;
	try {
		new Intl.DateTimeFormat('en-US', { timeZone });
		return true;
	} catch {
		return false;
	}
}
