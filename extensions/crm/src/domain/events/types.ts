// The events API's payloads, as clients send them (after normalisation: e-mails lower-case, phones E.164,
// timestamps ISO UTC). Pure types: shared by the validator, the endpoint and the exported SDK types.

export const EVENT_TYPES = [
	'customer.upsert',
	'order.placed',
	'order.paid',
	'order.refunded',
	'order.cancelled',
	'interaction.logged',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** One problem with a request, e.g. `{ path: 'events[3].data.lines[0].quantity', message: 'must be a positive integer' }`. */
export interface Issue {
	path: string;
	message: string;
}

/** A customer, by exactly one of its keys. */
export type CustomerRef = { id: number } | { external_id: string } | { email: string } | { phone: string };
/** An order, by exactly one of its keys. */
export type OrderRef = { id: number } | { external_id: string };

export type OrderStatus = 'pending' | 'paid' | 'fulfilled' | 'refunded' | 'cancelled';
export type OrderChannel = 'store' | 'web' | 'app' | 'phone' | 'marketplace';
export type LineKind = 'product' | 'discount' | 'reward' | 'shipping';
export type InteractionChannel = 'store' | 'phone' | 'email' | 'sms' | 'kakao' | 'web' | 'social' | 'visit';
export type InteractionType =
	'call' | 'visit' | 'note' | 'inquiry' | 'complaint' | 'after_sales' | 'meeting' | 'task' | 'message';
export type CustomerSource = 'store' | 'web' | 'app' | 'referral' | 'social' | 'event' | 'import' | 'other';

export interface CustomerUpsertData {
	external_id?: string;
	email?: string;
	phone?: string;
	/** Required when the customer is new. */
	full_name?: string;
	first_name?: string | null;
	last_name?: string | null;
	language?: 'ko-KR' | 'en-US';
	gender?: 'female' | 'male' | 'other' | null;
	/** YYYY-MM-DD. */
	birthday?: string | null;
	company?: string | null;
	address?: string | null;
	postal_code?: string | null;
	/** ISO 3166-1 alpha-2, e.g. KR. */
	country?: string | null;
	source?: CustomerSource | null;
	tags?: string[] | null;
	preferred_channel?: 'email' | 'sms' | 'kakao' | 'phone' | null;
	consent_email?: boolean;
	consent_sms?: boolean;
	consent_kakao?: boolean;
	consent_night?: boolean;
	notes?: string | null;
}

export interface OrderLineInput {
	/** Matched against crm_products.sku; an unknown SKU keeps the line without a product. */
	sku?: string;
	/** Required when there is no SKU, or the SKU is unknown. */
	product_name?: string;
	kind?: LineKind;
	category?: string;
	quantity: number;
	unit_price?: number;
	/** Defaults to quantity × unit_price. */
	line_total?: number;
}

export interface OrderInput {
	external_id?: string;
	customer: CustomerRef;
	channel?: OrderChannel;
	/** ISO 8601 with a time zone, e.g. 2026-03-01T10:15:00+09:00. */
	ordered_at: string;
	total: number;
	discount_total?: number;
	/** ISO 4217, e.g. KRW. */
	currency?: string;
	notes?: string;
	lines?: OrderLineInput[];
}

export interface OrderPlacedData extends OrderInput {
	/** Defaults to pending. */
	status?: OrderStatus;
}

/** order.refunded / order.cancelled: the order by id or external_id. */
export type OrderStatusData = { id: number; external_id?: never } | { external_id: string; id?: never };

/** order.paid: an existing order by id or external_id, or a full order (with external_id) to create as paid. */
export type OrderPaidData = OrderStatusData | (OrderInput & { external_id: string; id?: never });

export interface InteractionLoggedData {
	customer: CustomerRef;
	channel: InteractionChannel;
	type: InteractionType;
	direction?: 'inbound' | 'outbound' | 'internal';
	status?: 'open' | 'done';
	subject?: string;
	body?: string;
	/** Defaults to the time the event is received. */
	occurred_at?: string;
	order?: OrderRef;
}

interface Envelope<T extends EventType, D> {
	type: T;
	/** 1-200 visible ASCII characters; replays with the same key return the first result. */
	idempotency_key: string;
	data: D;
}

export type CrmEvent =
	| Envelope<'customer.upsert', CustomerUpsertData>
	| Envelope<'order.placed', OrderPlacedData>
	| Envelope<'order.paid', OrderPaidData>
	| Envelope<'order.refunded', OrderStatusData>
	| Envelope<'order.cancelled', OrderStatusData>
	| Envelope<'interaction.logged', InteractionLoggedData>;

/** The request body: one event, or a batch of 1-1000. */
export type CrmEventsRequest = CrmEvent | { events: CrmEvent[] };

export type EventStatus = 'processed' | 'replayed' | 'rejected';

export interface EventError extends Issue {
	code: string;
}

/** One item of the response's `data`, in request order. */
export interface EventOutcome {
	idempotency_key: string | null;
	type: EventType | null;
	status: EventStatus;
	result?: Record<string, unknown>;
	errors?: EventError[];
}
