// A follow-up's delay as staff think of it (days and hours after the trigger), stored as minutes (delay_minutes).
// Pure: the interface converts both ways with these.

/** The stored bound of delay_minutes (domain/followups/validate-rule.ts): one year. */
export const MAX_DELAY_MINUTES = 525_600;
export const MAX_DAYS = MAX_DELAY_MINUTES / 1440;

export interface Delay {
	days: number;
	hours: number;
	/** Minutes left over (a rule saved in minutes through the API); shown only when not 0, so nothing is lost. */
	minutes: number;
}

/** Stored minutes → days, hours and leftover minutes; anything unreadable or out of range becomes 0 / the bound. */
export function splitMinutes(stored: unknown): Delay {
	const value = typeof stored === 'string' && stored.trim() !== '' ? Number(stored) : stored;
	const total =
		typeof value === 'number' && Number.isFinite(value)
			? Math.min(MAX_DELAY_MINUTES, Math.max(0, Math.trunc(value)))
			: 0;
	return { days: Math.floor(total / 1440), hours: Math.floor((total % 1440) / 60), minutes: total % 60 };
}

/** A typed number of days / hours / minutes: whole, at least 0, at most `max` (empty or unreadable = 0). */
export function readPart(raw: unknown, max: number): number {
	const value = typeof raw === 'string' ? (raw.trim() === '' ? 0 : Number(raw)) : raw;
	if (typeof value !== 'number' || !Number.isFinite(value)) return 0;
	return Math.min(max, Math.max(0, Math.trunc(value)));
}

/** Days, hours and minutes → stored minutes, within the bound. */
export function joinDelay(delay: Delay): number {
	const total = readPart(delay.days, MAX_DAYS) * 1440 + readPart(delay.hours, 23) * 60 + readPart(delay.minutes, 59);
	return Math.min(MAX_DELAY_MINUTES, total);
}

/** "3일 2시간 후" / "3 days 2 hours after"; "바로" / "right away" for 0. */
export function describeDelay(delay: Delay, language: 'ko-KR' | 'en-US'): string {
	const parts: string[] = [];
	if (language === 'ko-KR') {
		if (delay.days) parts.push(`${delay.days}일`);
		if (delay.hours) parts.push(`${delay.hours}시간`);
		if (delay.minutes) parts.push(`${delay.minutes}분`);
		return parts.length ? `트리거 ${parts.join(' ')} 후 발송` : '트리거 직후 발송';
	}
	const unit = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
	if (delay.days) parts.push(unit(delay.days, 'day'));
	if (delay.hours) parts.push(unit(delay.hours, 'hour'));
	if (delay.minutes) parts.push(unit(delay.minutes, 'minute'));
	return parts.length ? `sent ${parts.join(' ')} after the trigger` : 'sent right after the trigger';
}
