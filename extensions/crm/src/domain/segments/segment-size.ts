// Daily segment sizes: the stored KPI's id and labels, and the day range a caller asks for. Pure (pass `today` in).
import { civil, formatCivil, parseCivil, type CivilDate } from '../kpi/period';
import type { Issue } from './rule-types';

/** Stored in crm_kpi_snapshots like the other daily KPIs (key `day:segment_size:<segment>`). */
export const SEGMENT_SIZE_KPI = {
	id: 'segment_size',
	label: { ko: '세그먼트 규모', en: 'Segment size' },
	unit: 'count',
	direction: 'up',
} as const;

export const MAX_SIZE_DAYS = 366;
const DEFAULT_DAYS = 30;

export interface DayRange {
	from: CivilDate;
	to: CivilDate;
}

/** `from` / `to` as YYYY-MM-DD; defaults: the 30 days up to yesterday (the last day the nightly job has written). */
export function parseSizeRange(
	query: { from?: unknown; to?: unknown },
	today: CivilDate,
): { issues: Issue[]; range: DayRange | null } {
	const issues: Issue[] = [];
	const read = (key: 'from' | 'to'): CivilDate | null => {
		const value = query[key];
		if (value === undefined || value === '') return null;
		const day = typeof value === 'string' ? parseCivil(value) : null;
		if (!day) issues.push({ path: key, message: 'must be a date as YYYY-MM-DD' });
		return day;
	};
	const givenFrom = read('from');
	const givenTo = read('to');
	if (issues.length) return { issues, range: null };
	const to = givenTo ?? civil(today.year, today.month, today.day - 1);
	const from = givenFrom ?? civil(to.year, to.month, to.day - (DEFAULT_DAYS - 1));
	const days = daysBetween(from, to);
	if (days < 0) return { issues: [{ path: 'from', message: 'must not be after "to"' }], range: null };
	if (days >= MAX_SIZE_DAYS)
		return { issues: [{ path: 'from', message: `at most ${MAX_SIZE_DAYS} days per request` }], range: null };
	return { issues, range: { from, to } };
}

const dayNumber = (d: CivilDate) => Date.UTC(d.year, d.month - 1, d.day) / 86_400_000;
const daysBetween = (from: CivilDate, to: CivilDate) => dayNumber(to) - dayNumber(from);

/** One point per day of the range; days without a stored value are null ("not recorded"), never 0. */
export function sizeSeries(range: DayRange, stored: Map<string, number>): { day: string; value: number | null }[] {
	return Array.from({ length: daysBetween(range.from, range.to) + 1 }, (_, i) => {
		const day = formatCivil(civil(range.from.year, range.from.month, range.from.day + i));
		return { day, value: stored.get(day) ?? null };
	});
}
