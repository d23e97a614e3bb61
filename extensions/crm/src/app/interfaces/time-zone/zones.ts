// The time zone select: IANA names the runtime knows (Intl.supportedValuesOf), each with its current UTC offset. Pure.

/** No runtime lists more than a few hundred zones; more is not offered. */
const MAX_ZONES = 1000;

export interface ZoneItem {
	text: string;
	value: string;
}

/** "+09:00" for Asia/Seoul at `now` (no Latin "UTC", so a Korean screen reads it as is); '' for an unknown zone. */
export function utcOffset(zone: string, now: Date): string {
	try {
		const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
			.formatToParts(now)
			.find((p) => p.type === 'timeZoneName')?.value;
		if (!part) return '';
		return part === 'GMT' ? '+00:00' : part.replace('GMT', '');
	} catch {
		return '';
	}
}

/**
 * Items for the select: every supported zone, sorted by name, "Asia/Seoul (+09:00)"; the current value stays
 * offered even when this runtime does not list it (so opening the form never changes it).
 */
export function zoneItems(supported: readonly string[], current: unknown, now: Date): ZoneItem[] {
	const zones = new Set(supported.slice(0, MAX_ZONES));
	if (!zones.has('UTC')) zones.add('UTC');
	if (typeof current === 'string' && current !== '') zones.add(current);
	return [...zones].sort().map((zone) => {
		const offset = utcOffset(zone, now);
		return { value: zone, text: offset ? `${zone} (${offset})` : zone };
	});
}

/** The runtime's zones, or a short list where Intl.supportedValuesOf is missing. */
export function supportedZones(): string[] {
	const intl = Intl as { supportedValuesOf?: (key: 'timeZone') => string[] };
	return typeof intl.supportedValuesOf === 'function'
		? intl.supportedValuesOf('timeZone')
		: ['Asia/Seoul', 'Asia/Tokyo', 'UTC', 'Europe/London', 'America/New_York'];
}
