/** KPIs: definitions as data, reporting periods in the CRM time zone, values from aggregates, comparison and goals, cohorts. Pure; the SQL lives in data/kpi. */
export { KPI_DEFINITIONS, KPI_IDS, kpiDefinition, kpiLabel } from './definitions';
export type { KpiDefinition, KpiGroup, KpiUnit, Text } from './definitions';
export {
	civil,
	civilDateOf,
	formatCivil,
	isPeriodUnit,
	parseCivil,
	periodContaining,
	periodOf,
	periodsEndingWith,
	PERIOD_UNITS,
	previousPeriod,
	shiftPeriod,
	startOfCivilDay,
} from './period';
export type { CivilDate, Period, PeriodUnit } from './period';
export { change, goalProgress, parseGoal, parseGoals } from './compare';
export type { Change, GoalProgress, GoalSpec } from './compare';
export { feedbackKpis, followupKpis, ltvKpis, orderKpis } from './values';
export type {
	FeedbackAggregates,
	FollowupAggregates,
	GroupResult,
	KpiDetails,
	KpiValues,
	LtvAggregates,
	OrderAggregates,
} from './values';
export { shapeCohorts, SIZE_ROW } from './cohort';
export type { CohortCell, CohortMatrix, CohortRow, CohortRowInput } from './cohort';
