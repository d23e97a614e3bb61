// GET /crm/kpi, /crm/kpi/trend, /crm/kpi/cohorts for the KPI panels, and POST /crm/kpi/snapshots to write the daily
// snapshots now. Callers need read on crm_customers; each KPI also needs its sources (crm_orders, crm_feedback, the
// outbox and rules for ROI): KPIs the caller cannot read are skipped and listed. A segment filter needs read on
// crm_segment_members. Computed values are cached for 60 s per process.
import type { Accountability } from '@directus/types';
import type { Router } from 'express';
import type { Knex } from 'knex';
import { kpiDefinition } from '../../../domain/kpi/definitions';
import { civilDateOf, formatCivil, parseCivil } from '../../../domain/kpi/period';
import { KpiCache } from '../../../data/kpi/cache';
import { cohortMatrix } from '../../../data/kpi/cohorts';
import { kpiReport, kpiTrend, readKpiSettings } from '../../../data/kpi/report';
import { writeDailySnapshots, writeMissingSnapshots } from '../../../data/kpi/snapshots';
import { canAccess, forbidden, invalid } from '../../access';
import { parseCohortParams, parseReportParams, parseTrendParams } from './kpi-params';

type Req = { accountability?: Accountability | null; query: Record<string, unknown>; body?: unknown };
type Res = Parameters<typeof forbidden>[0] & { json(body: unknown): void };

/** Which of `collections` the caller can read. */
async function readable(
	knex: Knex,
	accountability: Accountability | null | undefined,
	collections: readonly string[],
): Promise<Set<string>> {
	const unique = [...new Set(collections)];
	const allowed = await Promise.all(unique.map((c) => canAccess(knex, accountability, c, 'read')));
	return new Set(unique.filter((_, i) => allowed[i]));
}

/** The shared checks: crm_customers always, crm_segment_members with a segment filter. False when it answered 403. */
async function gate(
	knex: Knex,
	req: Req,
	res: Res,
	extra: readonly string[],
	segments: readonly (number | null)[],
): Promise<Set<string> | false> {
	const needed = ['crm_customers', 'crm_segment_members', 'crm_segments', ...extra];
	const can = await readable(knex, req.accountability, needed);
	const missing = !can.has('crm_customers')
		? 'crm_customers'
		: segments.some((s) => s !== null) && !can.has('crm_segment_members')
			? 'crm_segment_members'
			: null;
	if (!missing) return can;
	forbidden(res, missing, 'read');
	return false;
}

const sourcesOf = (ids: readonly string[]) => ids.flatMap((id) => kpiDefinition(id)?.sources ?? []);

export function kpiRoutes(router: Router, database: Knex, cache = new KpiCache()) {
	router.get('/kpi', async (req, res, next) => {
		try {
			const { issues, params } = parseReportParams(req.query);
			if (issues.length) return invalid(res, issues);
			const can = await gate(database, req as Req, res, sourcesOf(params.ids), [params.filters.segment]);
			if (!can) return;
			const allowed = params.ids.filter((id) => kpiDefinition(id)!.sources.every((c) => can.has(c)));
			const settings = await readKpiSettings(database);
			const at = params.at ?? civilDateOf(new Date(), settings.timeZone);
			const report = await kpiReport(
				database,
				{ ids: allowed, unit: params.unit, at, offset: params.offset, filters: params.filters },
				settings,
				{ cache, attributionDays: params.attributionDays },
			);
			res.json({
				data: {
					...report,
					time_zone: settings.timeZone,
					filters: params.filters,
					skipped: params.ids.filter((id) => !allowed.includes(id)),
				},
			});
		} catch (error) {
			next(error);
		}
	});

	router.get('/kpi/trend', async (req, res, next) => {
		try {
			const { issues, params } = parseTrendParams(req.query);
			if (issues.length) return invalid(res, issues);
			const sources = kpiDefinition(params.id)!.sources;
			const can = await gate(
				database,
				req as Req,
				res,
				[...sources, ...(params.source === 'snapshots' ? ['crm_kpi_snapshots'] : [])],
				params.segments,
			);
			if (!can) return;
			const missing = [...sources, ...(params.source === 'snapshots' ? ['crm_kpi_snapshots'] : [])].find(
				(c) => !can.has(c),
			);
			if (missing) return forbidden(res, missing, 'read');
			const settings = await readKpiSettings(database);
			const at = params.at ?? civilDateOf(new Date(), settings.timeZone);
			const request = {
				id: params.id,
				unit: params.unit,
				at,
				offset: params.offset,
				points: params.points,
				segments: params.segments,
				filters: params.filters,
				withNames: can.has('crm_segments'),
			};
			res.json({
				data: await kpiTrend(database, request, settings, {
					cache,
					attributionDays: params.attributionDays,
					source: params.source,
				}),
			});
		} catch (error) {
			next(error);
		}
	});

	router.get('/kpi/cohorts', async (req, res, next) => {
		try {
			const { issues, params } = parseCohortParams(req.query);
			if (issues.length) return invalid(res, issues);
			const can = await gate(database, req as Req, res, ['crm_orders'], [params.filters.segment]);
			if (!can) return;
			if (!can.has('crm_orders')) return forbidden(res, 'crm_orders', 'read');
			const settings = await readKpiSettings(database);
			const at = params.at ?? civilDateOf(new Date(), settings.timeZone);
			const matrix = await cohortMatrix(
				database,
				{ months: params.months, at, offset: params.offset, timeZone: settings.timeZone, filters: params.filters },
				cache,
			);
			res.json({ data: { ...matrix, time_zone: settings.timeZone, filters: params.filters } });
		} catch (error) {
			next(error);
		}
	});

	// POST {"day": "2026-03-01"} writes that day's snapshots (rows already there stay); {"days": 7} writes the last
	// `days` (1-90) complete days that have none yet, as the nightly job does. CRM managers (update on crm_settings).
	router.post('/kpi/snapshots', async (req, res, next) => {
		try {
			if (!(await canAccess(database, (req as Req).accountability, 'crm_settings', 'update')))
				return forbidden(res, 'crm_settings', 'update');
			const body = (req.body ?? {}) as { day?: unknown; days?: unknown };
			const day = typeof body.day === 'string' ? parseCivil(body.day) : null;
			if (body.day !== undefined && !day)
				return invalid(res, [{ path: 'day', message: 'must be a date as YYYY-MM-DD' }]);
			const days = Number(body.days ?? 7);
			if (!Number.isInteger(days) || days < 1 || days > 90)
				return invalid(res, [{ path: 'days', message: 'must be an integer from 1 to 90' }]);
			const { timeZone } = await readKpiSettings(database);
			if (day)
				res.json({ data: { day: formatCivil(day), inserted: await writeDailySnapshots(database, day, timeZone) } });
			else res.json({ data: { written: await writeMissingSnapshots(database, new Date(), timeZone, days) } });
		} catch (error) {
			next(error);
		}
	});
}
