import { describe, expect, it } from 'vitest';
import { dedupeKey, holdoutBucket, isHeldOut } from './keys';
import { MAX_ATTEMPTS, nextRetryAt } from './retry';

describe('dedupe keys and holdout', () => {
	it('names rule, customer and occurrence', () => {
		expect(dedupeKey(4, 17, 'order:9001')).toBe('rule:4:customer:17:order:9001');
	});

	it('holds out a stable, roughly proportional share of customers per rule', () => {
		expect(holdoutBucket(3, 42)).toBe(holdoutBucket(3, 42));
		const held = Array.from({ length: 10_000 }, (_, i) => isHeldOut(7, i + 1, 10)).filter(Boolean).length;
		expect(held).toBeGreaterThan(900);
		expect(held).toBeLessThan(1100);
		// Different rules hold out different customers.
		const a = Array.from({ length: 1000 }, (_, i) => isHeldOut(1, i, 20));
		const b = Array.from({ length: 1000 }, (_, i) => isHeldOut(2, i, 20));
		expect(a.filter((x, i) => x && b[i]).length).toBeLessThan(100);
		expect(isHeldOut(1, 1, 0)).toBe(false);
		expect(isHeldOut(1, 1, 100)).toBe(true);
		expect(isHeldOut(1, 1, null)).toBe(false);
	});
});

describe('retry backoff', () => {
	it('waits 1, 5, 25 and 125 minutes, then gives up', () => {
		const now = new Date('2026-01-01T00:00:00Z');
		expect([1, 2, 3, 4].map((n) => (nextRetryAt(n, now)!.getTime() - now.getTime()) / 60_000)).toEqual([1, 5, 25, 125]);
		expect(nextRetryAt(MAX_ATTEMPTS, now)).toBeNull();
		expect(MAX_ATTEMPTS).toBe(5);
	});
});
