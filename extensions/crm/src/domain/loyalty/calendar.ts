// Calendar facts of an instant in an IANA time zone, via Intl (rules speak in local weekdays and months).

export interface ZonedDay {
	year: number;
	/** 1 = January .. 12 = December. */
	month: number;
	day: number;
	/** ISO 1 = Monday .. 7 = Sunday. */
	weekday: number;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(timeZone);
	if (!formatter) {
		// Throws RangeError for an unknown zone: a misconfigured zone must be noticed, not silently read as UTC.
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone,
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			weekday: 'short',
		});
		formatters.set(timeZone, formatter);
	}
	return formatter;
}

export function zonedDay(at: Date, timeZone: string): ZonedDay {
	const parts = Object.fromEntries(
		formatterFor(timeZone)
			.formatToParts(at)
			.map((part) => [part.type, part.value]),
	);
	return {
		year: Number(parts.year),
		month: Number(parts.month),
		day: Number(parts.day),
		weekday: WEEKDAYS[parts.weekday],
	};
}
