// Customer 360 on a real Directus 12 (SQLite): GET /crm/customers/:id/timeline merges orders, interactions, feedback,
// points and history newest first; the cursor pages through every entry exactly once; kind and channel filters;
// 400/404/403; per-source permissions (an API-only policy reading customers and interactions sees only those, the
// rest listed in hidden_kinds); GET /crm/customers/:id/summary matches the customer's own fields.
import { createItem, createPermissions, createPolicy, createRole, readItem, readItems, readMe } from '@directus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, bootCrm, directDatabase, userWithRole, type CrmInstance } from '../harness/crm.ts';
import { toDbTimestamp } from '../../extensions/crm/src/data/timestamps.ts';
import { testDatabase } from '../harness/database.ts';

type Row = Record<string, any>;
interface Entry {
	kind: string;
	id: number;
	at: string;
	channel: string | null;
	type: string | null;
	subject: string | null;
	value: number | null;
	data: Row;
}
interface Page {
	data: Entry[];
	next: string | null;
	hidden_kinds: string[];
	kinds: string[];
}

const SOURCES = [
	{ kind: 'order', collection: 'crm_orders', at: 'ordered_at', channel: 'channel' },
	{ kind: 'interaction', collection: 'crm_interactions', at: 'occurred_at', channel: 'channel' },
	{ kind: 'feedback', collection: 'crm_feedback', at: 'answered_at', channel: 'channel' },
	{ kind: 'points', collection: 'crm_points_ledger', at: 'occurred_at', channel: null },
	{ kind: 'history', collection: 'crm_history', at: 'changed_at', channel: null },
];

let crm: CrmInstance;
let customerId: number;
let other: number;
let adminToken: string;
const READER_TOKEN = 'timeline-reader-token';
let expected: { key: string; kind: string; channel: string | null }[];

