// Test-only: the CRM tables a segment query reads, on SQLite or PostgreSQL, with a small hand-made data set.
import type { Knex } from 'knex';
import { toDbTimestamp } from '../timestamps';

/** The fixed "now" of the data set; order and interaction dates are relative to it. */
export const NOW = new Date('2026-03-15T12:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

export async function createSegmentTables(knex: Knex): Promise<void> {
	const pg = !String(knex.client.config.client).includes('sqlite');
	// Directus stores timestamps as epoch ms on SQLite and timestamptz on PostgreSQL; dates as epoch ms in a `date`
	// column on SQLite (older or hand-written rows may hold 'YYYY-MM-DD' text) and as date on PostgreSQL.
	const ts = (t: Knex.CreateTableBuilder, name: string) =>
		pg ? t.timestamp(name, { useTz: true }) : t.bigInteger(name);
	await knex.schema.createTable('crm_customers', (t) => {
		t.integer('id').primary();
		for (const name of ['status', 'full_name', 'email', 'phone', 'stage', 'source', 'gender', 'language', 'country'])
			t.string(name);
		for (const name of ['consent_email', 'consent_sms', 'consent_kakao', 'consent_night']) t.boolean(name);
		t.integer('order_count').defaultTo(0);
		t.decimal('total_spent', 12, 2).defaultTo(0);
		t.integer('last_nps');
		t.date('birthday');
		for (const name of ['first_order_at', 'last_order_at', 'last_interaction_at', 'date_created']) ts(t, name);
	});
	await knex.schema.createTable('crm_orders', (t) => {
		t.integer('id').primary();
		t.integer('customer');
		t.string('status');
		t.string('channel');
		ts(t, 'ordered_at');
		t.decimal('total', 12, 2);
	});
	await knex.schema.createTable('crm_order_lines', (t) => {
		t.integer('id').primary();
		t.integer('order');
		t.integer('product');
		t.string('kind');
		t.string('category');
		t.integer('quantity');
		t.decimal('line_total', 12, 2);
	});
	await knex.schema.createTable('crm_products', (t) => {
		t.integer('id').primary();
		t.string('category');
	});
	await knex.schema.createTable('crm_interactions', (t) => {
		t.integer('id').primary();
		t.integer('customer');
		t.string('channel');
		t.string('type');
		t.string('status');
		ts(t, 'occurred_at');
	});
	await knex.schema.createTable('crm_feedback', (t) => {
		t.integer('id').primary();
		t.integer('customer');
		t.string('kind');
		t.integer('score');
		ts(t, 'answered_at');
	});
	await knex.schema.createTable('crm_segment_members', (t) => {
		t.integer('id').primary();
		t.integer('segment');
		t.integer('customer');
		ts(t, 'entered_at');
		ts(t, 'left_at');
	});
}

export async function seedSegmentData(knex: Knex): Promise<void> {
	// Added here, not in createSegmentTables, whose table the stage fixture extends with its own referred_by.
	await knex.schema.alterTable('crm_customers', (t) => {
		t.integer('referred_by');
		t.integer('tier');
	});
	const at = (date: Date | null) => (date ? toDbTimestamp(knex, date) : null);
	const iso = (s: string) => new Date(s);
	const customer = (
		id: number,
		stage: string | null,
		email: string | null,
		consent: boolean | null,
		orderCount: number,
		spent: number,
		nps: number | null,
		birthday: string | null,
		lastOrder: Date | null,
		created: string,
		status = 'active',
	) => ({
		id,
		status,
		full_name: `Customer ${id}`,
		email,
		stage,
		country: 'KR',
		consent_email: consent,
		order_count: orderCount,
		total_spent: spent,
		// SQLite: odd customers hold the date as Directus writes it (epoch ms), even ones as 'YYYY-MM-DD' text.
		last_nps: nps,
		birthday:
			birthday && knex.client.config.client.includes('sqlite') && id % 2
				? Date.parse(`${birthday}T00:00:00Z`)
				: birthday,
		last_order_at: at(lastOrder),
		date_created: at(iso(created)),
	});
	await knex('crm_customers').insert([
		customer(1, 'vip', 'alice@Example.com', true, 3, 350000, 9, '1990-12-30', daysAgo(10), '2025-01-01T00:00:00Z'),
		customer(2, 'lead', 'bob@test.org', false, 0, 0, 3, '1985-01-02', null, '2026-01-01T10:00:00Z'),
		customer(3, 'customer', null, null, 1, 80000, null, '1992-02-29', daysAgo(200), '2025-06-01T00:00:00Z'),
		customer(4, 'customer', 'dan@example.com', true, 2, 50000, null, '1970-06-15', daysAgo(20), '2026-02-01T00:00:00Z'),
		customer(5, null, 'eve@test.org', false, 0, 0, null, null, null, '2024-01-01T00:00:00Z', 'archived'),
		customer(6, 'vip', '', true, 1, 60000, null, '1999-02-27', daysAgo(15), '2026-01-02T00:00:00Z'),
	]);
	// Referrals (who referred whom) and loyalty tiers: 1 referred 2, 3 and 5; 3 referred 6; 6 referred 4.
	for (const [id, referredBy, tier] of [
		[1, null, 3],
		[2, 1, null],
		[3, 1, null],
		[4, 6, 2],
		[5, 1, null],
		[6, 3, 3],
	]) {
		await knex('crm_customers').where('id', id).update({ referred_by: referredBy, tier });
	}
	const order = (id: number, cust: number, status: string, days: number, total: number) => ({
		id,
		customer: cust,
		status,
		channel: 'web',
		ordered_at: at(daysAgo(days)),
		total,
	});
	await knex('crm_orders').insert([
		order(1, 1, 'paid', 10, 100000),
		order(2, 1, 'paid', 40, 150000),
		order(3, 1, 'fulfilled', 100, 100000),
		order(4, 1, 'refunded', 5, 999999),
		order(5, 3, 'paid', 200, 80000),
		order(6, 4, 'paid', 20, 30000),
		order(7, 4, 'paid', 60, 20000),
		order(8, 4, 'pending', 1, 70000),
		order(9, 5, 'cancelled', 3, 10000),
		order(10, 6, 'fulfilled', 15, 60000),
	]);
	await knex('crm_products').insert([
		{ id: 101, category: 'skincare' },
		{ id: 102, category: 'makeup' },
		{ id: 103, category: 'hair' },
	]);
	const line = (
		id: number,
		ord: number,
		product: number | null,
		kind: string,
		category: string | null,
		quantity: number,
	) => ({ id, order: ord, product, kind, category, quantity, line_total: 1000 });
	await knex('crm_order_lines').insert([
		line(1, 1, 101, 'product', 'skincare', 2),
		line(2, 1, null, 'discount', null, 1),
		line(3, 2, 102, 'product', null, 1),
		line(4, 4, 103, 'product', 'hair', 5),
		line(5, 6, 101, 'product', 'skincare', 1),
		line(6, 5, 103, 'product', 'hair', 1),
		line(7, 8, 102, 'product', 'makeup', 3),
	]);
	const interaction = (id: number, cust: number, channel: string, type: string, days: number) => ({
		id,
		customer: cust,
		channel,
		type,
		status: 'done',
		occurred_at: at(daysAgo(days)),
	});
	await knex('crm_interactions').insert([
		interaction(1, 1, 'kakao', 'message', 5),
		interaction(2, 1, 'kakao', 'message', 50),
		interaction(3, 2, 'phone', 'call', 2),
		interaction(4, 5, 'email', 'inquiry', 10),
		interaction(5, 5, 'kakao', 'message', 100),
	]);
	const feedback = (id: number, cust: number, kind: string, score: number, days: number) => ({
		id,
		customer: cust,
		kind,
		score,
		answered_at: at(daysAgo(days)),
	});
	await knex('crm_feedback').insert([
		feedback(1, 1, 'nps', 6, 100),
		feedback(2, 1, 'nps', 9, 10),
		feedback(3, 2, 'nps', 3, 20),
		feedback(4, 1, 'csat', 4, 30),
		feedback(5, 1, 'csat', 5, 31),
		feedback(6, 4, 'csat', 2, 5),
	]);
	const member = (id: number, segment: number, cust: number, left: Date | null) => ({
		id,
		segment,
		customer: cust,
		entered_at: at(daysAgo(60)),
		left_at: at(left),
	});
	await knex('crm_segment_members').insert([
		member(1, 7, 1, null),
		member(2, 7, 2, daysAgo(5)),
		member(3, 7, 3, null),
		member(4, 8, 4, null),
	]);
}
