import { describe, expect, it } from 'vitest';
import { change, goalProgress, parseGoal, parseGoals } from './compare';

describe('change vs the previous period', () => {
	it('gives the absolute and relative change and whether it is better for the KPI', () => {
		expect(change(0.5, 0.4, 'up')).toEqual({
			absolute: expect.closeTo(0.1, 10),
			relative: expect.closeTo(0.25, 10),
			trend: 'better',
		});
		expect(change(0.5, 0.4, 'down')?.trend).toBe('worse');
		expect(change(-10, -20, 'up')).toMatchObject({ absolute: 10, relative: 0.5, trend: 'better' });
		expect(change(3, 3, 'up')?.trend).toBe('flat');
	});

	it('has no relative change from zero, and no change without both values', () => {
		expect(change(5, 0, 'up')).toEqual({ absolute: 5, relative: null, trend: 'better' });
		expect(change(null, 1, 'up')).toBeNull();
		expect(change(1, null, 'up')).toBeNull();
	});
});

describe('goals', () => {
	it('reads the three goal shapes and ignores anything else', () => {
		expect(parseGoal(0.4)).toBe(0.4);
		expect(parseGoal({ target: 50 })).toEqual({ target: 50 });
		expect(parseGoal({ change: 0.2 })).toEqual({ change: 0.2 });
		expect(parseGoal('0.4')).toBeNull();
		expect(parseGoal({ change: 'a lot' })).toBeNull();
		expect([...parseGoals('{"retention_rate":0.4,"nps":{"target":50},"bad":[1]}')]).toEqual([
			['retention_rate', 0.4],
			['nps', { target: 50 }],
		]);
		expect(parseGoals('not json').size).toBe(0);
		expect(parseGoals(null).size).toBe(0);
		expect(parseGoals([1, 2]).size).toBe(0);
	});

	it('measures progress toward a higher-is-better target', () => {
		expect(goalProgress(0.4, 0.3, null, 'up')).toEqual({
			target: 0.4,
			relativeChange: null,
			progress: expect.closeTo(0.75, 10),
			met: false,
		});
		expect(goalProgress({ target: 50 }, 60, null, 'up')).toMatchObject({ progress: 1.2, met: true });
		expect(goalProgress(0, -5, null, 'up')).toMatchObject({ progress: 0, met: false });
	});

	it('measures a lower-is-better target (churn) as target ÷ value', () => {
		expect(goalProgress(0.3, 0.6, null, 'down')).toMatchObject({ progress: 0.5, met: false });
		expect(goalProgress(0.3, 0, null, 'down')).toMatchObject({ progress: 1, met: true });
	});

	it('turns "+20 % on the previous period" into a target', () => {
		// previous retention 0.5 → target 0.5 + 0.5 × 0.2 = 0.6; value 0.45 → progress 0.45 / 0.6 = 0.75
		expect(goalProgress({ change: 0.2 }, 0.45, 0.5, 'up')).toEqual({
			target: expect.closeTo(0.6, 10),
			relativeChange: 0.2,
			progress: expect.closeTo(0.75, 10),
			met: false,
		});
		expect(goalProgress({ change: 0.2 }, 0.45, null, 'up')).toBeNull();
		expect(goalProgress(undefined, 0.45, 0.5, 'up')).toBeNull();
		expect(goalProgress(0.4, null, null, 'up')).toMatchObject({ progress: 0, met: false });
	});
});
