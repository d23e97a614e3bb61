// The SDK types compile against a typed @directus/sdk client, and list exactly the schema's fields.
import { createDirectus, createItem, customEndpoint, readItems, rest, staticToken } from '@directus/sdk';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { COLLECTIONS } from '../../../../scripts/snapshot/definition.ts';
import type {
	CrmCustomer,
	CrmEvent,
	CrmEventRecord,
	CrmEventsRequest,
	CrmEventsResponse,
	CrmInteraction,
	CrmOrder,
	CrmOrderLine,
	CrmProduct,
	CrmSchema,
} from './index';

const crm = createDirectus<CrmSchema>('http://crm.invalid').with(staticToken('token')).with(rest());

describe('CrmSchema with @directus/sdk', () => {
	it('types reads, nested fields and writes', () => {
		// Never called: only the types are under test.
		const _readOrders = () =>
			crm.request(
				readItems('crm_orders', {
					fields: ['id', 'total', 'status', { customer: ['full_name', 'email'] }],
					filter: { status: { _eq: 'paid' } },
				}),
			);
		type Order = Awaited<ReturnType<typeof _readOrders>>[number];
		expectTypeOf<Order['status']>().toEqualTypeOf<'pending' | 'paid' | 'fulfilled' | 'refunded' | 'cancelled'>();
		expectTypeOf<Order['customer']>().toMatchTypeOf<{ full_name: string; email: string | null }>();
		expectTypeOf<Order>().not.toHaveProperty('notes');

		const _createCustomer = () =>
			crm.request(createItem('crm_customers', { full_name: '김민준', phone: '+821012345678' }));
		expectTypeOf<Awaited<ReturnType<typeof _createCustomer>>['full_name']>().toEqualTypeOf<string>();
		// @ts-expect-error: not a CRM collection
		readItems<CrmSchema, 'crm_unknown', never>('crm_unknown');

		const send = (body: CrmEventsRequest) =>
			crm.request(
				customEndpoint<CrmEventsResponse>({ path: '/crm/events', method: 'POST', body: JSON.stringify(body) }),
			);
		expectTypeOf(send).returns.resolves.toEqualTypeOf<CrmEventsResponse>();
		expect(typeof send).toBe('function');
	});

	it('types event payloads per event type', () => {
		const placed: CrmEvent = {
			type: 'order.placed',
			idempotency_key: 'shop:A-1',
			data: {
				external_id: 'A-1',
				customer: { email: 'kim@example.com' },
				ordered_at: '2026-03-01T10:00:00+09:00',
				total: 33000,
				lines: [{ sku: 'TEA-1', quantity: 2, unit_price: 16500 }],
			},
		};
		expectTypeOf(placed).toMatchTypeOf<CrmEvent>();
		const badLine: CrmEvent = {
			type: 'order.placed',
			idempotency_key: 'k',
			// @ts-expect-error: quantity is required on a line
			data: { customer: { id: 1 }, ordered_at: '2026-03-01T00:00:00Z', total: 1, lines: [{ sku: 'X' }] },
		};
		const badRefund: CrmEvent = {
			type: 'order.refunded',
			idempotency_key: 'k',
			// @ts-expect-error: a refund carries a reference only
			data: { external_id: 'A-1', total: 5 },
		};
		expect([badLine, badRefund]).toHaveLength(2);
	});
});

// Exhaustive key lists (the compiler refuses a missing or extra key), compared with the snapshot definition.
type Keys<T> = { [K in keyof T]-?: true };
const t = true as const;
const KEYS: Record<string, object> = {
	crm_customers: {
		id: t,
		status: t,
		full_name: t,
		first_name: t,
		last_name: t,
		email: t,
		phone: t,
		external_id: t,
		stage: t,
		stage_locked: t,
		owner: t,
		source: t,
		referred_by: t,
		birthday: t,
		gender: t,
		language: t,
		timezone: t,
		company: t,
		address: t,
		postal_code: t,
		country: t,
		tags: t,
		preferred_channel: t,
		preferences: t,
		consent_email: t,
		consent_email_at: t,
		consent_sms: t,
		consent_sms_at: t,
		consent_kakao: t,
		consent_kakao_at: t,
		consent_night: t,
		consent_night_at: t,
		order_count: t,
		total_spent: t,
		first_order_at: t,
		last_order_at: t,
		last_interaction_at: t,
		last_nps: t,
		rfm_r: t,
		rfm_f: t,
		rfm_m: t,
		rfm_cell: t,
		rfm_at: t,
		p_alive: t,
		expected_purchases_90d: t,
		predicted_clv: t,
		clv_at: t,
		points_balance: t,
		points_earned: t,
		tier: t,
		tier_review_at: t,
		notes: t,
		orders: t,
		interactions: t,
		date_created: t,
		date_updated: t,
	} satisfies Keys<CrmCustomer>,
	crm_products: {
		id: t,
		status: t,
		sort: t,
		sku: t,
		name: t,
		category: t,
		price: t,
		description: t,
		also_bought: t,
		also_bought_at: t,
		date_created: t,
	} satisfies Keys<CrmProduct>,
	crm_orders: {
		id: t,
		status: t,
		external_id: t,
		customer: t,
		channel: t,
		ordered_at: t,
		total: t,
		discount_total: t,
		currency: t,
		notes: t,
		points_pending: t,
		lines: t,
		date_created: t,
		date_updated: t,
	} satisfies Keys<CrmOrder>,
	crm_order_lines: {
		id: t,
		order: t,
		product: t,
		kind: t,
		product_name: t,
		category: t,
		quantity: t,
		unit_price: t,
		line_total: t,
	} satisfies Keys<CrmOrderLine>,
	crm_interactions: {
		id: t,
		customer: t,
		channel: t,
		direction: t,
		type: t,
		status: t,
		subject: t,
		body: t,
		occurred_at: t,
		due_at: t,
		staff: t,
		assignee: t,
		order: t,
		source_key: t,
		date_created: t,
		date_updated: t,
	} satisfies Keys<CrmInteraction>,
	crm_events: {
		id: t,
		idempotency_key: t,
		type: t,
		status: t,
		received_at: t,
		payload: t,
		result: t,
	} satisfies Keys<CrmEventRecord>,
};

describe('schema types match the snapshot definition', () => {
	it.each(Object.keys(KEYS))('%s', (collection) => {
		const def = COLLECTIONS.find((c) => c.collection === collection)!;
		const dataFields = def.fields
			.filter((field) => !((field.meta?.special as string[] | undefined) ?? []).includes('no-data'))
			.map((field) => field.field);
		expect(Object.keys(KEYS[collection]).sort()).toEqual(['id', ...dataFields].sort());
	});
});
