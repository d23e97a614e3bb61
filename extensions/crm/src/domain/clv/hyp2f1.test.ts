/* eslint-disable no-loss-of-precision -- reference values are written as the reference tool printed them */
import { describe, it, expect } from 'vitest';
import { hyp2f1 } from './hyp2f1';

describe('hyp2f1', () => {
	it('matches elementary closed forms', () => {
		// 2F1(1, 1; 2; z) = −ln(1 − z) / z
		for (const z of [0.1, 0.5, 0.9, -0.3]) {
			expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(-Math.log(1 - z) / z, 13);
		}
		// 2F1(1/2, 1/2; 3/2; z²) = arcsin(z) / z
		expect(hyp2f1(0.5, 0.5, 1.5, 0.25)).toBeCloseTo(Math.PI / 3, 13);
		// 2F1(a, b; b; z) = (1 − z)^(−a)
		expect(hyp2f1(2.7, 1.3, 1.3, 0.6)).toBeCloseTo(Math.pow(0.4, -2.7), 11);
	});

	it('matches reference values (mpmath, 30 digits)', () => {
		expect(hyp2f1(2.243, 4.426, 5.219, 0.474)).toBeCloseTo(3.29795207308082336, 12);
		expect(hyp2f1(0.243, 2.426, 2.219, 0.9)).toBeCloseTo(1.94763116981860186, 12);
		expect(hyp2f1(1.5, 2.5, 3.7, 0.99)).toBeCloseTo(25.4230001175662125, 9);
		expect(hyp2f1(1.2, 3.4, -0.5, 0.3)).toBeCloseTo(-32.7522170672744571, 10);
	});

	it('handles negative z, using the Pfaff transformation below -0.5', () => {
		expect(hyp2f1(0.3, 0.7, 1.9, -0.4)).toBeCloseTo(0.961377855164469395, 13);
		expect(hyp2f1(0.3, 0.7, 1.9, -3)).toBeCloseTo(0.826219869487557191, 13);
	});

	it('terminates as a polynomial when a is a non-positive integer', () => {
		expect(hyp2f1(-3, 2, 1.5, 0.7)).toBeCloseTo(-0.0752, 14);
		expect(hyp2f1(0, 2, 1.5, 0.7)).toBe(1);
	});

	it('is 1 at z = 0', () => {
		expect(hyp2f1(3.1, 4.2, 5.3, 0)).toBe(1);
	});

	it('rejects arguments outside the documented domain', () => {
		expect(() => hyp2f1(1, 1, 2, 1)).toThrow(RangeError);
		expect(() => hyp2f1(1, 1, -2, 0.5)).toThrow(RangeError);
		expect(() => hyp2f1(1, Number.NaN, 2, 0.5)).toThrow(RangeError);
		expect(() => hyp2f1(1, 1, 2, 0.999999, { maxTerms: 100 })).toThrow(/did not converge/);
	});
});
