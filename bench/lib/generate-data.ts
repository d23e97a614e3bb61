// Deterministic CRM data, generated inside PostgreSQL (generate_series + a hash of the row's key; no JS row loops),
// loaded into the tables Directus created. Same --customers and "now", same rows: every "random" value is
// bench_rand(key, salt), a hash, never random(); timestamps are offsets from "now".
import type { Knex } from 'knex';
import { withoutSecondaryIndexes } from './bulk-load.ts';
import { SEGMENT_RULE } from './figures.ts';

/** The tables the generator fills (they must be empty). */
export const GENERATED_TABLES = [
	'crm_products',
	'crm_customers',
	'crm_orders',
	'crm_order_lines',
	'crm_interactions',
	'crm_feedback',
	'crm_segments',
	'crm_segment_members',
];
/** The dynamic segment with the benchmarked rule (refreshed on demand only, so no schedule runs it mid-bench). */
export const BENCH_SEGMENT_ID = 2;

export const CATEGORIES = ['coffee', 'tea', 'bakery', 'snacks', 'dairy', 'produce', 'household', 'gifts'];
export const PRODUCT_COUNT = 400;

/** Uniform-looking value in [0, 1) from (key, salt): hashint8 is PostgreSQL's own stable integer hash. */
const RAND_FUNCTION = `
CREATE OR REPLACE FUNCTION bench_rand(k bigint, salt int) RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT (hashint8(k * 1000003 + salt) & 2147483647)::double precision / 2147483648 $$`;

/**
 * Orders per customer, skewed: 10% never bought, 40% one-time, 25% 2-5, 15% 6-25, 10% loyal 30-90
 * (mean ≈ 9.6 orders per customer).
 */
const ORDER_COUNT = (id: string) => `(CASE
	WHEN bench_rand(${id}, 1) < 0.10 THEN 0
	WHEN bench_rand(${id}, 1) < 0.50 THEN 1
	WHEN bench_rand(${id}, 1) < 0.75 THEN 2 + floor(bench_rand(${id}, 2) * 4)::int
	WHEN bench_rand(${id}, 1) < 0.90 THEN 6 + floor(bench_rand(${id}, 2) * 20)::int
	ELSE 30 + floor(bench_rand(${id}, 2) * 61)::int END)`;

export interface GeneratedCounts {
	[table: string]: number;
}

export interface Generation {
	counts: GeneratedCounts;
	loadMs: number;
	indexMs: number;
	indexes: number;
	foreignKeys: number;
}

/** Fills the tables for `customers` customers (timestamps in the two years before `now`), then re-creates the indexes. */
export async function generateCrmData(knex: Knex, customers: number, now: Date): Promise<Generation> {
	for (const table of GENERATED_TABLES) {
		const row = await knex(table).count({ n: '*' }).first();
		if (Number(row?.n) > 0) throw new Error(`${table} is not empty: the generator loads into a fresh CRM`);
	}
	await knex.raw(RAND_FUNCTION);
	const timing = await withoutSecondaryIndexes(knex, GENERATED_TABLES, () => load(knex, customers, now));
	const counts: GeneratedCounts = {};
	for (const table of GENERATED_TABLES) {
		const row = await knex(table).count({ n: '*' }).first();
		counts[table] = Number(row?.n ?? 0);
	}
	return { counts, ...timing };
}

