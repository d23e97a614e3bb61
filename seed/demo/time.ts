// Time helpers in plain milliseconds. The generator never reads the clock: every time derives from `now`.
import type { Rng } from './rng.ts';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** An average month, for "6–18 months ago"-style spans. */
export const MONTH = 30.44 * DAY;

/** ISO string cut to whole seconds. Truncation never moves a time later, so "not after now" still holds. */
export function toIso(ms: number): string {
	return new Date(Math.floor(ms / 1000) * 1000).toISOString();
}

export function clamp(value: number, min: number, max: number): number {
	return Math.min(max, Math.max(min, value));
}

// When people shop or get in touch, by local hour: a lunch bump and an evening peak.
const LOCAL_HOUR_WEIGHTS: readonly (readonly [number, number])[] = [
	[7, 2],
	[8, 4],
	[9, 5],
	[10, 6],
	[11, 7],
	[12, 9],
	[13, 8],
	[14, 6],
	[15, 6],
	[16, 6],
	[17, 7],
	[18, 8],
	[19, 9],
	[20, 9],
	[21, 7],
	[22, 4],
	[23, 2],
];

/** Moves `ms` to a plausible local time of day on the same local date, unless that would leave [min, max]. */
export function atPlausibleHour(rng: Rng, ms: number, utcOffsetHours: number, min: number, max: number): number {
	const offset = utcOffsetHours * HOUR;
	const localDayStart = Math.floor((ms + offset) / DAY) * DAY;
	const moved = localDayStart - offset + rng.weighted(LOCAL_HOUR_WEIGHTS) * HOUR + rng.int(0, 3599) * 1000;
	return moved >= min && moved <= max ? moved : clamp(ms, min, max);
}

/** Local calendar month (0–11) of a time, for seasonal buying. */
export function localMonth(ms: number, utcOffsetHours: number): number {
	return new Date(ms + utcOffsetHours * HOUR).getUTCMonth();
}
