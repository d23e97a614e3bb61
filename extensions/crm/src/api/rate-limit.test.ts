import { describe, expect, it } from 'vitest';
import { TokenBuckets } from './rate-limit';

describe('TokenBuckets', () => {
	it('allows a burst up to the capacity, then refuses until tokens refill', () => {
		const buckets = new TokenBuckets(3, 1 / 1000); // 3 per burst, one a second
		expect([0, 0, 0, 0].map(() => buckets.take('a', 0).ok)).toEqual([true, true, true, false]);
		expect(buckets.take('a', 0).retryAfterSeconds).toBe(1);
		expect(buckets.take('a', 999).ok).toBe(false);
		expect(buckets.take('a', 1000).ok).toBe(true);
		expect(buckets.take('b', 1000).ok).toBe(true); // another IP has its own bucket
	});

	it('never holds more than the capacity after a long pause', () => {
		const buckets = new TokenBuckets(2, 1 / 1000);
		buckets.take('a', 0);
		expect([1, 1, 1].map(() => buckets.take('a', 1_000_000).ok)).toEqual([true, true, false]);
	});

	it('keeps memory bounded by dropping the idlest keys', () => {
		const buckets = new TokenBuckets(5, 1, 100);
		for (let i = 0; i < 1000; i++) buckets.take(`ip-${i}`, i);
		expect(buckets.size).toBeLessThanOrEqual(100);
	});
});