/** The whole JSON body (the SDK would unwrap `data` and drop `next`). */
async function get(path: string, token = adminToken) {
	const response = await fetch(`${crm.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
	return { status: response.status, body: (await response.json()) as Row };
}
async function call<T = Page>(path: string, token = adminToken): Promise<T> {
	const { status, body } = await get(path, token);
	expect(status, `${path}: ${JSON.stringify(body)}`).toBe(200);
	return body as T;
}
async function failure(path: string, token = adminToken) {
	const { status, body } = await get(path, token);
	const error = body.errors?.[0];
	return { status, code: error?.extensions?.code, field: error?.extensions?.field, message: error?.message };
}
const keys = (entries: Entry[]) => entries.map((e) => `${e.kind}:${e.id}`);
const create = (collection: string, body: Row) =>
	crm.client.request(createItem(collection as never, body as never)) as Promise<Row>;

/** Every row of the customer in every source, read through the items API, in the feed's order (newest first). */
async function everything(id: number) {
	const rows = await Promise.all(
		SOURCES.map(async (source) => {
			const items = (await crm.client.request(
				readItems(
					source.collection as never,
					{
						filter: { customer: { _eq: id } },
						fields: ['id', source.at, ...(source.channel ? [source.channel] : [])],
						limit: -1,
					} as never,
				),
			)) as Row[];
			return items.map((item) => ({
				kind: source.kind,
				id: Number(item.id),
				at: Date.parse(item[source.at]),
				channel: source.channel ? (item[source.channel] ?? null) : null,
			}));
		}),
	);
	return rows
		.flat()
		.sort((a, b) => b.at - a.at || (a.kind < b.kind ? 1 : a.kind > b.kind ? -1 : 0) || b.id - a.id)
		.map((row) => ({ key: `${row.kind}:${row.id}`, kind: row.kind, channel: row.channel }));
}

async function waitForPoints(orderIds: number[]) {
	for (let attempt = 0; attempt < 200; attempt++) {
		const orders = (await crm.client.request(
			readItems('crm_orders' as never, { filter: { id: { _in: orderIds } }, fields: ['points_pending'] } as never),
		)) as Row[];
		if (orders.every((order) => order.points_pending === false || order.points_pending === 0)) return;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error('orders never settled');
}

beforeAll(async () => {
	crm = await bootCrm('customer-360', { db: testDatabase() });
	const me = (await crm.client.request(readMe({ fields: ['id'] }))) as Row;
	customerId = (
		await create('crm_customers', {
			full_name: '한지민',
			owner: me.id,
			consent_email: true,
			consent_kakao: true,
			stage: 'customer',
		})
	).id;
	other = (await create('crm_customers', { full_name: '다른 고객' })).id;
	const tie = '2026-02-01T10:00:00.000Z';
	const orders = [
		await create('crm_orders', {
			customer: customerId,
			status: 'paid',
			channel: 'web',
			ordered_at: '2026-01-10T09:00:00.000Z',
			total: 120000,
			lines: [{ kind: 'product', product_name: '니트', quantity: 2, unit_price: 60000, line_total: 120000 }],
		}),
		await create('crm_orders', {
			customer: customerId,
			status: 'paid',
			channel: 'store',
			ordered_at: tie,
			total: 45000,
		}),
		await create('crm_orders', {
			customer: customerId,
			status: 'refunded',
			channel: 'app',
			ordered_at: '2026-02-20T12:00:00.000Z',
			total: 30000,
		}),
		await create('crm_orders', {
			customer: customerId,
			status: 'paid',
			channel: 'app',
			ordered_at: '2026-03-01T08:00:00.000Z',
			total: 80000,
		}),
		await create('crm_orders', { customer: other, status: 'paid', channel: 'web', ordered_at: tie, total: 99000 }),
	];
	for (const [type, channel, at, subject] of [
		['call', 'phone', tie, '배송 문의'],
		['visit', 'visit', tie, 'A/S 방문'],
		['note', 'store', '2026-02-15T00:00:00.000Z', 'VIP 응대'],
		['message', 'email', '2026-01-20T05:00:00.000Z', '견적서 발송'],
		['call', 'phone', '2026-01-21T05:00:00.000Z', '다른 고객 통화'],
	] as const) {
		await create('crm_interactions', {
			customer: subject === '다른 고객 통화' ? other : customerId,
			type,
			channel,
			occurred_at: at,
			subject,
			status: 'done',
			staff: me.id,
		});
	}
	await create('crm_feedback', {
		customer: customerId,
		kind: 'csat',
		score: 4,
		channel: 'kakao',
		answered_at: '2026-01-05T00:00:00.000Z',
		comment: '만족',
	});
	await create('crm_feedback', {
		customer: customerId,
		kind: 'nps',
		score: 9,
		channel: 'web',
		answered_at: '2026-02-21T00:00:00.000Z',
		comment: '추천합니다',
	});
	// History is the CRM's evidence (append-only, refused through the API): the fixture writes it in the database.
	const db = await directDatabase(crm);
	try {
		await db('crm_history').insert({
			customer: customerId,
			kind: 'stage',
			from_value: 'prospect',
			to_value: 'customer',
			reason: 'first paid order',
			changed_at: toDbTimestamp(db, new Date('2026-01-10T09:00:00.000Z')),
		});
	} finally {
		await db.destroy();
	}
	await waitForPoints(orders.map((order) => Number(order.id)));
	expected = await everything(customerId);

	// A staff policy (the timeline is a staff route: admin-app access, one of the 3 seats) that reads customers and
	// interactions and nothing else.
	const policy = (await crm.client.request(
		createPolicy({ name: 'Timeline reader', app_access: true, admin_access: false, enforce_tfa: false } as never),
	)) as Row;
	await crm.client.request(
		createPermissions(
			['crm_customers', 'crm_interactions'].map((collection) => ({
				collection,
				action: 'read',
				fields: ['*'],
				policy: policy.id,
				permissions: {},
				validation: null,
				presets: null,
			})) as never,
		),
	);
	await crm.client.request(createRole({ name: 'Timeline reader', policies: [{ policy: policy.id }] } as never));
	await userWithRole(crm.client, crm.url, 'Timeline reader', READER_TOKEN);
	const login = await fetch(`${crm.url}/auth/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(ADMIN),
	});
	adminToken = ((await login.json()) as Row).data.access_token;
});
afterAll(async () => {
	await crm?.stop();
});

