import { describe, expect, it } from 'vitest';
import { KpiCache } from './cache';

describe('KpiCache', () => {
	it('shares one computation per key until the entry expires', async () => {
		let now = 0;
		const cache = new KpiCache(60_000, 10, () => now);
		let calls = 0;
		const compute = async () => ++calls;
		expect(await Promise.all([cache.get('a', compute), cache.get('a', compute)])).toEqual([1, 1]);
		now = 59_999;
		expect(await cache.get('a', compute)).toBe(1);
		now = 60_000;
		expect(await cache.get('a', compute)).toBe(2);
		expect(await cache.get('b', compute)).toBe(3);
	});

	it('forgets failures and evicts the oldest entries beyond its size', async () => {
		const cache = new KpiCache(60_000, 2);
		await expect(cache.get('x', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
		expect(await cache.get('x', async () => 'ok')).toBe('ok');
		await cache.get('y', async () => 1);
		await cache.get('z', async () => 1);
		expect(cache.size).toBe(2);
		expect(await cache.get('x', async () => 'again')).toBe('again');
	});

	it('caches nothing with a zero TTL', async () => {
		const cache = new KpiCache(0);
		let calls = 0;
		await cache.get('a', async () => ++calls);
		await cache.get('a', async () => ++calls);
		expect(calls).toBe(2);
	});
});
