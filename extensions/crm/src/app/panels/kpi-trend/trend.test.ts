import { describe, expect, it } from 'vitest';
import { MESSAGES } from './i18n';
import { isEmptyTrend, niceStep, toChart, trendRequest, type TrendData } from './trend';

const data: TrendData = {
	kpi: 'revenue',
	unit: 'money',
	goal: null,
	series: [
		{
			segment: null,
			name: null,
			points: [
				{ key: '2026-01', value: 180_000 },
				{ key: '2026-02', value: 110_000 },
				{ key: '2026-03', value: 210_000 },
			],
		},
		{
			segment: 7,
			name: 'VIP',
			points: [
				{ key: '2026-01', value: 100_000 },
				{ key: '2026-02', value: null },
				{ key: '2026-03', value: 100_000 },
			],
		},
	],
};

describe('trendRequest', () => {
	it('asks for the KPI by period for all customers and the chosen segments', () => {
		expect(trendRequest({ kpi: 'nps', period: 'quarter', points: '8', segments: 'all, 7', channel: 'web' })).toEqual({
			path: '/crm/kpi/trend',
			params: { kpi: 'nps', period: 'quarter', points: '8', segment: 'all,7', channel: 'web' },
		});
		expect(trendRequest({})).toEqual({
			path: '/crm/kpi/trend',
			params: { kpi: 'revenue', period: 'month', points: '12', segment: 'all' },
		});
		expect(trendRequest({ segments: ['3'], points: 500, completed: true }).params).toMatchObject({
			segment: '3',
			points: '60',
			back: '1',
		});
	});
});

describe('toChart', () => {
	it('scales from zero to a round maximum, one line per series, gaps at nulls', () => {
		const chart = toChart(data, 'en-US', 'KRW', { width: 400, height: 200 });
		// plot: x 72..372, y 12..172; values up to 210,000 → steps of 50,000 to 250,000
		expect(chart.yTicks.map((t) => t.label)).toEqual(['₩0', '₩50K', '₩100K', '₩150K', '₩200K', '₩250K']);
		expect(chart.yTicks[0].y).toBe(172);
		expect(chart.series[0]).toMatchObject({ key: 'all', name: 'All customers', path: 'M72,56.8 L222,101.6 L372,37.6' });
		expect(chart.series[1]).toMatchObject({ key: '7', name: 'VIP', path: 'M72,108 M372,108' });
		expect(chart.series[1].dots).toHaveLength(2);
		expect(chart.series[0].dots[2].title).toBe('All customers · Mar 2026: ₩210,000');
		expect(chart.xLabels.map((l) => l.label)).toEqual(['Jan 26', 'Feb 26', 'Mar 26']);
		expect(chart.goal).toBeNull();
		// Twelve months: every second one, ending with the latest
		const year = toChart(
			{
				...data,
				series: [
					{
						segment: null,
						name: null,
						points: Array.from({ length: 12 }, (_, i) => ({ key: `2025-${String(i + 1).padStart(2, '0')}`, value: i })),
					},
				],
			},
			'en-US',
			'KRW',
		);
		expect(year.xLabels.map((l) => l.label)).toEqual(['Feb 25', 'Apr 25', 'Jun 25', 'Aug 25', 'Oct 25', 'Dec 25']);
	});

	it('draws the goal line and names unnamed segments', () => {
		const chart = toChart(
			{
				kpi: 'retention_rate',
				unit: 'ratio',
				goal: 0.8,
				series: [{ segment: 3, name: null, points: [{ key: '2026-Q1', value: 0.5 }] }],
			},
			'ko-KR',
			'KRW',
			{ width: 400, height: 200 },
		);
		expect(chart.goal).toEqual({ y: 12, label: '목표 80%' }); // 0..0.8 in steps of 0.2: the goal is the top line
		expect(chart.series[0].name).toBe('세그먼트 #3');
		expect(chart.series[0].path).toBe('M222,72'); // 172 − 0.5 / 0.8 × 160
	});

	it('knows when there is nothing to draw', () => {
		expect(isEmptyTrend(null)).toBe(true);
		expect(
			isEmptyTrend({ ...data, series: [{ segment: null, name: null, points: [{ key: '2026-01', value: null }] }] }),
		).toBe(true);
		expect(isEmptyTrend(data)).toBe(false);
		expect([niceStep(210_000), niceStep(1), niceStep(0), niceStep(7)]).toEqual([50_000, 0.2, 1, 2]);
		expect(Object.keys(MESSAGES['ko-KR']).sort()).toEqual(Object.keys(MESSAGES['en-US']).sort());
	});
});
