// KPI values for a period: runs only the group queries the requested KPIs need, through the cache.
import type { Knex } from 'knex';
import { kpiDefinition, type KpiGroup } from '../../domain/kpi/definitions';
import { previousPeriod, type Period } from '../../domain/kpi/period';
import {
	feedbackKpis,
	followupKpis,
	ltvKpis,
	orderKpis,
	type GroupResult,
	type KpiDetails,
	type KpiValues,
} from '../../domain/kpi/values';
import { NO_CACHE, type KpiCache } from './cache';
import { filterKey, type KpiFilters } from './filters';
import {
	DEFAULT_ATTRIBUTION_DAYS,
	feedbackAggregates,
	followupAggregates,
	ltvAggregates,
	orderAggregates,
} from './queries';

export interface ComputeOptions {
	attributionDays?: number;
	cache?: KpiCache;
}

async function runGroup(
	knex: Knex,
	group: KpiGroup,
	period: Period,
	filters: KpiFilters,
	attributionDays: number,
): Promise<GroupResult> {
	switch (group) {
		case 'orders':
			return orderKpis(await orderAggregates(knex, period, previousPeriod(period), filters));
		case 'ltv':
			return ltvKpis(await ltvAggregates(knex, period, filters));
		case 'feedback':
			return feedbackKpis(await feedbackAggregates(knex, period, filters));
		case 'followups':
			return followupKpis(await followupAggregates(knex, period, filters, attributionDays));
	}
}

/** One group's KPIs for one period and filter set (cached by all of them). */
export function groupResult(
	knex: Knex,
	group: KpiGroup,
	period: Period,
	filters: KpiFilters,
	options: ComputeOptions = {},
): Promise<GroupResult> {
	const attributionDays = options.attributionDays ?? DEFAULT_ATTRIBUTION_DAYS;
	const key = [
		group,
		period.unit,
		period.key,
		period.timeZone,
		filterKey(filters),
		group === 'followups' ? attributionDays : '',
	].join('|');
	return (options.cache ?? NO_CACHE).get(key, () => runGroup(knex, group, period, filters, attributionDays));
}

/** The values (and details) of `ids` for `period`; unknown ids are ignored. */
export async function computeKpis(
	knex: Knex,
	ids: readonly string[],
	period: Period,
	filters: KpiFilters,
	options: ComputeOptions = {},
): Promise<{ values: KpiValues; details: KpiDetails }> {
	const groups = [...new Set(ids.map((id) => kpiDefinition(id)?.group).filter((g): g is KpiGroup => Boolean(g)))];
	const results = await Promise.all(groups.map((group) => groupResult(knex, group, period, filters, options)));
	const values: KpiValues = {};
	const details: KpiDetails = {};
	for (const result of results) {
		Object.assign(values, result.values);
		Object.assign(details, result.details);
	}
	const wanted = new Set(ids);
	return {
		values: Object.fromEntries(Object.entries(values).filter(([id]) => wanted.has(id))),
		details: Object.fromEntries(Object.entries(details).filter(([id]) => wanted.has(id))),
	};
}
