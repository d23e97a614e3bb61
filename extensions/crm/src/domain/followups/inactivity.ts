// Inactivity relative to the customer's own rhythm: lapsing once no purchase came for k × their median gap between
// purchases, and never sooner than a floor in days (a customer with one purchase has no rhythm: the floor applies).
const DAY = 86_400_000;

export function medianGapDays(orderDates: Date[]): number | null {
	const times = orderDates
		.map((date) => date.getTime())
		.filter(Number.isFinite)
		.sort((a, b) => a - b);
	if (times.length < 2) return null;
	const gaps = times
		.slice(1)
		.map((time, i) => (time - times[i]) / DAY)
		.sort((a, b) => a - b);
	const middle = Math.floor(gaps.length / 2);
	return gaps.length % 2 ? gaps[middle] : (gaps[middle - 1] + gaps[middle]) / 2;
}

export function inactivityThresholdDays(orderDates: Date[], factor: number, floorDays: number): number {
	const median = medianGapDays(orderDates);
	const k = Number.isFinite(factor) && factor > 0 ? factor : 2;
	const floor = Math.max(0, Number.isFinite(floorDays) ? floorDays : 30);
	return median === null ? floor : Math.max(floor, k * median);
}

export interface Inactivity {
	inactive: boolean;
	thresholdDays: number;
	daysSinceLast: number | null;
	/** The last purchase the lapse is counted from: one win-back per lapse (it is the dedupe occurrence). */
	lastOrderAt: Date | null;
}

export function inactivity(orderDates: Date[], now: Date, factor: number, floorDays: number): Inactivity {
	const thresholdDays = inactivityThresholdDays(orderDates, factor, floorDays);
	const last = orderDates.reduce<Date | null>((latest, date) => (!latest || date > latest ? date : latest), null);
	if (!last) return { inactive: false, thresholdDays, daysSinceLast: null, lastOrderAt: null };
	const daysSinceLast = (now.getTime() - last.getTime()) / DAY;
	return { inactive: daysSinceLast >= thresholdDays, thresholdDays, daysSinceLast, lastOrderAt: last };
}
