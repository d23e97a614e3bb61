// Each CRM role, as a real user with a static token, can do exactly what it should through the Directus API.
import {
	createItem,
	readItems,
	updateItem,
	deleteItem,
	readRoles,
	readUsers,
	updateUser,
	updateSingleton,
	customEndpoint,
} from '@directus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminClientWithToken } from '../../scripts/lib/admin-client.ts';
import { bootCrm, userWithRole, type CrmInstance } from '../harness/crm.ts';

let crm: CrmInstance;
let customerId: number;
let orderId: number;
type Client = ReturnType<typeof adminClientWithToken>;
const clients: Record<string, Client> = {};
let staff: Client;
const APP_ROLES: Record<string, string> = {
	manager: 'CRM Manager',
	sales: 'CRM Sales',
	marketing: 'CRM Marketing',
	support: 'CRM Support',
};

beforeAll(async () => {
	crm = await bootCrm('roles');
	const customer = await crm.client.request(createItem('crm_customers' as never, { full_name: '이서연' } as never));
	customerId = customer.id;
	const order = await crm.client.request(
		createItem(
			'crm_orders' as never,
			{ customer: customerId, total: 1000, ordered_at: '2026-01-01T00:00:00Z' } as never,
		),
	);
	orderId = order.id;
	// The core tier has 3 app seats (admin included), so one staff user moves through the app roles in turn.
	staff = await userWithRole(crm.client, crm.url, 'CRM Manager', 'role-test-staff');
	clients.events = await userWithRole(crm.client, crm.url, 'CRM Events API', 'role-test-events');
	clients.public = adminClientWithToken(crm.url, '');
});
afterAll(async () => {
	await crm?.stop();
});

const attempt = async (promise: Promise<unknown>) => {
	try {
		await promise;
		return 'allowed';
	} catch (error) {
		const status = (error as { response?: Response }).response?.status;
		if (status === 403 || status === 401) return 'denied';
		throw error;
	}
};

const readCustomers = (c: Client) =>
	c.request(readItems('crm_customers' as never, { fields: ['id'], limit: 1 } as never));
const updateCustomer = (c: Client) =>
	c.request(updateItem('crm_customers' as never, customerId, { notes: 'updated' } as never));
const logInteraction = (c: Client) =>
	c.request(
		createItem(
			'crm_interactions' as never,
			{ customer: customerId, channel: 'phone', type: 'call', occurred_at: '2026-02-01T09:00:00Z' } as never,
		),
	);
const createOrder = (c: Client) =>
	c.request(
		createItem(
			'crm_orders' as never,
			{ customer: customerId, total: 5000, ordered_at: '2026-02-02T09:00:00Z' } as never,
		),
	);
const readOrders = (c: Client) => c.request(readItems('crm_orders' as never, { fields: ['id'], limit: 1 } as never));
const updateOrder = (c: Client) => c.request(updateItem('crm_orders' as never, orderId, { notes: 'x' } as never));
const writeFeedback = (c: Client) =>
	c.request(
		createItem(
			'crm_feedback' as never,
			{ customer: customerId, kind: 'nps', score: 9, answered_at: '2026-02-03T09:00:00Z' } as never,
		),
	);
const updateSettings = (c: Client) =>
	c.request(updateSingleton('crm_settings' as never, { sender_name: 'Shop' } as never));
async function refreshRfm(c: Client) {
	return c.request(customEndpoint({ path: '/crm/rfm/refresh', method: 'POST', body: JSON.stringify({}) }));
}
async function deleteCustomer(c: Client) {
	const doomed = await crm.client.request(createItem('crm_customers' as never, { full_name: 'To delete' } as never));
	return c.request(deleteItem('crm_customers' as never, doomed.id));
}

// role → [readCustomers, updateCustomer, logInteraction, createOrder, readOrders, updateOrder, writeFeedback, updateSettings, deleteCustomer, refreshRfm]
const MATRIX: Record<string, string[]> = {
	manager: [
		'allowed',
		'allowed',
		'allowed',
		'allowed',
		'allowed',
		'allowed',
		'allowed',
		'allowed',
		'allowed',
		'allowed',
	],
	sales: ['allowed', 'allowed', 'allowed', 'denied', 'allowed', 'denied', 'denied', 'denied', 'denied', 'denied'],
	// RFM rescoring is a whole-base recompute: settings update (the Manager), #15.
	marketing: ['allowed', 'denied', 'denied', 'denied', 'allowed', 'denied', 'denied', 'denied', 'denied', 'denied'],
	support: ['allowed', 'denied', 'allowed', 'denied', 'allowed', 'denied', 'allowed', 'denied', 'denied', 'denied'],
	events: ['allowed', 'allowed', 'allowed', 'allowed', 'allowed', 'allowed', 'allowed', 'denied', 'denied', 'denied'],
	public: ['denied', 'denied', 'denied', 'denied', 'denied', 'denied', 'denied', 'denied', 'denied', 'denied'],
};
const ACTIONS = [
	readCustomers,
	updateCustomer,
	logInteraction,
	createOrder,
	readOrders,
	updateOrder,
	writeFeedback,
	updateSettings,
	deleteCustomer,
	refreshRfm,
];