describe('GET /crm/customers/:id/timeline', () => {
	it('merges every source newest first (ties by kind, then id) and only this customer', async () => {
		expect(new Set(expected.map((e) => e.kind))).toEqual(
			new Set(['order', 'interaction', 'feedback', 'points', 'history']),
		);
		const page = await call(`/crm/customers/${customerId}/timeline?limit=100`);
		expect(keys(page.data)).toEqual(expected.map((e) => e.key));
		expect(page).toMatchObject({
			next: null,
			hidden_kinds: [],
			kinds: ['order', 'interaction', 'feedback', 'points', 'history'],
		});
		const times = page.data.map((e) => Date.parse(e.at));
		expect([...times].sort((a, b) => b - a)).toEqual(times);

		const order = page.data.find((e) => e.kind === 'order' && e.channel === 'web')!;
		expect(order).toMatchObject({
			type: 'paid',
			value: 120000,
			at: '2026-01-10T09:00:00.000Z',
			data: { lines: 1, currency: 'KRW' },
		});
		const callEntry = page.data.find((e) => e.subject === '배송 문의')!;
		expect(callEntry).toMatchObject({
			kind: 'interaction',
			type: 'call',
			channel: 'phone',
			data: { status: 'done', staff_name: 'Admin User' },
		});
		expect(page.data.find((e) => e.kind === 'feedback' && e.type === 'nps')).toMatchObject({
			value: 9,
			subject: '추천합니다',
			channel: 'web',
		});
		expect(
			page.data.find((e) => e.kind === 'history' && e.type === 'stage' && e.subject === 'first paid order'),
		).toMatchObject({ data: { from: 'prospect', to: 'customer' }, subject: 'first paid order' });
		expect(page.data.some((e) => e.subject === '다른 고객 통화')).toBe(false);
	});

	it('pages with the cursor through every entry exactly once, for several page sizes', async () => {
		for (const limit of [1, 3, 7]) {
			const seen: string[] = [];
			let before: string | null = null;
			for (let pages = 0; pages < 100; pages++) {
				const page: Page = await call(
					`/crm/customers/${customerId}/timeline?limit=${limit}${before ? `&before=${before}` : ''}`,
				);
				expect(page.data.length).toBeLessThanOrEqual(limit);
				seen.push(...keys(page.data));
				if (!page.next) break;
				expect(page.data.length).toBe(limit);
				before = page.next;
			}
			expect(seen, `limit ${limit}`).toEqual(expected.map((e) => e.key));
		}
	});

	it('filters by kind, by channel and by both', async () => {
		const byKind = await call(`/crm/customers/${customerId}/timeline?kinds=order,feedback&limit=100`);
		expect(keys(byKind.data)).toEqual(expected.filter((e) => ['order', 'feedback'].includes(e.kind)).map((e) => e.key));
		const byChannel = await call(`/crm/customers/${customerId}/timeline?channels=phone,web&limit=100`);
		expect(keys(byChannel.data)).toEqual(
			expected.filter((e) => e.channel === 'phone' || e.channel === 'web').map((e) => e.key),
		);
		expect(byChannel.data.map((e) => e.kind).sort()).toEqual(['feedback', 'interaction', 'order']);
		const both = await call(`/crm/customers/${customerId}/timeline?kinds=interaction&channels=phone,web&limit=100`);
		expect(keys(both.data)).toEqual(
			expected.filter((e) => e.kind === 'interaction' && e.channel === 'phone').map((e) => e.key),
		);
		// A filtered feed pages too.
		const first = await call(`/crm/customers/${customerId}/timeline?kinds=order,points&limit=2`);
		const second = await call(
			`/crm/customers/${customerId}/timeline?kinds=order,points&limit=100&before=${first.next}`,
		);
		expect([...keys(first.data), ...keys(second.data)]).toEqual(
			expected.filter((e) => ['order', 'points'].includes(e.kind)).map((e) => e.key),
		);
	});

	it('answers 400 naming the bad parameter', async () => {
		const base = `/crm/customers/${customerId}/timeline`;
		for (const [query, field] of [
			['limit=0', 'limit'],
			['limit=101', 'limit'],
			['kinds=order,parcel', 'kinds'],
			['channels=PHONE!', 'channels'],
			['before=bm90LWEtY3Vyc29y', 'before'],
		]) {
			const error = await failure(`${base}?${query}`);
			expect(error, query).toMatchObject({ status: 400, code: 'INVALID_PAYLOAD', field });
			expect(error.message, query).toMatch(new RegExp(`^${field}: `));
		}
		// Directus's own query parser answers a non-numeric limit before the endpoint runs, naming it too.
		expect(await failure(`${base}?limit=abc`)).toMatchObject({
			status: 400,
			code: 'INVALID_QUERY',
			message: expect.stringContaining('limit'),
		});
	});

	it('answers 404 for an unknown customer and 403 without read access to customers', async () => {
		expect(await failure('/crm/customers/987654/timeline')).toMatchObject({ status: 404 });
		expect(await failure('/crm/customers/abc/timeline')).toMatchObject({ status: 404 });
		const anonymous = await fetch(`${crm.url}/crm/customers/${customerId}/timeline`);
		expect(anonymous.status).toBe(403);
		expect((await anonymous.json()).errors[0].extensions.code).toBe('FORBIDDEN');
	});

	it('shows a reader only the sources their policy can read and lists the rest in hidden_kinds', async () => {
		const page = await call(`/crm/customers/${customerId}/timeline?limit=100`, READER_TOKEN);
		expect(page.hidden_kinds).toEqual(['order', 'feedback', 'points', 'history']);
		expect(page.kinds).toEqual(['interaction']);
		expect(keys(page.data)).toEqual(expected.filter((e) => e.kind === 'interaction').map((e) => e.key));
		// No directus_users permission: the staff's name is not leaked either.
		expect(page.data.every((e) => !('staff_name' in e.data))).toBe(true);
		const asked = await call(`/crm/customers/${customerId}/timeline?kinds=order,feedback`, READER_TOKEN);
		expect(asked).toMatchObject({ data: [], next: null, hidden_kinds: ['order', 'feedback', 'points', 'history'] });
	});
});

