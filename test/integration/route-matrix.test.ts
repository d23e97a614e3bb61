// The permission matrix, generated from the declarations (not written by hand): every /crm route of the route table
// (api/route-access.ts) and every CRM collection × create/read/update/delete (and the CRM-owned fields and outbox
// transitions of domain/owned-fields.ts) for each role of scripts/lib/roles.ts, the admin and the public. Each
// expectation is computed from those tables; the test then asks a real Directus (SQLite) and compares.
import {
	createItem,
	createPermissions,
	createPolicy,
	createRole,
	customEndpoint,
	deleteItem,
	readItems,
	readRoles,
	readUsers,
	updateItem,
	updateSingleton,
	updateUser,
} from '@directus/sdk';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminClientWithToken } from '../../scripts/lib/admin-client.ts';
import { ROLES, type Action } from '../../scripts/lib/roles.ts';
import { needsOf, ROUTE_ACCESS, type RouteAccess } from '../../extensions/crm/src/api/route-access.ts';
import { OWNED } from '../../extensions/crm/src/domain/owned-fields.ts';
import { toDbTimestamp } from '../../extensions/crm/src/data/timestamps.ts';
import { bootCrm, directDatabase, userWithRole, type CrmInstance } from '../harness/crm.ts';

type Row = Record<string, any>;
type Client = ReturnType<typeof adminClientWithToken>;
type Outcome = 'allowed' | 'denied' | 'refused';

let crm: CrmInstance;
let db: Knex;
let staff: Client;
const clients: Record<string, Client> = {};
const ids: Record<string, number> = {};

/** Who is asked: the CRM roles by name, the admin and the public (no token). */
const ACTORS = ['admin', ...ROLES.map((role) => role.name), 'public'];
const spec = (actor: string) => ROLES.find((role) => role.name === actor);
const may = (actor: string, collection: string, action: Action) =>
	actor === 'admin' || Boolean(spec(actor)?.permissions[collection]?.includes(action));
const appAccess = (actor: string) => actor === 'admin' || Boolean(spec(actor)?.appAccess);

async function clientFor(actor: string): Promise<Client> {
	if (actor === 'admin') return crm.client as Client;
	if (actor === 'public') return clients.public;
	if (!spec(actor)!.appAccess) return clients[actor];
	// Three app seats on the core tier (admin included): one staff user moves through the app roles.
	const [{ id: role }] = await crm.client.request(readRoles({ filter: { name: { _eq: actor } }, fields: ['id'] }));
	const [{ id: user }] = await crm.client.request(
		readUsers({ filter: { email: { _eq: 'matrix-staff@example.com' } }, fields: ['id'] }),
	);
	await crm.client.request(updateUser(user, { role }));
	return staff;
}

const status = async (promise: Promise<unknown>) => {
	try {
		await promise;
		return 200;
	} catch (error) {
		const code = (error as { response?: Response }).response?.status;
		if (!code) throw error;
		return code;
	}
};

// ---- routes ----

interface Probe {
	path: string;
	body?: Row;
}
/** One or more requests per route (a route whose needs depend on the body is asked each way). */
function probes(route: RouteAccess): Probe[] {
	const p = route.path.replace(
		':id',
		String(
			route.path.startsWith('/segments')
				? ids.segment
				: route.path.startsWith('/products')
					? ids.product
					: route.path.startsWith('/followups')
						? ids.rule
						: ids.customer,
		),
	);
	const customer = ids.customer;
	switch (`${route.method} ${route.path}`) {
		case 'POST /stages/refresh':
			return [
				{ path: p, body: { customer } },
				{ path: p, body: {} },
			];
		case 'POST /segments/preview':
			return [
				{ path: p, body: { rule: { type: 'segment', segment: ids.segment } } },
				{ path: p, body: { rule: { type: 'feedback', kind: 'nps' } } },
			];
		case 'POST /import/preview':
			return [
				{ path: p, body: { kind: 'customers', csv: '이름\n김민준' } },
				{ path: p, body: { kind: 'orders', csv: 'id\n1' } },
			];
		case 'GET /kpi/trend':
			return [{ path: `${p}?kpi=revenue` }];
		case 'POST /templates/preview':
			return [{ path: p, body: { customer, source: { kind: 'sms', purpose: 'transactional', body: '안내' } } }];
		case 'POST /loyalty/adjust':
			return [{ path: p, body: { customer, points: 1, reason: 'matrix' } }];
		case 'POST /loyalty/redeem':
			return [{ path: p, body: { customer, reward: 999_999 } }];
		case 'POST /loyalty/preview':
			return [{ path: p, body: { order: { lines: [] } } }];
		case 'POST /surveys/links':
			return [{ path: p, body: { customer, survey: 'nps' } }];
		default:
			return [{ path: p, body: route.method === 'POST' ? { code: 'AAAA-BBBB-CCCC' } : undefined }];
	}
}

