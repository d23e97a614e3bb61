import { describe, expect, it } from 'vitest';
import { parseSizeRange, sizeSeries, SEGMENT_SIZE_KPI } from './segment-size';

const today = { year: 2026, month: 3, day: 1 };

describe('segment size range', () => {
	it('defaults to the 30 days up to yesterday, across a month end', () => {
		const { range } = parseSizeRange({}, today);
		expect(range).toEqual({ from: { year: 2026, month: 1, day: 30 }, to: { year: 2026, month: 2, day: 28 } });
	});
	it('takes explicit days and refuses bad ones, naming the parameter', () => {
		expect(parseSizeRange({ from: '2026-02-27', to: '2026-03-01' }, today).range).toEqual({
			from: { year: 2026, month: 2, day: 27 },
			to: { year: 2026, month: 3, day: 1 },
		});
		expect(parseSizeRange({ from: '2026-02-30' }, today).issues.map((i) => i.path)).toEqual(['from']);
		expect(parseSizeRange({ to: ['2026-02-01'] }, today).issues.map((i) => i.path)).toEqual(['to']);
		expect(parseSizeRange({ from: '2026-03-02', to: '2026-03-01' }, today).issues).toEqual([
			{ path: 'from', message: 'must not be after "to"' },
		]);
		expect(parseSizeRange({ from: '2025-01-01', to: '2026-01-02' }, today).issues.map((i) => i.path)).toEqual(['from']);
		expect(parseSizeRange({ from: '2025-01-01', to: '2026-01-01' }, today).issues).toEqual([]); // 366 days
	});
	it('lists every day, with null where nothing was recorded', () => {
		const range = parseSizeRange({ from: '2028-02-28', to: '2028-03-01' }, today).range!;
		expect(
			sizeSeries(
				range,
				new Map([
					['2028-02-29', 4],
					['2028-03-01', 0],
				]),
			),
		).toEqual([
			{ day: '2028-02-28', value: null },
			{ day: '2028-02-29', value: 4 },
			{ day: '2028-03-01', value: 0 },
		]);
	});
	it('labels the stored KPI in Korean and English', () => {
		expect(SEGMENT_SIZE_KPI).toMatchObject({ id: 'segment_size', label: { ko: '세그먼트 규모', en: 'Segment size' } });
	});
});
