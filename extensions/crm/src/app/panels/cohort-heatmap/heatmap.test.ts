import { describe, expect, it } from 'vitest';
import { shapeCohorts, SIZE_ROW } from '../../../domain/kpi/cohort';
import { cohortRequest, isEmptyCohorts, toHeatmap } from './heatmap';
import { MESSAGES } from './i18n';

const matrix = shapeCohorts(
	['2026-01', '2026-02'],
	[
		{ cohort: 0, month: SIZE_ROW, customers: 4 },
		{ cohort: 0, month: 0, customers: 4 },
		{ cohort: 0, month: 1, customers: 1 },
		{ cohort: 1, month: SIZE_ROW, customers: 2 },
		{ cohort: 1, month: 1, customers: 2 },
	],
);

describe('cohort heatmap', () => {
	it('asks for the months, channel and segment it is set to', () => {
		expect(cohortRequest({})).toEqual({ path: '/crm/kpi/cohorts', params: { months: '12' } });
		expect(cohortRequest({ months: '6', channel: 'web', segment: 3 })).toEqual({
			path: '/crm/kpi/cohorts',
			params: { months: '6', channel: 'web', segment: '3' },
		});
		expect(cohortRequest({ months: 99, channel: 'Web Shop', segment: 'x' }).params).toEqual({ months: '36' });
	});

	it('shows percentages shaded by rate, or counts shaded by the largest count', () => {
		const percent = toHeatmap(matrix, 'percent', 'en-US');
		expect(percent.columns).toEqual(['M0', 'M1']);
		expect(percent.rows.map((r) => [r.label, r.sizeLabel, r.cells.map((c) => c.label)])).toEqual([
			['Jan 2026', '4', ['100%', '25%']],
			['Feb 2026', '2', ['100%']],
		]);
		expect(percent.rows[0].cells[1]).toMatchObject({
			intensity: 0.25,
			title: 'Of 4 customers acquired in Jan 2026, 1 (25%) bought in month 1',
		});
		// average: (4 + 2) / (4 + 2), 1 / 4
		expect(percent.average.map((c) => c.label)).toEqual(['100%', '25%']);
		const count = toHeatmap(matrix, 'count', 'ko-KR');
		expect(count.columns).toEqual(['0개월', '1개월']);
		expect(count.rows[0].cells.map((c) => [c.label, c.intensity])).toEqual([
			['4', 1],
			['1', 0.25],
		]);
		expect(count.rows[1].label).toBe('2026년 2월');
	});

	it('marks the cells of the month in progress, and the average says it counts complete months only', () => {
		const inProgress = shapeCohorts(
			['2026-01', '2026-02'],
			[
				{ cohort: 0, month: SIZE_ROW, customers: 4 },
				{ cohort: 0, month: 0, customers: 4 },
				{ cohort: 0, month: 1, customers: 1 },
				{ cohort: 1, month: SIZE_ROW, customers: 2 },
				{ cohort: 1, month: 1, customers: 2 },
			],
			1,
		);
		const heat = toHeatmap(inProgress, 'percent', 'ko-KR');
		expect(heat.rows.map((row) => row.cells.map((cell) => cell.complete))).toEqual([[true, false], [false]]);
		expect(heat.rows[0].cells[1].title).toContain('진행 중인 달');
		// Offset 0 from January alone (February is not over), offset 1 from nobody yet.
		expect(heat.average.map((cell) => cell.label)).toEqual(['100%', '–']);
		expect(toHeatmap(inProgress, 'percent', 'en-US').average[0].title).toContain('complete months only');
	});

	it('is empty when nobody was acquired', () => {
		expect(isEmptyCohorts(null)).toBe(true);
		expect(isEmptyCohorts(shapeCohorts(['2026-01'], []))).toBe(true);
		expect(isEmptyCohorts(matrix)).toBe(false);
		expect(Object.keys(MESSAGES['ko-KR']).sort()).toEqual(Object.keys(MESSAGES['en-US']).sort());
	});
});
