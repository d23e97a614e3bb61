// Test-only: the tables stage rules read and write, with a deterministic mix of buyers, regulars, promoters,
// referrers, refunds and locked customers (SQLite or PostgreSQL).
import type { Knex } from 'knex';
import { createSegmentTables, NOW } from '../segments/segment-test-fixture';
import { toDbTimestamp } from '../timestamps';

export { NOW };
const DAY = 86_400_000;
export const CUSTOMERS = 36;

export async function createStageTables(knex: Knex): Promise<void> {
	await createSegmentTables(knex);
	await knex.schema.alterTable('crm_customers', (t) => {
		t.boolean('stage_locked');
		t.integer('referred_by');
	});
	const pg = !String(knex.client.config.client).includes('sqlite');
	await knex.schema.createTable('crm_history', (t) => {
		t.increments('id');
		t.integer('customer');
		t.string('kind');
		t.string('from_value');
		t.string('to_value');
		t.string('reason');
		if (pg) t.timestamp('changed_at', { useTz: true });
		else t.bigInteger('changed_at');
		t.string('staff');
	});
	await knex.schema.createTable('crm_settings', (t) => {
		t.increments('id');
		t.string('timezone');
		t.json('stage_rules');
	});
	await knex('crm_settings').insert({ timezone: 'Asia/Seoul', stage_rules: null });
}

/** Customer i: (i % 6) paid orders spread over ~400 days, an NPS of (i % 11) for every third, some referrals. */
export async function seedStageData(knex: Knex): Promise<void> {
	const at = (days: number) => toDbTimestamp(knex, new Date(NOW.getTime() - days * DAY));
	const customers = [];
	const orders = [];
	const feedback = [];
	let orderId = 1;
	for (let id = 1; id <= CUSTOMERS; id++) {
		const count = id % 6;
		for (let n = 0; n < count; n++)
			orders.push({
				id: orderId++,
				customer: id,
				status: n === 1 && id % 4 === 0 ? 'refunded' : 'paid',
				channel: 'web',
				ordered_at: at(((id * 37 + n * 71) % 400) + 1),
				total: 10000,
			});
		if (id % 3 === 0) feedback.push({ id, customer: id, kind: 'nps', score: id % 11, answered_at: at(id) });
		customers.push({
			id,
			status: 'active',
			full_name: `Customer ${id}`,
			stage: id % 9 === 0 ? 'partner' : 'prospect',
			stage_locked: id % 9 === 0,
			referred_by: id > 20 && id % 2 === 0 ? id - 19 : null,
			order_count: orders.filter((o) => o.customer === id && o.status === 'paid').length,
		});
	}
	await knex('crm_customers').insert(customers);
	await knex('crm_orders').insert(orders);
	await knex('crm_feedback').insert(feedback);
}
