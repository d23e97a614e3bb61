import { describe, expect, it } from 'vitest';
import { cardRequests, sparkline, toCardView, type ReportData } from './card';
import { MESSAGES } from './i18n';

const report = (patch: Partial<ReportData['kpis'][number]> = {}, skipped: string[] = []): ReportData => ({
	period: { key: '2026-03', unit: 'month' },
	previous_period: { key: '2026-02' },
	kpis: skipped.length
		? []
		: [
				{
					id: 'retention_rate',
					unit: 'ratio',
					value: 2 / 3,
					previous: 0.5,
					change: { absolute: 1 / 6, relative: 1 / 3, trend: 'better' },
					goal: { target: 0.8, progress: 2 / 3 / 0.8, met: false },
					...patch,
				},
			],
	skipped,
});

describe('cardRequests', () => {
	it('asks for the KPI and its sparkline, with the segment when one is set', () => {
		expect(cardRequests({ kpi: 'nps', period: 'quarter', segment: '4', points: 8 })).toEqual({
			report: { path: '/crm/kpi', params: { kpis: 'nps', period: 'quarter', segment: '4' } },
			trend: { path: '/crm/kpi/trend', params: { kpi: 'nps', period: 'quarter', points: '8', segment: '4' } },
		});
		// The last complete period: one period back from today's
		expect(cardRequests({ kpi: 'nps', completed: true }).report.params).toEqual({
			kpis: 'nps',
			period: 'month',
			back: '1',
		});
		expect(cardRequests({ kpi: 'nps', completed: true }).trend.params.back).toBe('1');
	});

	it('falls back to revenue by month for unknown or missing options', () => {
		expect(cardRequests({ kpi: 'profit', period: 'year', segment: 'x', points: null })).toEqual({
			report: { path: '/crm/kpi', params: { kpis: 'revenue', period: 'month' } },
			trend: { path: '/crm/kpi/trend', params: { kpi: 'revenue', period: 'month', points: '12' } },
		});
	});
});

describe('sparkline', () => {
	it('scales values into the box, lowest at the bottom, with gaps at nulls', () => {
		const spark = sparkline([0, 10, null, 5], 100, 20, 0)!;
		expect(spark.line).toBe('M0,20 L33.3,0 M100,10');
		expect(spark.last).toEqual({ x: 100, y: 10 });
		expect(spark.area.endsWith('L100,20 L0,20 Z')).toBe(true);
		expect(sparkline([3, 3], 10, 10, 0)!.line).toBe('M0,5 L10,5');
		expect(sparkline([null, 1], 10, 10)).toBeNull();
	});
});

describe('toCardView', () => {
	it('shows the value, the change in points, the previous value, the sparkline and the goal', () => {
		const view = toCardView(
			report(),
			{
				series: [
					{
						points: [
							{ key: '2026-01', value: 0.4 },
							{ key: '2026-02', value: 0.5 },
							{ key: '2026-03', value: 2 / 3 },
						],
					},
				],
			},
			'ko-KR',
			'KRW',
		);
		expect(view).toMatchObject({
			state: 'value',
			label: '고객 유지율',
			value: '66.7%',
			periodLabel: '2026년 3월',
			change: { label: '+16.7%p', trend: 'better' },
			previous: '직전 기간: 50%',
			goal: { label: '목표 80%', percent: 83, met: false },
		});
		expect(view.state === 'value' && view.spark?.line.startsWith('M3,')).toBe(true);
	});

	it('says when the goal is met, and caps the bar', () => {
		const view = toCardView(
			report({
				id: 'aov',
				unit: 'money',
				value: 52_500,
				previous: 36_666,
				goal: { target: 44_000, progress: 1.19, met: true },
			}),
			null,
			'en-US',
			'KRW',
		);
		expect(view).toMatchObject({
			state: 'value',
			label: 'Average order value',
			value: '₩52,500',
			goal: { label: 'Goal met', percent: 100, met: true },
			spark: null,
		});
	});

	it('has an empty state without a value and a skipped state without access', () => {
		expect(toCardView(report({ value: null }), null, 'en-US', 'KRW')).toEqual({
			state: 'empty',
			label: 'Retention rate',
			message: 'No data for Mar 2026',
		});
		expect(toCardView(report({}, ['nps']), null, 'ko-KR', 'KRW')).toEqual({ state: 'skipped', label: 'NPS' });
	});

	it('has the same labels in both languages', () => {
		expect(Object.keys(MESSAGES['ko-KR']).sort()).toEqual(Object.keys(MESSAGES['en-US']).sort());
	});
});
