// Quiet hours: no advertising message between 21:00 and 08:00 local time (the customer's time zone, else the CRM's)
// unless the customer gave the separate night-time consent; such a message waits for the morning. Transactional
// messages are exempt.
import { wallTime, zonedInstant } from './zoned';

export interface QuietHours {
	/** 'HH:MM' or 'HH:MM:SS', local. */
	start: string;
	end: string;
}

export const DEFAULT_QUIET_HOURS: QuietHours = { start: '21:00:00', end: '08:00:00' };

const minutesOf = (time: string): number => {
	const [h, m] = time.split(':').map(Number);
	return (Number.isFinite(h) ? h : 0) * 60 + (Number.isFinite(m) ? m : 0);
};

export function inQuietHours(at: Date, quiet: QuietHours, timeZone: string): boolean {
	const start = minutesOf(quiet.start);
	const end = minutesOf(quiet.end);
	if (start === end) return false;
	const { hour, minute } = wallTime(at, timeZone);
	const now = hour * 60 + minute;
	return start < end ? now >= start && now < end : now >= start || now < end;
}

/** The first instant at or after `at` that is outside quiet hours. */
export function endOfQuietHours(at: Date, quiet: QuietHours, timeZone: string): Date {
	if (!inQuietHours(at, quiet, timeZone)) return at;
	const end = minutesOf(quiet.end);
	const wall = wallTime(at, timeZone);
	const nowMinutes = wall.hour * 60 + wall.minute;
	// Still before today's end (after midnight, or a same-day window): today; otherwise tomorrow's end.
	const sameDay = nowMinutes < end;
	const day = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + (sameDay ? 0 : 1)));
	return zonedInstant(
		{
			year: day.getUTCFullYear(),
			month: day.getUTCMonth() + 1,
			day: day.getUTCDate(),
			hour: Math.floor(end / 60),
			minute: end % 60,
		},
		timeZone,
	);
}

export interface DeliveryInput {
	marketing: boolean;
	nightConsent: boolean;
	quiet: QuietHours;
	timeZone: string;
}

/** When a message meant for `at` may go out: `at` itself, or the end of quiet hours for advertising without night consent. */
export function deliveryTime(at: Date, input: DeliveryInput): Date {
	if (!input.marketing || input.nightConsent) return at;
	return endOfQuietHours(at, input.quiet, input.timeZone);
}

/** The due time of a planned message: trigger time + delay, moved out of quiet hours when it must be. */
export function dueAt(triggerAt: Date, delayMinutes: number, input: DeliveryInput): Date {
	const at = new Date(triggerAt.getTime() + Math.max(0, Math.round(delayMinutes || 0)) * 60_000);
	return deliveryTime(at, input);
}
