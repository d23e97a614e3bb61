import { describe, it, expect } from 'vitest';
import { logAddExp, logBeta, logGamma } from './special-functions';

describe('logGamma', () => {
	it('matches factorials at integers', () => {
		let factorial = 1;
		for (let n = 1; n <= 25; n++) {
			expect(logGamma(n)).toBeCloseTo(Math.log(factorial), 12);
			factorial *= n;
		}
	});

	it('matches known non-integer values', () => {
		expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
		expect(logGamma(1.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI) / 2), 13);
		expect(logGamma(0.1)).toBeCloseTo(2.252712651734206, 12);
		expect(logGamma(0.243)).toBeCloseTo(1.3180435846996699, 12);
		expect(logGamma(100.5)).toBeCloseTo(361.4355404677776, 9);
		expect(logGamma(1e-8)).toBeCloseTo(18.420680738180209, 8);
	});

	it('is NaN outside its domain', () => {
		expect(logGamma(0)).toBeNaN();
		expect(logGamma(-1.5)).toBeNaN();
		expect(logGamma(Number.NaN)).toBeNaN();
	});
});

describe('logBeta', () => {
	it('matches closed forms', () => {
		expect(logBeta(1, 1)).toBeCloseTo(0, 13);
		expect(logBeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 13);
		expect(logBeta(0.5, 0.5)).toBeCloseTo(Math.log(Math.PI), 13);
	});

	it('is symmetric', () => {
		expect(logBeta(0.793, 2.426)).toBeCloseTo(logBeta(2.426, 0.793), 14);
	});
});

describe('logAddExp', () => {
	it('adds in log space without overflow', () => {
		expect(logAddExp(Math.log(2), Math.log(3))).toBeCloseTo(Math.log(5), 14);
		expect(logAddExp(1000, 1000)).toBeCloseTo(1000 + Math.log(2), 12);
		expect(logAddExp(-1000, -1000)).toBeCloseTo(-1000 + Math.log(2), 12);
		expect(logAddExp(Number.NEGATIVE_INFINITY, 3)).toBe(3);
		expect(logAddExp(Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY)).toBe(Number.NEGATIVE_INFINITY);
	});
});