async function load(knex: Knex, customers: number, now: Date): Promise<void> {
	const at = now.toISOString();
	await knex('crm_segments').insert([
		{ id: 1, name: 'Bench: hand-picked', kind: 'static', refresh: 'manual', date_created: now },
		{
			id: BENCH_SEGMENT_ID,
			name: 'Bench: 3+ orders, 300,000+ in 180 days, bought coffee',
			kind: 'dynamic',
			refresh: 'manual',
			rule: JSON.stringify(SEGMENT_RULE),
			date_created: now,
		},
	]);
	const categories = `(ARRAY[${CATEGORIES.map((c) => `'${c}'`).join(', ')}])`;

	await knex.raw(`
		INSERT INTO crm_products (id, status, sku, name, category, price, date_created)
		SELECT g, 'active', 'SKU-' || g, 'Product ' || g, ${categories}[1 + (g % ${CATEGORIES.length})],
			round((1000 + bench_rand(g, 10) * 49000)::numeric, -2), TIMESTAMPTZ '${at}' - interval '3 years'
		FROM generate_series(1, ${PRODUCT_COUNT}) g`);

	await knex.raw(`
		INSERT INTO crm_customers (id, status, full_name, first_name, last_name, email, stage, source, birthday, country,
			consent_email, consent_sms, date_created)
		SELECT g, CASE WHEN bench_rand(g, 20) < 0.97 THEN 'active' ELSE 'archived' END,
			'Customer ' || g, 'Given' || g, 'Family' || (g % 997), 'customer' || g || '@example.com',
			(ARRAY['prospect', 'lead', 'customer', 'vip'])[1 + floor(bench_rand(g, 21) * 4)::int],
			(ARRAY['web', 'store', 'referral', 'ads'])[1 + floor(bench_rand(g, 22) * 4)::int],
			DATE '1960-01-01' + floor(bench_rand(g, 23) * 16000)::int, 'KR',
			bench_rand(g, 24) < 0.6, bench_rand(g, 25) < 0.4,
			TIMESTAMPTZ '${at}' - floor(bench_rand(g, 26) * 1000) * interval '1 day'
		FROM generate_series(1, ${customers}) g`);

	// Orders: per-customer counts from ORDER_COUNT; status mostly paid. Each customer buys from a first day (up to two
	// years ago) until a last active day: 40% are still active, the others stopped part-way (the dropout BG/NBD models);
	// each has a basket size of their own (10,000-250,000 KRW, skewed small) that their orders vary around.
	await knex.raw(`
		INSERT INTO crm_orders (customer, status, channel, ordered_at, total, discount_total, currency, date_created)
		SELECT c.id, s.status, (ARRAY['web', 'store', 'app'])[1 + floor(bench_rand(c.id * 100 + n, 32) * 3)::int],
			s.ordered_at, round((k.basket * (0.5 + bench_rand(c.id * 100 + n, 33)))::numeric, -2), 0, 'KRW', s.ordered_at
		FROM crm_customers c
		CROSS JOIN LATERAL (SELECT 730 * bench_rand(c.id, 3) AS age_days,
			CASE WHEN bench_rand(c.id, 4) < 0.4 THEN 1 ELSE bench_rand(c.id, 5) END AS active_share,
			10000 + power(bench_rand(c.id, 6), 2) * 240000 AS basket) k
		CROSS JOIN LATERAL generate_series(1, ${ORDER_COUNT('c.id')}) n
		CROSS JOIN LATERAL (SELECT
			CASE WHEN bench_rand(c.id * 100 + n, 30) < 0.85 THEN 'paid' WHEN bench_rand(c.id * 100 + n, 30) < 0.93 THEN 'fulfilled'
				WHEN bench_rand(c.id * 100 + n, 30) < 0.96 THEN 'pending' WHEN bench_rand(c.id * 100 + n, 30) < 0.98 THEN 'refunded'
				ELSE 'cancelled' END AS status,
			TIMESTAMPTZ '${at}' - k.age_days * (1 - k.active_share * bench_rand(c.id * 100 + n, 31)) * interval '1 day' AS ordered_at) s
		ORDER BY s.ordered_at`);

	// 1-3 lines per order (mean 2); 10% of lines have no category of their own (the product's is used).
	await knex.raw(`
		INSERT INTO crm_order_lines ("order", kind, product, product_name, category, quantity, unit_price, line_total)
		SELECT o.id, 'product', p.id, p.name, CASE WHEN bench_rand(o.id * 4 + n, 41) < 0.9 THEN p.category END,
			q.quantity, p.price, p.price * q.quantity
		FROM crm_orders o
		CROSS JOIN LATERAL generate_series(1, 1 + floor(bench_rand(o.id, 40) * 3)::int) n
		CROSS JOIN LATERAL (SELECT 1 + floor(bench_rand(o.id * 4 + n, 42) * ${PRODUCT_COUNT})::int AS product,
			1 + floor(power(bench_rand(o.id * 4 + n, 43), 3) * 4)::int AS quantity) q
		JOIN crm_products p ON p.id = q.product`);

	// ~3 interactions and ~0.5 feedback answers per customer.
	await knex.raw(`
		INSERT INTO crm_interactions (customer, channel, direction, type, status, subject, occurred_at, date_created)
		SELECT 1 + floor(bench_rand(g, 50) * ${customers})::int,
			(ARRAY['email', 'sms', 'kakao', 'phone', 'store'])[1 + floor(bench_rand(g, 51) * 5)::int], 'inbound',
			(ARRAY['note', 'call', 'message', 'visit'])[1 + floor(bench_rand(g, 52) * 4)::int], 'done', 'Interaction ' || g,
			TIMESTAMPTZ '${at}' - bench_rand(g, 53) * interval '730 days', TIMESTAMPTZ '${at}'
		FROM generate_series(1, ${customers * 3}) g`);
	await knex.raw(`
		INSERT INTO crm_feedback (customer, kind, score, channel, answered_at, date_created)
		SELECT 1 + floor(bench_rand(g, 60) * ${customers})::int, k.kind,
			CASE WHEN k.kind = 'nps' THEN floor(bench_rand(g, 62) * 11)::int ELSE 1 + floor(bench_rand(g, 62) * 5)::int END,
			'email', TIMESTAMPTZ '${at}' - bench_rand(g, 63) * interval '730 days', TIMESTAMPTZ '${at}'
		FROM generate_series(1, ${Math.max(1, Math.floor(customers / 2))}) g
		CROSS JOIN LATERAL (SELECT CASE WHEN bench_rand(g, 61) < 0.5 THEN 'nps' ELSE 'csat' END AS kind) k`);

	// One manual segment holding ~10% of customers (a fifth of them have left it).
	await knex.raw(`
		INSERT INTO crm_segment_members (segment, customer, source, entered_at, left_at)
		SELECT 1, g, 'manual', TIMESTAMPTZ '${at}' - interval '90 days',
			CASE WHEN bench_rand(g, 71) < 0.2 THEN TIMESTAMPTZ '${at}' - interval '10 days' END
		FROM generate_series(1, ${customers}) g WHERE bench_rand(g, 70) < 0.1`);

	// The cached stats the customer-stats hook maintains, computed once from the orders.
	await knex.raw(`
		UPDATE crm_customers c SET order_count = s.n, total_spent = s.spent, first_order_at = s.first_at, last_order_at = s.last_at
		FROM (SELECT customer, count(*) AS n, sum(total) AS spent, min(ordered_at) AS first_at, max(ordered_at) AS last_at
			FROM crm_orders WHERE status IN ('paid', 'fulfilled') GROUP BY customer) s
		WHERE c.id = s.customer`);

	for (const table of GENERATED_TABLES) {
		await knex.raw(
			`SELECT setval(pg_get_serial_sequence('${table}', 'id'), coalesce((SELECT max(id) FROM ${table}), 1))`,
		);
	}
}