function expectedRoute(actor: string, route: RouteAccess, probe: Probe): 'allowed' | 'denied' {
	if (route.audience === 'public') return 'allowed';
	if (actor === 'public') return 'denied';
	if (route.audience === 'staff' && !appAccess(actor)) return 'denied';
	const needs = needsOf(route, { body: probe.body ?? {}, query: {} });
	return needs.every(([collection, action]) => may(actor, collection, action)) ? 'allowed' : 'denied';
}

async function askRoute(client: Client, route: RouteAccess, probe: Probe): Promise<'allowed' | 'denied'> {
	const code = await status(
		client.request(
			customEndpoint({
				path: `/crm${probe.path}`,
				method: route.method,
				...(probe.body ? { body: JSON.stringify(probe.body) } : {}),
			}),
		),
	);
	if (code >= 500) throw new Error(`${route.method} ${probe.path}: ${code}`);
	return code === 401 || code === 403 ? 'denied' : 'allowed';
}

// ---- collections ----

const COLLECTIONS = [...new Set([...ROLES.flatMap((role) => Object.keys(role.permissions)), ...Object.keys(OWNED)])]
	.filter((c) => c.startsWith('crm_'))
	.sort();

const now = () => new Date().toISOString();
let n = 0;
/** A valid new row for each collection (what an allowed caller's create must accept). */
const newRow = (collection: string): Row => {
	const k = `${Date.now()}-${++n}`;
	const rows: Record<string, Row> = {
		crm_customers: { full_name: `행렬 ${k}` },
		crm_products: { sku: `M-${k}`, name: '상품' },
		crm_orders: { customer: ids.customer, ordered_at: now(), total: 1000, status: 'pending' },
		crm_order_lines: {
			order: ids.order,
			kind: 'product',
			product_name: 'x',
			quantity: 1,
			unit_price: 0,
			line_total: 0,
		},
		crm_interactions: { customer: ids.customer, channel: 'phone', type: 'call', occurred_at: now() },
		crm_feedback: { customer: ids.customer, kind: 'nps', score: 9, answered_at: now() },
		crm_segments: { name: `행렬 ${k}`, kind: 'static' },
		crm_segment_members: { segment: ids.segment, customer: ids.customer, entered_at: now(), source: 'manual' },
		crm_loyalty_rules: { name: `행렬 ${k}`, status: 'archived', kind: 'spend', points: 1, per_amount: 1000 },
		crm_tiers: { code: `m${n}`, name: `행렬 ${k}`, rank: 100 + n, threshold: 10_000_000 + n, multiplier: 1 },
		crm_rewards: { name: `행렬 ${k}`, status: 'archived', points_cost: 100, kind: 'amount', amount: 100 },
		crm_coupons: { code: `MTRX-${k}`, customer: ids.customer, reward: ids.crm_rewards },
		crm_templates: {
			key: `m${n}x${Date.now()}`,
			name: '행렬',
			kind: 'email',
			purpose: 'transactional',
			language: 'ko-KR',
			subject: 's',
			body: 'b',
		},
		crm_followup_rules: { name: `행렬 ${k}`, status: 'archived', trigger: 'order_paid', action: 'task' },
		crm_points_ledger: { customer: ids.customer, kind: 'adjust', points: 5, occurred_at: now(), source_key: `m:${k}` },
		crm_events: { idempotency_key: `m:${k}`, type: 'customer.upsert', status: 'done', received_at: now() },
		crm_history: { customer: ids.customer, kind: 'stage', changed_at: now() },
		crm_kpi_snapshots: { snapshot_key: `m:${k}`, day: '2026-01-01', kpi: 'revenue', value: 1 },
		crm_outbox: { dedupe_key: `m:${k}`, customer: ids.customer, channel: 'email', due_at: now() },
	};
	return rows[collection] ?? {};
};
const CHANGE: Record<string, Row> = {
	crm_customers: { notes: '행렬' },
	crm_products: { description: '행렬' },
	crm_orders: { notes: '행렬' },
	crm_order_lines: { product_name: '행렬' },
	crm_interactions: { subject: '행렬' },
	crm_feedback: { comment: '행렬' },
	crm_segments: { description: '행렬' },
	crm_segment_members: { source: 'manual' },
	crm_loyalty_rules: { description: '행렬' },
	crm_tiers: { description: '행렬' },
	crm_rewards: { description: '행렬' },
	crm_coupons: { order: null },
	crm_templates: { name: '행렬' },
	crm_followup_rules: { name: '행렬' },
	crm_settings: { sender_name: '행렬 상점' },
	crm_outbox: { last_error: 'x' },
};
/** Creates refused to everyone by a CRM rule other than the owned-data table: coupons come from redeeming. */
const ISSUED_ONLY = new Set(['crm_coupons']);

