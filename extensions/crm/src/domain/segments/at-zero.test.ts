import { describe, expect, it } from 'vitest';
import { holdsAtZero } from './at-zero';

describe('holdsAtZero', () => {
	it('judges numeric comparisons at an aggregate of 0', () => {
		expect(holdsAtZero('eq', 0)).toBe(true);
		expect(holdsAtZero('eq', 3)).toBe(false);
		expect(holdsAtZero('gte', 3)).toBe(false);
		expect(holdsAtZero('gte', 0)).toBe(true);
		expect(holdsAtZero('lt', 1000)).toBe(true);
		expect(holdsAtZero('lte', -1)).toBe(false);
		expect(holdsAtZero('neq', 2)).toBe(true);
		expect(holdsAtZero('between', [5, -5])).toBe(true);
		expect(holdsAtZero('between', [1, 5])).toBe(false);
		expect(holdsAtZero('in', [0, 1])).toBe(true);
		expect(holdsAtZero('not_in', [0, 1])).toBe(false);
		expect(holdsAtZero('is_empty', null)).toBe(false);
	});
	it('declines what it cannot judge, so the caller keeps the correlated form', () => {
		expect(holdsAtZero('contains', 'x')).toBeNull();
		expect(holdsAtZero('gt', '3')).toBeNull();
		expect(holdsAtZero('between', [1])).toBeNull();
	});
});
