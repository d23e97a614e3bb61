// The after-save settle retries must never reject unhandled: Node 22 ends the whole Directus process on an unhandled
// rejection, so a database that fails between an order's save and the retry (PostgreSQL restarting, the pool timing
// out) would take every request on that replica down with it. Found by the PostgreSQL-restart fault test.
import knexFactory, { type Knex } from 'knex';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { forgetLoyaltyProgramme } from '../../../data/loyalty/programme-cache';
import { eventContext, fakeContext, fakeHooks } from '../../../../../../test/harness/fake-context';
import { register } from './loyalty';

let knex: Knex;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeEach(async () => {
	vi.useFakeTimers();
	process.on('unhandledRejection', onUnhandled);
	knex = knexFactory({ client: 'sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
	// Just what loading the programme and looking an order up read.
	await knex.schema.createTable('crm_loyalty_rules', (t) => {
		t.increments('id');
		t.string('status');
	});
	await knex.schema.createTable('crm_tiers', (t) => {
		t.increments('id');
		for (const name of ['code', 'name', 'color']) t.string(name);
		for (const name of ['rank', 'threshold', 'multiplier']) t.integer(name);
	});
	await knex.schema.createTable('crm_settings', (t) => t.increments('id'));
	await knex.schema.createTable('crm_orders', (t) => {
		t.increments('id');
		t.integer('customer');
		for (const name of ['status', 'channel']) t.string(name);
		t.bigInteger('ordered_at');
		t.decimal('total', 12, 2);
	});
	forgetLoyaltyProgramme();
});
afterEach(async () => {
	vi.useRealTimers();
	process.off('unhandledRejection', onUnhandled);
	unhandled.length = 0;
	forgetLoyaltyProgramme();
	await knex.destroy().catch(() => undefined);
});

describe('loyalty after-save settle', () => {
	it('logs, and does not reject unhandled, when the database fails before a retry', async () => {
		const { hooks, actions } = fakeHooks();
		const errors: string[] = [];
		register(hooks, fakeContext(knex, errors));
		// The order is not visible yet (its transaction has not committed): a retry is scheduled.
		await actions.get('crm_orders.items.create')!({ key: 42 }, eventContext(knex));
		// Then the database goes away and the programme cache has expired.
		await knex.destroy();
		forgetLoyaltyProgramme();
		await vi.advanceTimersByTimeAsync(500);
		vi.useRealTimers();
		await new Promise((resolve) => setImmediate(resolve));
		expect(unhandled).toEqual([]);
		expect(errors).toEqual([expect.stringContaining('the sweeper will retry')]);
	});
});
