import { describe, expect, it } from 'vitest';
import { shapeCohorts, SIZE_ROW } from './cohort';

describe('shapeCohorts', () => {
	it('builds the triangle with counts and rates, and a size-weighted average per offset', () => {
		const months = ['2026-01', '2026-02', '2026-03'];
		const rows = [
			{ cohort: 0, month: SIZE_ROW, customers: 4 },
			{ cohort: 0, month: 0, customers: 4 },
			{ cohort: 0, month: 1, customers: 2 },
			{ cohort: 0, month: 2, customers: '1' },
			{ cohort: 1, month: SIZE_ROW, customers: 2 },
			{ cohort: 1, month: 1, customers: 2 },
			{ cohort: '1', month: '2', customers: 1 },
			{ cohort: 2, month: SIZE_ROW, customers: 0 },
			{ cohort: null, month: 1, customers: 9 },
			{ cohort: 0, month: null, customers: 9 },
		];
		const matrix = shapeCohorts(months, rows);
		expect(matrix.months).toEqual(months);
		expect(matrix.cohorts.map((c) => [c.key, c.size, c.cells.map((cell) => cell.customers)])).toEqual([
			['2026-01', 4, [4, 2, 1]],
			['2026-02', 2, [2, 1]],
			['2026-03', 0, [0]],
		]);
		expect(matrix.cohorts[0].cells.map((c) => c.rate)).toEqual([1, 0.5, 0.25]);
		expect(matrix.cohorts[2].cells[0].rate).toBeNull();
		// offset 0: (4 + 2 + 0) / (4 + 2 + 0) = 1; offset 1: (2 + 1) / (4 + 2) = 0.5; offset 2: 1 / 4
		expect(matrix.average).toEqual([1, 0.5, 0.25]);
	});

	it('ignores rows outside the months and is all zeros without data', () => {
		const matrix = shapeCohorts(
			['2026-01'],
			[
				{ cohort: 3, month: 3, customers: 1 },
				{ cohort: 0, month: 5, customers: 1 },
			],
		);
		expect(matrix.cohorts).toEqual([
			{ key: '2026-01', size: 0, cells: [{ offset: 0, customers: 0, rate: null, complete: true }] },
		]);
		expect(matrix.average).toEqual([null]);
	});

	it('marks the cells of the month in progress and leaves them out of the average', () => {
		// March is 4 days old: its purchases so far would read as churn.
		const months = ['2026-01', '2026-02', '2026-03'];
		const rows = [
			{ cohort: 0, month: SIZE_ROW, customers: 10 },
			{ cohort: 0, month: 0, customers: 10 },
			{ cohort: 0, month: 1, customers: 4 },
			{ cohort: 0, month: 2, customers: 1 },
			{ cohort: 1, month: SIZE_ROW, customers: 10 },
			{ cohort: 1, month: 1, customers: 10 },
			{ cohort: 1, month: 2, customers: 0 },
			{ cohort: 2, month: SIZE_ROW, customers: 3 },
			{ cohort: 2, month: 2, customers: 3 },
		];
		const matrix = shapeCohorts(months, rows, 2);
		expect(matrix.cohorts.map((c) => c.cells.map((cell) => cell.complete))).toEqual([
			[true, true, false],
			[true, false],
			[false],
		]);
		// offset 0: (10 + 10) / 20, without March's cohort; offset 1: January's 4 / 10 alone, not (4 + 0) / 20;
		// offset 2: only March could tell, and it is not over.
		expect(matrix.average).toEqual([1, 0.4, null]);
		expect(shapeCohorts(months, rows).average).toEqual([1, 0.2, 0.1]);
	});
});