/** Makes a row the CRM would have made (with SQL: append-only and issued-only collections cannot be created). */
async function seedRow(collection: string): Promise<number> {
	if (OWNED[collection]?.appendOnly || ISSUED_ONLY.has(collection)) {
		const row = newRow(collection);
		for (const field of ['occurred_at', 'received_at', 'changed_at', 'due_at'])
			if (row[field]) row[field] = toDbTimestamp(db, new Date(row[field]));
		if (collection === 'crm_outbox') Object.assign(row, { status: 'scheduled', marketing: false, attempts: 0 });
		if (collection === 'crm_coupons') Object.assign(row, { status: 'issued', points_cost: 0 });
		if (collection === 'crm_events') row.payload = '{}';
		const [inserted] = await db(collection).insert(row).returning('id');
		return Number(typeof inserted === 'object' ? inserted.id : inserted);
	}
	return Number(((await crm.client.request(createItem(collection as never, newRow(collection) as never))) as Row).id);
}

function expectedItem(actor: string, collection: string, action: Action | 'owned' | 'transition'): Outcome {
	const owned = Object.hasOwn(OWNED, collection) ? OWNED[collection] : undefined;
	if (action === 'owned') return 'refused';
	if (action === 'transition') return may(actor, collection, 'update') ? 'allowed' : 'denied';
	if (action !== 'read' && owned?.appendOnly) return 'refused';
	if (action === 'create' && ISSUED_ONLY.has(collection)) return 'refused';
	return may(actor, collection, action) ? 'allowed' : 'denied';
}

async function askItem(client: Client, collection: string, action: Action | 'owned' | 'transition'): Promise<Outcome> {
	const singleton = collection === 'crm_settings';
	let request: Promise<unknown>;
	if (action === 'read')
		request = client.request(readItems(collection as never, { fields: ['id'], limit: 1 } as never));
	else if (action === 'create') request = client.request(createItem(collection as never, newRow(collection) as never));
	else if (action === 'update')
		request = singleton
			? client.request(updateSingleton(collection as never, CHANGE[collection] as never))
			: client.request(updateItem(collection as never, ids[collection], (CHANGE[collection] ?? { id: 1 }) as never));
	else if (action === 'owned') {
		const write = { [OWNED[collection]!.fields![0]!]: null };
		request = singleton
			? client.request(updateSingleton(collection as never, write as never))
			: client.request(updateItem(collection as never, ids[collection], write as never));
	} else if (action === 'transition')
		request = client.request(
			updateItem(collection as never, await seedRow(collection), { status: 'cancelled' } as never),
		);
	else request = client.request(deleteItem(collection as never, await seedRow(collection)));
	const code = await status(request);
	if (code >= 500) throw new Error(`${action} ${collection}: ${code}`);
	return code < 300
		? 'allowed'
		: code === 400
			? 'refused'
			: code === 401 || code === 403
				? 'denied'
				: (String(code) as Outcome);
}

const itemCases = () =>
	COLLECTIONS.flatMap((collection) => {
		const actions: (Action | 'owned' | 'transition')[] =
			collection === 'crm_settings' ? ['read', 'update'] : ['create', 'read', 'update', 'delete'];
		if (OWNED[collection]?.fields) actions.push('owned');
		if (OWNED[collection]?.transitions) actions.push('transition');
		return actions.map((action) => ({ collection, action }));
	});

