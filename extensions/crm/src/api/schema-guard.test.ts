import type { RegisterFunctions, ScheduleHandler, SchemaOverview } from '@directus/types';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FOUND_MESSAGE, SCHEMA_MISSING_MESSAGE, schemaGuard, withSchemaGuard } from './schema-guard';

function fakeContext(collections: string[]) {
	const lines: string[] = [];
	const state = { collections };
	const ctx = {
		getSchema: async () =>
			({
				collections: Object.fromEntries(state.collections.map((c) => [c, {}])),
				relations: [],
			}) as unknown as SchemaOverview,
		logger: {
			info: (message: string) => lines.push(`info ${message}`),
			warn: (message: string) => lines.push(`warn ${message}`),
			error: (_error: unknown, message: string) => lines.push(`error ${message}`),
		},
	};
	return { ctx, lines, state };
}

function fakeHooks() {
	const jobs: ScheduleHandler[] = [];
	const noop = () => {};
	const hooks: RegisterFunctions = {
		filter: noop,
		action: noop,
		init: noop,
		embed: noop,
		schedule: (_cron, handler) => {
			jobs.push(handler);
		},
	};
	return { hooks, jobs };
}

describe('schema guard', () => {
	it('says once, in Korean and English, what to do while the schema is missing, and once when it appears', async () => {
		const { ctx, lines, state } = fakeContext(['shop_notes']);
		const guard = schemaGuard(ctx);
		expect(await guard.ready()).toBe(false);
		expect(await guard.ready()).toBe(false);
		expect(lines).toEqual([`warn ${SCHEMA_MISSING_MESSAGE.en} / ${SCHEMA_MISSING_MESSAGE.ko}`]);
		expect(lines[0]).toContain('npm run crm:install');
		state.collections.push('crm_settings');
		expect(await guard.ready()).toBe(true);
		expect(await guard.ready()).toBe(true);
		expect(lines).toHaveLength(2);
		expect(lines[1]).toBe(`info ${SCHEMA_FOUND_MESSAGE.en} / ${SCHEMA_FOUND_MESSAGE.ko}`);
	});

	it('skips scheduled jobs until the schema is applied, then runs them', async () => {
		const { ctx, lines, state } = fakeContext([]);
		const { hooks, jobs } = fakeHooks();
		const guarded = withSchemaGuard(hooks, ctx);
		let runs = 0;
		guarded.schedule('* * * * *', async () => {
			runs++;
		});
		expect(jobs).toHaveLength(1);
		for (let tick = 0; tick < 3; tick++) await jobs[0]!();
		expect(runs).toBe(0);
		expect(lines.filter((line) => line.startsWith('warn'))).toHaveLength(1);
		state.collections.push('crm_settings');
		await jobs[0]!();
		expect(runs).toBe(1);
		expect(guarded.filter).toBe(hooks.filter);
	});
});
