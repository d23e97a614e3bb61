import { describe, it, expect } from 'vitest';
import { minimize, nelderMead } from './optimize';

const rosenbrock = ([x, y]: readonly number[]): number => 100 * (y! - x! * x!) ** 2 + (1 - x!) ** 2;

describe('nelderMead', () => {
	it('finds the minimum of the Rosenbrock function from the classic start', () => {
		const result = nelderMead(rosenbrock, [-1.2, 1]);
		expect(result.converged).toBe(true);
		expect(result.point[0]).toBeCloseTo(1, 4);
		expect(result.point[1]).toBeCloseTo(1, 4);
		expect(result.value).toBeLessThan(1e-8);
	});

	it('minimises a shifted, scaled quadratic in four dimensions', () => {
		const centre = [3, -2, 0.5, 10];
		const scales = [1, 10, 0.1, 5];
		const quadratic = (point: readonly number[]) =>
			point.reduce((sum, coordinate, axis) => sum + scales[axis]! * (coordinate - centre[axis]!) ** 2, 7);
		const result = minimize(quadratic, [0, 0, 0, 0], { initialStep: 1 });
		result.point.forEach((coordinate, axis) => expect(coordinate).toBeCloseTo(centre[axis]!, 4));
		expect(result.value).toBeCloseTo(7, 8);
	});

	it('works in one dimension', () => {
		const result = nelderMead(([x]) => (x! - Math.PI) ** 2, [0]);
		expect(result.point[0]).toBeCloseTo(Math.PI, 5);
	});

	it('treats non-finite values as infeasible', () => {
		// Minimum of (x − 2)² subject to x <= 1, signalled by NaN beyond the bound.
		const result = nelderMead(([x]) => (x! > 1 ? Number.NaN : (x! - 2) ** 2), [0]);
		expect(result.point[0]).toBeLessThanOrEqual(1);
		expect(result.point[0]).toBeCloseTo(1, 5);
	});

	it('reports non-convergence when the iteration budget runs out', () => {
		const result = nelderMead(rosenbrock, [-1.2, 1], { maxIterations: 5 });
		expect(result.converged).toBe(false);
		expect(result.iterations).toBe(5);
	});

	it('rejects an empty start point and mismatched steps', () => {
		expect(() => nelderMead(() => 0, [])).toThrow(RangeError);
		expect(() => nelderMead(() => 0, [1, 2], { initialStep: [1] })).toThrow(RangeError);
	});
});

describe('minimize', () => {
	it('restarts until the Rosenbrock minimum is reached precisely', () => {
		const result = minimize(rosenbrock, [-1.2, 1]);
		expect(result.converged).toBe(true);
		expect(result.point[0]).toBeCloseTo(1, 6);
		expect(result.point[1]).toBeCloseTo(1, 6);
	});
});