beforeAll(async () => {
	crm = await bootCrm('route-matrix');
	db = await directDatabase(crm);
	staff = await userWithRole(crm.client, crm.url, 'CRM Manager', 'matrix-staff');
	for (const role of ROLES.filter((r) => !r.appAccess))
		clients[role.name] = await userWithRole(crm.client, crm.url, role.name, `matrix-${role.icon}`);
	clients.public = adminClientWithToken(crm.url, '');
	ids.customer = await seedRow('crm_customers');
	ids.order = await seedRow('crm_orders');
	ids.product = await seedRow('crm_products');
	ids.segment = await seedRow('crm_segments');
	ids.rule = await seedRow('crm_followup_rules');
	ids.crm_rewards = await seedRow('crm_rewards');
	for (const collection of COLLECTIONS)
		if (collection !== 'crm_settings' && !ids[collection]) ids[collection] = await seedRow(collection);
});
afterAll(async () => {
	await db?.destroy();
	await crm?.stop();
});

describe('permission matrix (from the route table, the owned-data table and the roles)', () => {
	it('covers every /crm route and every CRM collection', () => {
		expect(ROUTE_ACCESS.length).toBeGreaterThanOrEqual(38);
		expect(COLLECTIONS.length).toBe(20);
	});

	for (const actor of ACTORS) {
		it(`${actor}: every /crm route and every collection action answers as the tables say`, async () => {
			const client = await clientFor(actor);
			const actual: Record<string, string> = {};
			const expected: Record<string, string> = {};
			for (const route of ROUTE_ACCESS)
				for (const probe of probes(route)) {
					const key = `${route.method} ${probe.path} ${probe.body ? JSON.stringify(probe.body).slice(0, 40) : ''}`;
					expected[key] = expectedRoute(actor, route, probe);
					actual[key] = await askRoute(client, route, probe);
				}
			for (const { collection, action } of itemCases()) {
				const key = `${action} ${collection}`;
				expected[key] = expectedItem(actor, collection, action);
				actual[key] = await askItem(client, collection, action);
			}
			expect(actual).toEqual(expected);
			// Not a degenerate matrix: owned data is refused to everyone, the admin included; every role but the
			// Manager is denied something.
			expect(Object.values(actual)).toContain('refused');
			expect(Object.values(actual)).toContain(actor === 'public' ? 'denied' : 'allowed');
			if (actor !== 'admin' && actor !== 'CRM Manager') expect(Object.values(actual)).toContain('denied');
		});
	}
});

describe('segment preview (finding 9)', () => {
	it('needs read on every collection its rule reads: no members read, no segment condition', async () => {
		// A staff role that reads customers only (the staff user moves to it).
		const policy = await crm.client.request(
			createPolicy({ name: 'Customers only', app_access: true, admin_access: false, enforce_tfa: false } as never),
		);
		await crm.client.request(
			createPermissions([
				{ policy: policy.id, collection: 'crm_customers', action: 'read', fields: ['*'] },
				{ policy: policy.id, collection: 'directus_users', action: 'read', fields: ['*'] },
			] as never),
		);
		const role = await crm.client.request(
			createRole({ name: 'Customers only', policies: [{ policy: policy.id }] } as never),
		);
		const [{ id: user }] = await crm.client.request(
			readUsers({ filter: { email: { _eq: 'matrix-staff@example.com' } }, fields: ['id'] }),
		);
		await crm.client.request(updateUser(user, { role: role.id }));
		await crm.client.request(
			createItem(
				'crm_segment_members' as never,
				{
					segment: ids.segment,
					customer: ids.customer,
					entered_at: now(),
					source: 'manual',
				} as never,
			),
		);
		const preview = (rule: Row) =>
			staff.request(customEndpoint({ path: '/crm/segments/preview', method: 'POST', body: JSON.stringify({ rule }) }));
		expect(await status(preview({ type: 'segment', segment: ids.segment }))).toBe(403);
		expect(await status(preview({ type: 'feedback', kind: 'nps' }))).toBe(403);
		expect(await status(preview({ any: [{ type: 'field', field: 'country', op: 'eq', value: 'KR' }] }))).toBe(200);
	});
});
