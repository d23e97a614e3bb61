import { describe, expect, it } from 'vitest';
import { forEachIsolated } from './isolate';

describe('forEachIsolated (#15 finding 5)', () => {
	it('goes on past a failing item, reporting it without its SQL, even when reporting fails', async () => {
		const done: number[] = [];
		const reported: string[] = [];
		const failed = await forEachIsolated(
			[1, 2, 3, 4],
			async (id) => {
				if (id === 1)
					throw new Error(
						"select * from crm_customers where email in ('kim@example.kr') - SQLITE_ERROR: too many SQL variables",
					);
				if (id === 3) throw new Error('segment 3 not found');
				done.push(id);
			},
			(id, reason) => {
				reported.push(`${id}: ${reason}`);
				if (id === 3) throw new Error('database down');
			},
		);
		expect(done).toEqual([2, 4]);
		expect(failed).toEqual([1, 3]);
		expect(reported).toEqual(['1: SQLITE_ERROR: too many SQL variables', '3: segment 3 not found']);
	});
});