/** The client acting as `role`: the one staff user is moved to app roles in turn (3 app seats on the core tier). */
async function clientFor(role: string): Promise<Client> {
	if (!APP_ROLES[role]) return clients[role];
	const [{ id: roleId }] = await crm.client.request(
		readRoles({ filter: { name: { _eq: APP_ROLES[role] } }, fields: ['id'] }),
	);
	const [{ id: userId }] = await crm.client.request(
		readUsers({ filter: { email: { _eq: 'role-test-staff@example.com' } }, fields: ['id'] }),
	);
	await crm.client.request(updateUser(userId, { role: roleId }));
	return staff;
}

describe('role permissions', () => {
	for (const [role, expected] of Object.entries(MATRIX)) {
		it(`${role} can do exactly what its role allows`, async () => {
			const client = await clientFor(role);
			const actual: string[] = [];
			for (const action of ACTIONS) actual.push(await attempt(action(client)));
			expect(Object.fromEntries(ACTIONS.map((a, i) => [a.name, actual[i]]))).toEqual(
				Object.fromEntries(ACTIONS.map((a, i) => [a.name, expected[i]])),
			);
		});
	}
});

// The CRM's own endpoints check the same Directus permissions. "allowed" means the permission check passed: the
// request may still fail for its own reasons (no points, unknown coupon), but never with 401/403, and never with 500.
const passesPermission = async (promise: Promise<unknown>) => {
	try {
		await promise;
		return 'allowed';
	} catch (error) {
		const status = (error as { response?: Response }).response?.status ?? 0;
		if (status === 403 || status === 401) return 'denied';
		if (status >= 500 || status === 0) throw error;
		return 'allowed';
	}
};
const post = (c: Client, path: string, body: unknown) =>
	c.request(customEndpoint({ path, method: 'POST', body: JSON.stringify(body) }));
const get = (c: Client, path: string) => c.request(customEndpoint({ path, method: 'GET' }));
const adjustPoints = (c: Client) =>
	post(c, '/crm/loyalty/adjust', { customer: customerId, points: 1, reason: 'role test' });
const redeemReward = (c: Client) => post(c, '/crm/loyalty/redeem', { customer: customerId, reward: 1 });
const consumeCoupon = (c: Client) => post(c, '/crm/coupons/consume', { code: 'AAAA-BBBB-CCCC' });
const loyaltyCard = (c: Client) => get(c, `/crm/loyalty/customers/${customerId}`);
const timeline = (c: Client) => get(c, `/crm/customers/${customerId}/timeline`);
const importPreview = (c: Client) => post(c, '/crm/import/preview', { kind: 'customers', csv: '이름\n김민준' });
const refreshStages = (c: Client) => post(c, '/crm/stages/refresh', { customer: customerId });
const surveyLink = (c: Client) => post(c, '/crm/surveys/links', { customer: customerId, survey: 'nps' });
const ENDPOINTS = [
	adjustPoints,
	redeemReward,
	consumeCoupon,
	loyaltyCard,
	timeline,
	importPreview,
	refreshStages,
	surveyLink,
];
// role → [adjustPoints, redeemReward, consumeCoupon, loyaltyCard, timeline, importPreview, refreshStages, surveyLink]
const ENDPOINT_MATRIX: Record<string, string[]> = {
	manager: ['allowed', 'allowed', 'allowed', 'allowed', 'allowed', 'allowed', 'allowed', 'allowed'],
	sales: ['denied', 'allowed', 'denied', 'allowed', 'allowed', 'allowed', 'allowed', 'denied'],
	marketing: ['denied', 'denied', 'denied', 'allowed', 'allowed', 'denied', 'denied', 'denied'],
	support: ['denied', 'denied', 'denied', 'allowed', 'allowed', 'denied', 'denied', 'allowed'],
	// The Events API reaches the shop routes only (README): coupons, redeem, events; no staff routes (#15).
	events: ['denied', 'allowed', 'allowed', 'denied', 'denied', 'denied', 'denied', 'denied'],
	public: ['denied', 'denied', 'denied', 'denied', 'denied', 'denied', 'denied', 'denied'],
};

describe('CRM endpoint permissions', () => {
	for (const [role, expected] of Object.entries(ENDPOINT_MATRIX)) {
		it(`${role} reaches exactly the CRM endpoints its role allows`, async () => {
			const client = await clientFor(role);
			const actual: string[] = [];
			for (const action of ENDPOINTS) actual.push(await passesPermission(action(client)));
			expect(Object.fromEntries(ENDPOINTS.map((a, i) => [a.name, actual[i]]))).toEqual(
				Object.fromEntries(ENDPOINTS.map((a, i) => [a.name, expected[i]])),
			);
		});
	}
});
