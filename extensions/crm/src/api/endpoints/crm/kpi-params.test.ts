import { describe, expect, it } from 'vitest';
import { KPI_IDS } from '../../../domain/kpi/definitions';
import { parseCohortParams, parseReportParams, parseTrendParams } from './kpi-params';

describe('/crm/kpi query parameters', () => {
	it('defaults to every KPI for the current month, all customers', () => {
		const { issues, params } = parseReportParams({});
		expect(issues).toEqual([]);
		expect(params).toEqual({
			unit: 'month',
			at: null,
			ids: [...KPI_IDS],
			filters: { tier: null, channel: null, segment: null },
			attributionDays: 7,
			offset: 0,
		});
	});

	it('reads the period, date, KPIs and filters; a numeric tier is an id, other text a code', () => {
		const { issues, params } = parseReportParams({
			kpis: 'nps, aov,nps',
			period: 'week',
			at: '2026-03-01',
			segment: '4',
			tier: 'gold',
			channel: 'web',
			attribution_days: '14',
		});
		expect(issues).toEqual([]);
		expect(params).toMatchObject({
			ids: ['nps', 'aov'],
			unit: 'week',
			at: { year: 2026, month: 3, day: 1 },
			filters: { segment: 4, tier: 'gold', channel: 'web' },
			attributionDays: 14,
		});
		expect(parseReportParams({ tier: '3' }).params.filters.tier).toBe(3);
	});

	it('names every bad parameter', () => {
		const { issues } = parseReportParams({
			kpis: 'revenue,profit',
			period: 'year',
			at: '2026-02-30',
			segment: 'vip',
			tier: 'gold; drop',
			channel: 'Web Shop',
			attribution_days: '0',
		});
		expect(issues.map((i) => i.path)).toEqual([
			'period',
			'at',
			'tier',
			'channel',
			'attribution_days',
			'kpis',
			'segment',
		]);
		expect(parseReportParams({ segment: '1,2' }).issues.map((i) => i.path)).toEqual(['segment']);
		expect(parseReportParams({ back: '-1' }).issues.map((i) => i.path)).toEqual(['back']);
		expect(parseReportParams({ back: '1' }).params.offset).toBe(-1);
	});

	it('takes up to eight segment series for a trend, "all" meaning everyone', () => {
		const { issues, params } = parseTrendParams({ kpi: 'revenue', segment: 'all,3,3,5', points: '6' });
		expect(issues).toEqual([]);
		expect(params).toMatchObject({ id: 'revenue', segments: [null, 3, 5], points: 6, source: 'live' });
		expect(parseTrendParams({ kpi: 'revenue', segment: '1,2,3,4,5,6,7,8,9' }).issues.map((i) => i.path)).toEqual([
			'segment',
		]);
		expect(parseTrendParams({}).issues.map((i) => i.path)).toEqual(['kpi']);
	});

	it('reads snapshots only by day and per segment', () => {
		expect(parseTrendParams({ kpi: 'nps', source: 'snapshots', period: 'day' }).issues).toEqual([]);
		expect(parseTrendParams({ kpi: 'nps', source: 'snapshots' }).issues[0].message).toMatch(/period=day/);
		expect(
			parseTrendParams({ kpi: 'nps', source: 'snapshots', period: 'day', channel: 'web' }).issues[0].message,
		).toMatch(/tier and channel/);
		expect(parseTrendParams({ kpi: 'nps', source: 'cache' }).issues[0].path).toBe('source');
	});

	it('bounds the cohort months', () => {
		expect(parseCohortParams({}).params).toMatchObject({ months: 12, at: null });
		expect(parseCohortParams({ months: '37' }).issues[0].path).toBe('months');
		expect(parseCohortParams({ months: '6', channel: 'app', segment: '2' }).params).toMatchObject({
			months: 6,
			filters: { channel: 'app', segment: 2 },
		});
	});
});
