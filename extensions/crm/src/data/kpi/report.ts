// What the /crm/kpi routes answer: KPIs for a period with the previous period, change and goal; a KPI's trend over
// periods for several segments. Settings (time zone, goals) are read fresh; computed groups come through the cache.
import type { Knex } from 'knex';
import { change, goalProgress, parseGoals, type GoalSpec } from '../../domain/kpi/compare';
import { kpiDefinition } from '../../domain/kpi/definitions';
import {
	periodOf,
	periodsEndingWith,
	previousPeriod,
	shiftPeriod,
	type CivilDate,
	type Period,
	type PeriodUnit,
} from '../../domain/kpi/period';
import { computeKpis, type ComputeOptions } from './compute';
import type { KpiFilters } from './filters';
import { readSnapshots } from './snapshots';

export interface KpiSettings {
	timeZone: string;
	goals: Map<string, GoalSpec>;
}

export async function readKpiSettings(knex: Knex): Promise<KpiSettings> {
	const row = await knex('crm_settings').first('timezone', 'kpi_goals');
	return { timeZone: row?.timezone || 'Asia/Seoul', goals: parseGoals(row?.kpi_goals) };
}

export const periodJson = (p: Period) => ({
	unit: p.unit,
	key: p.key,
	start: p.start.toISOString(),
	end: p.end.toISOString(),
});

export interface ReportRequest {
	ids: readonly string[];
	unit: PeriodUnit;
	/** A local calendar date inside the period… */
	at: CivilDate;
	/** …or that many periods before it (-1: the last complete period). */
	offset?: number;
	filters: KpiFilters;
}

export async function kpiReport(
	knex: Knex,
	request: ReportRequest,
	settings: KpiSettings,
	options: ComputeOptions = {},
) {
	const period = shiftPeriod(periodOf(request.at, request.unit, settings.timeZone), request.offset ?? 0);
	const previous = previousPeriod(period);
	const [current, before] = await Promise.all([
		computeKpis(knex, request.ids, period, request.filters, options),
		computeKpis(knex, request.ids, previous, request.filters, options),
	]);
	const kpis = request.ids.flatMap((id) => {
		const definition = kpiDefinition(id);
		if (!definition) return [];
		const value = current.values[id] ?? null;
		const previousValue = before.values[id] ?? null;
		return [
			{
				id,
				label: definition.label,
				unit: definition.unit,
				direction: definition.direction,
				value,
				previous: previousValue,
				change: change(value, previousValue, definition.direction),
				goal: goalProgress(settings.goals.get(id), value, previousValue, definition.direction),
				details: current.details[id] ?? null,
			},
		];
	});
	return { period: periodJson(period), previous_period: periodJson(previous), kpis };
}

export interface TrendRequest {
	id: string;
	unit: PeriodUnit;
	at: CivilDate;
	/** The last point is this many periods before the one containing `at`. */
	offset?: number;
	points: number;
	/** One series per entry; `null` = all customers. */
	segments: readonly (number | null)[];
	filters: Omit<KpiFilters, 'segment'>;
	/** Name the segment series (the caller can read crm_segments). */
	withNames?: boolean;
}

/**
 * A KPI over `points` periods ending with the one containing `at`, one series per segment: computed live from the
 * orders (`live`, segments = their current members), or read from the daily snapshots (`snapshots`, period day only,
 * segments = their members on each night; days without a snapshot are null).
 */
export async function kpiTrend(
	knex: Knex,
	request: TrendRequest,
	settings: KpiSettings,
	options: ComputeOptions & { source?: 'live' | 'snapshots' } = {},
) {
	const definition = kpiDefinition(request.id);
	if (!definition) throw new Error(`unknown KPI ${request.id}`);
	const periods = periodsEndingWith(
		shiftPeriod(periodOf(request.at, request.unit, settings.timeZone), request.offset ?? 0),
		request.points,
	);
	const names = request.withNames ? await segmentNames(knex, request.segments) : new Map<number, string>();
	const livePoints = (segment: number | null) =>
		Promise.all(
			periods.map(async (period) => {
				const { values } = await computeKpis(knex, [request.id], period, { ...request.filters, segment }, options);
				return { ...periodJson(period), value: values[request.id] ?? null };
			}),
		);
	const storedPoints = async (segment: number | null) => {
		const stored = await readSnapshots(knex, request.id, periods[0].key, periods[periods.length - 1].key, segment);
		return periods.map((period) => ({ ...periodJson(period), value: stored.get(period.key) ?? null }));
	};
	const series = await Promise.all(
		request.segments.map(async (segment) => ({
			segment,
			name: segment === null ? null : (names.get(segment) ?? null),
			points: options.source === 'snapshots' ? await storedPoints(segment) : await livePoints(segment),
		})),
	);
	const goal = settings.goals.get(request.id);
	return {
		kpi: request.id,
		label: definition.label,
		unit: definition.unit,
		direction: definition.direction,
		period_unit: request.unit,
		goal: typeof goal === 'number' ? goal : goal && 'target' in goal ? goal.target : null,
		series,
	};
}

async function segmentNames(knex: Knex, segments: readonly (number | null)[]): Promise<Map<number, string>> {
	const ids = segments.filter((s): s is number => s !== null);
	if (!ids.length) return new Map();
	const rows = (await knex('crm_segments').select('id', 'name').whereIn('id', ids)) as { id: number; name: string }[];
	return new Map(rows.map((row) => [Number(row.id), row.name]));
}
