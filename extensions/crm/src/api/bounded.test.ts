import { describe, expect, it } from 'vitest';
import { boundedRunner, cachedFor } from './bounded';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('boundedRunner', () => {
	it('never runs more than the limit at once, runs everything, in arrival order, and passes results and errors through', async () => {
		const run = boundedRunner(3);
		let active = 0;
		let peak = 0;
		const started: number[] = [];
		const tasks = Array.from({ length: 3000 }, (_, i) =>
			run(async () => {
				started.push(i);
				active++;
				peak = Math.max(peak, active);
				await tick();
				active--;
				if (i === 7) throw new Error('task 7 failed');
				return i * 2;
			}),
		);
		const results = await Promise.allSettled(tasks);
		expect(peak).toBe(3);
		expect(started).toEqual(Array.from({ length: 3000 }, (_, i) => i));
		expect(results[7]).toMatchObject({ status: 'rejected', reason: new Error('task 7 failed') });
		expect(
			results.filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<number>).value),
		).toEqual(Array.from({ length: 3000 }, (_, i) => i * 2).filter((v) => v !== 14));
		// The slots are all free again: a new task starts at once.
		let ranNow = false;
		const later = run(async () => (ranNow = true));
		expect(ranNow).toBe(true);
		await later;
	});
});

describe('cachedFor', () => {
	it('loads once per key within the time to live, again after it, and forgets failures', async () => {
		let now = 0;
		let loads = 0;
		let fail = false;
		const get = cachedFor(
			10_000,
			async (key: string) => {
				loads++;
				if (fail) throw new Error('down');
				return `${key}:${loads}`;
			},
			() => now,
		);
		expect(await get('a')).toBe('a:1');
		now = 9_999;
		expect(await get('a')).toBe('a:1');
		expect(await get('b')).toBe('b:2');
		now = 10_000;
		fail = true;
		await expect(get('a')).rejects.toThrow('down');
		await tick();
		fail = false;
		expect(await get('a')).toBe('a:4');
		get.clear();
		expect(await get('a')).toBe('a:5');
		expect(loads).toBe(5);
	});
});
