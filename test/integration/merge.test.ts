// Duplicates and merge on a real Directus, on SQLite and PostgreSQL: detection by phone format, e-mail case and
// name + birthday; a merge of two customers with orders, points, a coupon, memberships, interactions, feedback and
// messages re-points every row that referenced the merged one (checked over every table with a customer column),
// keeps every total exact, resolves the merged record's identifiers to the survivor for later events, and runs once
// under two concurrent requests.
import { createItem, customEndpoint, readItem } from '@directus/sdk';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootCrm, directDatabase, userWithRole, type CrmInstance } from '../harness/crm.ts';
import { eventsApiToken, postEvents } from './events-api-helpers.ts';
import { loyaltyHelpers } from './loyalty-suite.ts';

type Row = Record<string, any>;

/** Every CRM table with a column that references a customer. */
const CUSTOMER_REFERENCES: [table: string, column: string][] = [
	['crm_orders', 'customer'],
	['crm_interactions', 'customer'],
	['crm_feedback', 'customer'],
	['crm_coupons', 'customer'],
	['crm_history', 'customer'],
	['crm_points_ledger', 'customer'],
	['crm_outbox', 'customer'],
	['crm_segment_members', 'customer'],
	['crm_customers', 'referred_by'],
];

describe.each(['sqlite', 'postgres'] as const)('duplicates and merge on %s', (db) => {
	let crm: CrmInstance;
	let knex: Knex;
	const h = loyaltyHelpers(() => crm);
	const ids: Record<string, number> = {};

	const line = (total: number) => ({
		kind: 'product',
		product_name: 'Beans',
		quantity: 1,
		unit_price: total,
		line_total: total,
	});
	const create = async (collection: string, values: Row) =>
		(await crm.client.request(createItem(collection as never, values as never))) as Row;
	const references = async (customer: number) => {
		const found: Record<string, number> = {};
		for (const [table, column] of CUSTOMER_REFERENCES) {
			const row = await knex(table).count({ n: '*' }).where(column, customer).first();
			found[`${table}.${column}`] = Number(row?.n ?? 0);
		}
		return found;
	};
	const sums = async (customer: number) => {
		const ledger = await knex('crm_points_ledger')
			.sum({ balance: 'points' })
			.sum({ lots: 'lot_remaining' })
			.where('customer', customer)
			.first();
		return { balance: Number(ledger?.balance ?? 0), lots: Number(ledger?.lots ?? 0) };
	};

	beforeAll(async () => {
		crm = await bootCrm(`merge-${db}`, { db });
		knex = await directDatabase(crm);
		const birthday = '1990-05-17';
		ids.a = (
			await h.customer('김하나', { email: 'hana@example.kr', phone: '+821055550001', external_id: 'POS-1', birthday })
		).id;
		// The same person signed up on the web: other e-mail case, no phone, the same name and birthday.
		ids.b = (
			await h.customer('김하나', {
				email: 'HANA@Example.kr',
				external_id: 'WEB-9',
				birthday,
				consent_email: true,
				consent_email_at: '2026-01-05T00:00:00Z',
			})
		).id;
		ids.other = (await h.customer('이도윤', { email: 'doyun@example.kr' })).id;
		for (const total of [40_000, 25_000]) await h.order(ids.a, [line(total)]);
		for (const total of [120_000]) await h.order(ids.b, [line(total)]);
		// B spends on a coupon, and is in a segment with A and in one of its own; interactions, feedback, a message.
		await h.call('/crm/loyalty/adjust', 'POST', {
			customer: ids.b,
			points: 9_000,
			reason: 'welcome',
			idempotency_key: `merge-${db}-adj`,
		});
		const reward = (await knex('crm_rewards').first('id').orderBy('points_cost')) as Row;
		await h.call('/crm/loyalty/redeem', 'POST', { customer: ids.b, reward: reward.id });
		const shared = await create('crm_segments', { name: `Both ${db}`, kind: 'static' });
		const own = await create('crm_segments', { name: `Only B ${db}`, kind: 'static' });
		ids.shared = shared.id;
		ids.own = own.id;
		for (const [segment, customer] of [
			[shared.id, ids.a],
			[shared.id, ids.b],
			[own.id, ids.b],
		])
			await create('crm_segment_members', {
				segment,
				customer,
				source: 'manual',
				entered_at: new Date().toISOString(),
			});
		await create('crm_interactions', {
			customer: ids.b,
			channel: 'phone',
			type: 'call',
			subject: '배송 문의',
			occurred_at: '2026-11-30T02:00:00Z',
		});
		await create('crm_feedback', { customer: ids.b, kind: 'nps', score: 9, answered_at: '2026-11-29T02:00:00Z' });
	});

	afterAll(async () => {
		await knex?.destroy();
		await crm?.stop();
	});

	it('finds the pair by e-mail case and name + birthday, and a phone stored in another format', async () => {
		const pairs = (await h.call<Row[]>(`/crm/customers/${ids.a}/duplicates`)) as Row[];
		expect(pairs).toEqual([
			expect.objectContaining({
				a: ids.a,
				b: ids.b,
				reasons: ['email', 'name_birthday'],
				score: 0.8,
				a_name: '김하나',
			}),
		]);
		// A legacy row whose phone was stored as typed (written past the API's normalisation, as old imports did).
		const [legacy] = await knex('crm_customers')
			.insert({ full_name: '박서준', phone: '010-5555-0001', status: 'active', stage: 'prospect' })
			.returning('id');
		const legacyId = Number(typeof legacy === 'object' ? legacy.id : legacy);
		const all = (await h.call<Row[]>('/crm/duplicates?limit=10')) as Row[];
		expect(all.find((pair) => pair.a === ids.a && pair.b === legacyId)).toMatchObject({
			reasons: ['phone'],
			score: 0.6,
		});
		await knex('crm_customers').where('id', legacyId).delete();
		const bad = await h.failure(h.call('/crm/duplicates?limit=100000'));
		expect(bad).toMatchObject({ status: 400, field: 'limit' });
	});

	it('previews without writing, then merges: every reference re-pointed, totals exact, identifiers resolving', async () => {
		const before = {
			a: await references(ids.a),
			b: await references(ids.b),
			pa: await sums(ids.a),
			pb: await sums(ids.b),
		};
		const stored = (id: number) => crm.client.request(readItem('crm_customers' as never, id)) as Promise<Row>;
		const [a, b] = [await stored(ids.a), await stored(ids.b)];
		const preview = (await h.call<Row>('/crm/customers/merge/preview', 'POST', {
			survivor: ids.a,
			merged: ids.b,
		})) as Row;
		expect(preview.moves['crm_orders']).toBe(1);
		expect(preview.points.combined).toBe(before.pa.balance + before.pb.balance);
		expect(preview.values).toMatchObject({ email: 'hana@example.kr', phone: '+821055550001', consent_email: true });
		expect(await references(ids.b)).toEqual(before.b);

		const merged = (await h.call<Row>('/crm/customers/merge', 'POST', {
			survivor: ids.a,
			merged: ids.b,
			choices: { email: 'merged' },
		})) as Row;
		expect(merged.memberships).toEqual({ repointed: 2, closed: 1 });

		// Nothing references B any more; A holds the sum of both, row for row.
		expect(Object.values(await references(ids.b)).every((n) => n === 0)).toBe(true);
		const after = await references(ids.a);
		for (const [table] of CUSTOMER_REFERENCES.filter(([table]) => table !== 'crm_history' && table !== 'crm_customers'))
			expect(after[`${table}.customer`], table).toBe(before.a[`${table}.customer`] + before.b[`${table}.customer`]);
		expect(await knex('crm_customers').first('id').where('id', ids.b)).toBeUndefined();
		const survivor = await stored(ids.a);
		expect(survivor.email).toBe('HANA@Example.kr');
		expect(survivor.consent_email).toBe(true);
		expect(survivor.order_count).toBe(a.order_count + b.order_count);
		expect(Number(survivor.total_spent)).toBe(Number(a.total_spent) + Number(b.total_spent));
		expect(survivor.last_nps).toBe(9);
		const points = await sums(ids.a);
		expect(points.balance).toBe(before.pa.balance + before.pb.balance);
		expect(survivor.points_balance).toBe(points.balance);
		expect(points.lots).toBe(Math.max(points.balance, 0));
		const open = await knex('crm_segment_members').where({ customer: ids.a }).whereNull('left_at').orderBy('segment');
		expect(open.map((row) => Number(row.segment))).toEqual([ids.shared, ids.own].sort((x, y) => x - y));
		const tombstones = await knex('crm_history').where({ customer: ids.a, kind: 'merge' }).orderBy('from_value');
		expect(tombstones.map((row) => row.from_value)).toEqual([
			'email:HANA@Example.kr',
			'external_id:WEB-9',
			`id:${ids.b}`,
		]);

		// A late order from the web shop names the merged record: it lands on the survivor, and its stats count it.
		const token = await eventsApiToken(crm, `merge-events-${db}`);
		const late = await postEvents(crm.url, token, {
			type: 'order.placed',
			idempotency_key: `merge-late-${db}`,
			data: {
				customer: { external_id: 'WEB-9' },
				external_id: `W-${db}-1`,
				ordered_at: '2026-12-01T01:00:00Z',
				total: 10_000,
				lines: [{ product_name: 'Filter', quantity: 1, unit_price: 10_000 }],
			},
		});
		expect(late.status).toBeLessThan(300);
		expect(Number((await knex('crm_orders').first('customer').where('external_id', `W-${db}-1`))?.customer)).toBe(
			ids.a,
		);
		const upsert = await postEvents(crm.url, token, {
			type: 'customer.upsert',
			idempotency_key: `merge-upsert-${db}`,
			data: { external_id: 'WEB-9', first_name: '하나' },
		});
		expect(upsert.body.data?.[0]?.result).toMatchObject({ customer: ids.a });
		expect((await stored(ids.a)).external_id).toBe('POS-1');

		// The same merge again is a conflict naming the record, not a second merge.
		const again = await h.failure(h.call('/crm/customers/merge', 'POST', { survivor: ids.a, merged: ids.b }));
		expect(again).toMatchObject({ status: 409, code: 'CONFLICT', field: 'merged' });
	});

	it('runs once when the same pair is merged both ways at the same moment; refuses bad input and read-only staff', async () => {
		const c = (await h.customer('최민서', { email: 'minseo@example.kr' })).id;
		const d = (await h.customer('최민서', { email: 'MINSEO@example.kr' })).id;
		await h.order(d, [line(30_000)]);
		const answers = await Promise.allSettled([
			h.call('/crm/customers/merge', 'POST', { survivor: c, merged: d }),
			h.call('/crm/customers/merge', 'POST', { survivor: d, merged: c }),
		]);
		expect(answers.filter((answer) => answer.status === 'fulfilled')).toHaveLength(1);
		const left = await knex('crm_customers').select('id').whereIn('id', [c, d]);
		expect(left).toHaveLength(1);
		const orders = await knex('crm_orders').select('customer').whereIn('customer', [c, d]);
		expect(orders.map((row) => Number(row.customer))).toEqual([Number(left[0].id)]);

		for (const [body, field] of [
			[{ survivor: ids.a, merged: ids.a }, 'merged'],
			[{ survivor: 'x', merged: ids.other }, 'survivor'],
			[{ survivor: ids.a, merged: ids.other, choices: { points_balance: 'merged' } }, 'choices.points_balance'],
			[{ survivor: ids.a, merged: 987_654 }, 'merged'],
		] as const) {
			const refused = await h.failure(h.call('/crm/customers/merge', 'POST', body));
			expect(refused.field, JSON.stringify(body)).toBe(field);
			expect(refused.status).toBeGreaterThanOrEqual(400);
			expect(refused.status).toBeLessThan(500);
		}
		const support = await userWithRole(crm.client, crm.url, 'CRM Support', `merge-support-${db}`);
		const forbidden = await support
			.request(
				customEndpoint({
					path: '/crm/customers/merge',
					method: 'POST',
					body: JSON.stringify({ survivor: ids.a, merged: ids.other }),
				}),
			)
			.then(
				() => null,
				(error: { response?: Response }) => error.response?.status,
			);
		expect(forbidden).toBe(403);
		expect(await knex('crm_customers').first('id').where('id', ids.other)).toBeDefined();
	});
});
