/**
 * Per-customer recency/frequency/monetary summary in the form BG/NBD and
 * Gamma-Gamma expect (Fader, Hardie & Lee 2005).
 *
 * Conventions:
 * - Time is counted in whole calendar days. A `Date` is taken on its UTC calendar
 *   day; a string must be `YYYY-MM-DD`. Time-of-day never matters.
 * - All transactions of one customer on one calendar day are merged into a single
 *   transaction whose amount is the sum (the published CDNOW analyses do this).
 * - `calibrationEnd` is the last day of the calibration period, inclusive:
 *   purchases on that day count, later ones are ignored, and the age T is the
 *   number of days from the first purchase to that day. For CDNOW, calibration
 *   end 1997-09-30 gives T = 272 / 7 = 38.86 weeks for a 1997-01-01 customer,
 *   the value used in the paper.
 * - Customers whose first purchase is after `calibrationEnd` are left out.
 */

export type TimeUnit = 'days' | 'weeks';

export interface Transaction {
	customerId: string;
	/** Purchase day: a `Date` (its UTC calendar day is used) or a `YYYY-MM-DD` string. */
	date: Date | string;
	amount: number;
}

/** What BG/NBD needs to know about one customer. */
export interface RfmObservation {
	/** x: number of repeat transactions (distinct purchase days after the first). */
	frequency: number;
	/** t_x: time from the first to the last transaction. 0 when frequency is 0. */
	recency: number;
	/** T: time from the first transaction to the end of the calibration period. */
	age: number;
}

export interface CustomerSummary extends RfmObservation {
	customerId: string;
	/** Mean amount of the repeat transactions (first one excluded); null when frequency is 0. */
	meanRepeatValue: number | null;
}

export interface SummaryOptions {
	/** Last day of the calibration period (inclusive). */
	calibrationEnd: Date | string;
	timeUnit: TimeUnit;
}

const MILLISECONDS_PER_DAY = 86_400_000;
const DAYS_PER_UNIT: Record<TimeUnit, number> = { days: 1, weeks: 7 };
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a calendar day. Throws on malformed input. */
export function toDayNumber(date: Date | string): number {
	if (date instanceof Date) {
		const time = date.getTime();
		if (Number.isNaN(time)) throw new RangeError('Invalid Date');
		return Math.floor(time / MILLISECONDS_PER_DAY);
	}
	const match = ISO_DAY.exec(date);
	if (!match) throw new RangeError(`Expected a YYYY-MM-DD date, got "${date}"`);
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const time = Date.UTC(year, month - 1, day);
	// Date.UTC silently rolls 2024-02-30 over to March; reject such dates instead.
	const check = new Date(time);
	if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
		throw new RangeError(`Not a calendar date: "${date}"`);
	}
	return time / MILLISECONDS_PER_DAY;
}

export function summarizeTransactions(
	transactions: readonly Transaction[],
	options: SummaryOptions,
): CustomerSummary[] {
	const endDay = toDayNumber(options.calibrationEnd);
	const daysPerUnit = DAYS_PER_UNIT[options.timeUnit];
	if (daysPerUnit === undefined) throw new RangeError(`Unknown time unit "${String(options.timeUnit)}"`);

	// customerId -> (day -> summed amount); Map keeps first-seen customer order.
	const amountsByCustomer = new Map<string, Map<number, number>>();
	for (const transaction of transactions) {
		if (!Number.isFinite(transaction.amount)) {
			throw new RangeError(`Transaction amount must be a finite number (customer ${transaction.customerId})`);
		}
		const day = toDayNumber(transaction.date);
		if (day > endDay) continue;
		let amountsByDay = amountsByCustomer.get(transaction.customerId);
		if (!amountsByDay) {
			amountsByDay = new Map();
			amountsByCustomer.set(transaction.customerId, amountsByDay);
		}
		amountsByDay.set(day, (amountsByDay.get(day) ?? 0) + transaction.amount);
	}

	const summaries: CustomerSummary[] = [];
	for (const [customerId, amountsByDay] of amountsByCustomer) {
		const days = [...amountsByDay.keys()].sort((left, right) => left - right);
		const firstDay = days[0]!;
		const lastDay = days[days.length - 1]!;
		const frequency = days.length - 1;
		let repeatTotal = 0;
		for (const day of days.slice(1)) repeatTotal += amountsByDay.get(day)!;
		summaries.push({
			customerId,
			frequency,
			recency: (lastDay - firstDay) / daysPerUnit,
			age: (endDay - firstDay) / daysPerUnit,
			meanRepeatValue: frequency > 0 ? repeatTotal / frequency : null,
		});
	}
	return summaries;
}
