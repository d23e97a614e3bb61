// The extension's sources use extensionless relative imports (bundler style), which Node's type stripping cannot
// resolve. tsx (installed with directus) registers a loader that can, so the bench imports the real modules.
import { register } from 'tsx/esm/api';

register();

const src = new URL('../../extensions/crm/src/', import.meta.url);
const load = (path: string) => import(new URL(path, src).href);

export async function loadExtensionCode() {
	const segments = await load('data/segments/segment-query.ts');
	const rfm = await load('data/rfm/rfm-scores-query.ts');
	const stats = await load('data/customer-stats-repo.ts');
	const kpiReport = await load('data/kpi/report.ts');
	const kpiCache = await load('data/kpi/cache.ts');
	const kpiDefinitions = await load('domain/kpi/definitions.ts');
	const period = await load('domain/kpi/period.ts');
	const clvRefit = await load('data/clv/clv-refit.ts');
	const clv = await load('domain/clv/index.ts');
	const templates = await load('domain/templates/index.ts');
	const duplicates = await load('data/merge/find-duplicates.ts');
	return {
		compileSegmentQuery: segments.compileSegmentQuery as (knex: unknown, rule: unknown, options: { now: Date }) => any,
		applyRfmScores: rfm.applyRfmScores as (knex: unknown, options: { now: Date; windowDays: number }) => Promise<void>,
		applyStatsDelta: stats.applyStatsDelta as (
			knex: unknown,
			delta: unknown,
			excluded?: (string | number)[],
		) => Promise<void>,
		kpi: {
			kpiReport: kpiReport.kpiReport as (
				knex: unknown,
				request: unknown,
				settings: unknown,
				options?: { cache?: unknown },
			) => Promise<KpiReport>,
			readKpiSettings: kpiReport.readKpiSettings as (knex: unknown) => Promise<{ timeZone: string }>,
			KpiCache: kpiCache.KpiCache as new () => unknown,
			definitions: kpiDefinitions.KPI_DEFINITIONS as { id: string; group: string }[],
			periodOf: period.periodOf as (at: Civil, unit: string, timeZone: string) => Period,
			shiftPeriod: period.shiftPeriod as (period: Period, n: number) => Period,
			previousPeriod: period.previousPeriod as (period: Period) => Period,
		},
		clv: {
			clvSummaries: clvRefit.clvSummaries as (knex: unknown, end: Date) => Promise<ClvSummary[]>,
			fitClvModels: clvRefit.fitClvModels as (rows: ClvSummary[]) => {
				fits: {
					model: { kind: string; params: Record<string, number> };
					logLikelihood: number;
					converged: boolean;
				}[];
				spend: { params: Record<string, number>; converged: boolean; customerCount: number } | null;
				fittedOn: number;
				fitMs: Record<string, number>;
			},
			parseCdnowTransactions: clv.parseCdnowTransactions as (
				text: string,
			) => { customerId: string; date: string; amount: number }[],
		},
		templates,
		merge: {
			findDuplicatePairs: duplicates.findDuplicatePairs as (
				knex: unknown,
				options: { limit: number; customer?: number },
			) => Promise<{ a: number; b: number; reasons: string[]; score: number }[]>,
		},
	};
}

export interface Civil {
	year: number;
	month: number;
	day: number;
}
export interface Period {
	unit: string;
	key: string;
	start: Date;
	end: Date;
	timeZone: string;
}
export interface KpiReport {
	period: { key: string };
	kpis: { id: string; value: number | null; previous: number | null }[];
}
export interface ClvSummary {
	customer: number;
	frequency: number;
	recency: number;
	age: number;
	meanRepeatValue: number | null;
}

export type ExtensionCode = Awaited<ReturnType<typeof loadExtensionCode>>;
