// Query-string parsing for /crm/kpi routes: every parameter checked, every problem named (400 with its path).
import { KPI_IDS } from '../../../domain/kpi/definitions';
import { isPeriodUnit, parseCivil, PERIOD_UNITS, type CivilDate, type PeriodUnit } from '../../../domain/kpi/period';
import type { KpiFilters } from '../../../data/kpi/filters';

export interface Issue {
	path: string;
	message: string;
}

type Query = Record<string, unknown>;

const text = (value: unknown): string | undefined =>
	typeof value === 'string' ? value.trim() : Array.isArray(value) ? text(value[value.length - 1]) : undefined;

function integer(
	query: Query,
	name: string,
	issues: Issue[],
	bounds: { min: number; max: number; fallback: number },
): number {
	const raw = text(query[name]);
	if (raw === undefined || raw === '') return bounds.fallback;
	const n = /^-?\d+$/.test(raw) ? Number(raw) : NaN;
	if (!Number.isInteger(n) || n < bounds.min || n > bounds.max)
		issues.push({ path: name, message: `must be an integer from ${bounds.min} to ${bounds.max}` });
	return n;
}

export interface CommonParams {
	unit: PeriodUnit;
	/** null = today in the CRM time zone. */
	at: CivilDate | null;
	/** Periods before the one containing `at` (0 = that period, -1 = the one before: the last complete period). */
	offset: number;
	filters: Omit<KpiFilters, 'segment'>;
	attributionDays: number;
}

function common(query: Query, issues: Issue[]): CommonParams {
	const period = text(query.period) || 'month';
	if (!isPeriodUnit(period)) issues.push({ path: 'period', message: `must be one of ${PERIOD_UNITS.join(', ')}` });
	const atText = text(query.at);
	const at = atText ? parseCivil(atText) : null;
	if (atText && !at) issues.push({ path: 'at', message: 'must be a date as YYYY-MM-DD' });
	const tierText = text(query.tier);
	if (tierText && !/^[\w-]{1,64}$/.test(tierText)) issues.push({ path: 'tier', message: 'must be a tier id or code' });
	const channel = text(query.channel);
	if (channel && !/^[a-z_]{1,32}$/.test(channel))
		issues.push({ path: 'channel', message: 'must be a channel code such as web or store' });
	return {
		unit: period as PeriodUnit,
		at,
		filters: {
			tier: tierText ? (/^\d+$/.test(tierText) ? Number(tierText) : tierText) : null,
			channel: channel || null,
		},
		attributionDays: integer(query, 'attribution_days', issues, { min: 1, max: 90, fallback: 7 }),
		// `back`, not `offset`: Directus validates `offset` on every route as its own pagination parameter.
		offset: 0 - integer(query, 'back', issues, { min: 0, max: 60, fallback: 0 }),
	};
}

/** `segment`: one id, or a comma list where `all` (or an empty item) is everyone. */
function segments(query: Query, issues: Issue[], max: number): (number | null)[] {
	const raw = text(query.segment);
	if (raw === undefined || raw === '') return [null];
	const items = raw.split(',').map((s) => s.trim());
	if (items.length > max)
		issues.push({ path: 'segment', message: max === 1 ? 'must be one segment id' : `at most ${max} segments` });
	const parsed = items.map((item) =>
		item === '' || item === 'all' ? null : /^\d+$/.test(item) && Number(item) > 0 ? Number(item) : NaN,
	);
	if (parsed.some((s) => Number.isNaN(s))) issues.push({ path: 'segment', message: 'must be segment ids (or all)' });
	return [...new Set(parsed)];
}

export function parseReportParams(query: Query) {
	const issues: Issue[] = [];
	const base = common(query, issues);
	const kpisText = text(query.kpis);
	const ids = kpisText
		? [
				...new Set(
					kpisText
						.split(',')
						.map((s) => s.trim())
						.filter(Boolean),
				),
			]
		: [...KPI_IDS];
	const unknown = ids.filter((id) => !KPI_IDS.includes(id));
	if (unknown.length)
		issues.push({ path: 'kpis', message: `unknown KPI ${unknown.join(', ')}; known: ${KPI_IDS.join(', ')}` });
	const [segment] = segments(query, issues, 1);
	return { issues, params: { ...base, ids, filters: { ...base.filters, segment } } };
}

export function parseTrendParams(query: Query) {
	const issues: Issue[] = [];
	const base = common(query, issues);
	const id = text(query.kpi) ?? '';
	if (!KPI_IDS.includes(id)) issues.push({ path: 'kpi', message: `must be one of ${KPI_IDS.join(', ')}` });
	const points = integer(query, 'points', issues, { min: 1, max: 60, fallback: 12 });
	const source = text(query.source) || 'live';
	if (source !== 'live' && source !== 'snapshots')
		issues.push({ path: 'source', message: 'must be live or snapshots' });
	else if (source === 'snapshots' && base.unit !== 'day')
		issues.push({ path: 'source', message: 'snapshots are daily: use period=day' });
	else if (source === 'snapshots' && (base.filters.tier !== null || base.filters.channel !== null))
		issues.push({ path: 'source', message: 'snapshots are stored per segment only: drop tier and channel' });
	return {
		issues,
		params: { ...base, id, points, source: source as 'live' | 'snapshots', segments: segments(query, issues, 8) },
	};
}

export function parseCohortParams(query: Query) {
	const issues: Issue[] = [];
	const base = common(query, issues);
	const months = integer(query, 'months', issues, { min: 1, max: 36, fallback: 12 });
	const [segment] = segments(query, issues, 1);
	return { issues, params: { at: base.at, offset: base.offset, months, filters: { ...base.filters, segment } } };
}
