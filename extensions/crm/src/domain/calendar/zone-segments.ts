// A time zone's UTC offset as constant pieces over a span of instants, for SQL that must put timestamps on local
// calendar days where the database has no time-zone rules (SQLite). Pure; Intl only.
import { zoneOffsetMs } from './local-day';

export interface OffsetSegment {
	/** The piece runs until this instant (exclusive); null for the last one. */
	until: number | null;
	offset: number;
}

const STEP = 7 * 86_400_000; // offsets never change twice within a week
const MINUTE = 60_000;
/** At most this many pieces (a DST zone has two a year: 250 years). */
export const MAX_SEGMENTS = 500;

/** The offset of `timeZone` over [from, to]: each piece ends where the offset changes, to the minute. */
export function offsetSegments(timeZone: string, from: number, to: number): OffsetSegment[] {
	if (!(Number.isFinite(from) && Number.isFinite(to) && from <= to)) throw new RangeError('offsetSegments: bad span');
	const offsetAt = (at: number) => zoneOffsetMs(new Date(at), timeZone);
	const segments: OffsetSegment[] = [];
	let current = offsetAt(from);
	for (let at = from; at < to && segments.length < MAX_SEGMENTS;) {
		const next = Math.min(at + STEP, to);
		if (offsetAt(next) === current) {
			at = next;
			continue;
		}
		// The change lies in (at, next]: narrow it down to the minute.
		let low = at;
		let high = next;
		while (high - low > MINUTE) {
			const middle = low + Math.max(MINUTE, Math.floor((high - low) / 2 / MINUTE) * MINUTE);
			if (offsetAt(middle) === current) low = middle;
			else high = middle;
		}
		segments.push({ until: high, offset: current });
		current = offsetAt(high);
		at = high;
	}
	segments.push({ until: null, offset: current });
	return segments;
}

/** Whether Intl knows the zone (an unknown name would make every conversion throw). */
export function isKnownTimeZone(timeZone: unknown): timeZone is string {
	if (typeof timeZone !== 'string' || timeZone.length === 0 || timeZone.length > 64) return false;
	try {
		new Intl.DateTimeFormat('en-US', { timeZone });
		return true;
	} catch {
		return false;
	}
}

/** Days since 1970-01-01 of the local calendar day containing `at`. */
export const localDayNumber = (at: Date, timeZone: string): number =>
	Math.floor((at.getTime() + zoneOffsetMs(at, timeZone)) / 86_400_000);

/** The instant local day number `day` begins in `timeZone`. */
export function localDayStart(day: number, timeZone: string): Date {
	const wall = day * 86_400_000;
	let instant = wall - zoneOffsetMs(new Date(wall), timeZone);
	instant = wall - zoneOffsetMs(new Date(instant), timeZone); // once more, for a start near an offset change
	return new Date(instant);
}
