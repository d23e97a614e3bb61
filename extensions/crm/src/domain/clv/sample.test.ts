import { describe, expect, it } from 'vitest';
import { systematicSample } from './sample';

describe('systematicSample', () => {
	const ids = Array.from({ length: 1000 }, (_, i) => i + 1);

	it('keeps everything up to the limit', () => {
		expect(systematicSample(ids, 1000)).toEqual(ids);
		expect(systematicSample(ids, 5000)).toEqual(ids);
	});

	it('takes every k-th item, so the sample spans the whole list evenly and never exceeds the limit', () => {
		expect(systematicSample(ids, 250)).toEqual(ids.filter((id) => id % 4 === 1));
		const sample = systematicSample(ids, 300); // stride 4 as well: ceil(1000 / 300)
		expect(sample).toHaveLength(250);
		expect(sample[0]).toBe(1);
		expect(sample.at(-1)).toBe(997);
		expect(systematicSample(ids, 999)).toHaveLength(500);
	});

	it('rejects a limit that is not a positive integer', () => {
		expect(() => systematicSample(ids, 0)).toThrow(RangeError);
		expect(() => systematicSample(ids, 2.5)).toThrow(RangeError);
	});
});