describe('GET /crm/customers/:id/summary', () => {
	it('returns stage, tier, spend, orders, last purchase, NPS, owner, consents and points', async () => {
		const summary = (await call<{ data: Row }>(`/crm/customers/${customerId}/summary`)).data;
		const customer = (await crm.client.request(
			readItem('crm_customers' as never, customerId, {
				fields: [
					'stage',
					'total_spent',
					'order_count',
					'last_order_at',
					'last_nps',
					'points_balance',
					'tier.name',
					'tier.color',
					'tier.code',
				],
			} as never),
		)) as Row;
		expect(summary).toMatchObject({
			id: customerId,
			full_name: '한지민',
			stage: 'customer',
			stage_locked: true, // the fixture sets the stage by hand, which locks it
			total_spent: 245000,
			order_count: 3,
			last_order_at: '2026-03-01T08:00:00.000Z',
			last_nps: 9,
			owner: { name: 'Admin User' },
			consent: { email: true, sms: false, kakao: true, night: false },
			points_balance: Number(customer.points_balance),
			currency: 'KRW',
			hidden: [],
		});
		expect(Number(customer.total_spent)).toBe(245000);
		expect(summary.tier).toEqual(
			customer.tier ? { code: customer.tier.code, name: customer.tier.name, color: customer.tier.color } : null,
		);
		expect(summary.points_balance).toBeGreaterThan(0);
	});

	it('leaves out tier and owner for a caller who cannot read tiers or users; 404 and 403 like the timeline', async () => {
		const summary = (await call<{ data: Row }>(`/crm/customers/${customerId}/summary`, READER_TOKEN)).data;
		expect(summary).toMatchObject({ tier: null, owner: null, hidden: ['tier', 'owner'], order_count: 3 });
		expect(await failure('/crm/customers/987654/summary')).toMatchObject({ status: 404 });
		expect((await fetch(`${crm.url}/crm/customers/${customerId}/summary`)).status).toBe(403);
	});
});
