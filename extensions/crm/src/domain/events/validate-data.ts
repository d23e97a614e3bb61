// Per-type validation of an event's `data`: precise paths, normalised values (e-mail, phone, ISO UTC timestamps).
import { CHOICES } from './choices';
import { orderTotalMismatch } from './order-totals';
import type { EventType } from './types';
import {
	amount,
	bool,
	childPath,
	customerRef,
	email,
	fail,
	isObject,
	list,
	oneOf,
	orderRef,
	pastDate,
	phone,
	quantity,
	readObject,
	text,
	timestamp,
	upperCode,
	type Checker,
	type Context,
	type FieldSpec,
} from './values';

const MAX_LINES = 500;
const optional = (check: Checker<unknown>): FieldSpec => ({ check });
const nullable = (check: Checker<unknown>): FieldSpec => ({ check, nullable: true });
const required = (check: Checker<unknown>): FieldSpec => ({ check, required: true });

const CUSTOMER_KEYS = ['external_id', 'email', 'phone'];
const CUSTOMER: Record<string, FieldSpec> = {
	external_id: optional(text(255)),
	email: optional(email),
	phone: optional(phone),
	full_name: optional(text(255)),
	first_name: nullable(text(255)),
	last_name: nullable(text(255)),
	language: optional(oneOf(CHOICES.language)),
	gender: nullable(oneOf(CHOICES.gender)),
	birthday: nullable(pastDate),
	company: nullable(text(255)),
	address: nullable(text(255)),
	postal_code: nullable(text(16)),
	country: nullable(upperCode(2, 'a two-letter country code, e.g. KR')),
	source: nullable(oneOf(CHOICES.source)),
	tags: nullable(list(text(64), 50)),
	preferred_channel: nullable(oneOf(CHOICES.contactChannel)),
	consent_email: optional(bool),
	consent_sms: optional(bool),
	consent_kakao: optional(bool),
	consent_night: optional(bool),
	notes: nullable(text(10_000)),
};

const LINE: Record<string, FieldSpec> = {
	sku: optional(text(255)),
	product_name: optional(text(255)),
	kind: optional(oneOf(CHOICES.lineKind)),
	category: optional(text(255)),
	quantity: required(quantity),
	unit_price: optional(amount),
	line_total: optional(amount),
};

const line: Checker<Record<string, unknown>> = (value, path, ctx) => {
	const out = readObject(value, path, ctx, LINE);
	if (!out) return undefined;
	if (out.sku === undefined && out.product_name === undefined)
		return fail(ctx, childPath(path, 'product_name'), 'is required when there is no sku');
	const kind = out.kind ?? 'product';
	const unitPrice = (out.unit_price as number | undefined) ?? 0;
	const lineTotal =
		(out.line_total as number | undefined) ?? Math.round(unitPrice * (out.quantity as number) * 100) / 100;
	return { ...out, kind, unit_price: unitPrice, line_total: lineTotal };
};

const ORDER: Record<string, FieldSpec> = {
	external_id: optional(text(255)),
	customer: required(customerRef),
	channel: optional(oneOf(CHOICES.orderChannel)),
	ordered_at: required(timestamp),
	total: required(amount),
	discount_total: optional(amount),
	currency: optional(upperCode(3, 'a three-letter currency code, e.g. KRW')),
	notes: optional(text(10_000)),
	lines: optional(list(line, MAX_LINES)),
};

const INTERACTION: Record<string, FieldSpec> = {
	customer: required(customerRef),
	channel: required(oneOf(CHOICES.interactionChannel)),
	type: required(oneOf(CHOICES.interactionType)),
	direction: optional(oneOf(CHOICES.direction)),
	status: optional(oneOf(CHOICES.interactionStatus)),
	subject: optional(text(255)),
	body: optional(text(20_000)),
	occurred_at: optional(timestamp),
	order: optional(orderRef),
};

function customerUpsert(value: unknown, path: string, ctx: Context) {
	const out = readObject(value, path, ctx, CUSTOMER);
	if (out && !CUSTOMER_KEYS.some((key) => out[key] !== undefined))
		return fail(ctx, path, 'needs at least one of external_id, email, phone');
	return out;
}

/** An order whose lines do not add up to its total is refused at `total` (see order-totals.ts for the rule). */
function checkedOrder(value: unknown, path: string, ctx: Context, spec: Record<string, FieldSpec>) {
	const out = readObject(value, path, ctx, spec);
	if (!out || !Array.isArray(out.lines)) return out;
	const mismatch = orderTotalMismatch({
		total: out.total as number,
		discount_total: out.discount_total as number | undefined,
		lines: out.lines as Record<string, unknown>[],
	});
	return mismatch ? fail(ctx, childPath(path, 'total'), mismatch) : out;
}

const orderPlaced = (value: unknown, path: string, ctx: Context) =>
	checkedOrder(value, path, ctx, { ...ORDER, status: optional(oneOf(CHOICES.orderStatus)) });

/** A reference to an existing order (`{ id }` or `{ external_id }`). */
const orderStatusChange = (value: unknown, path: string, ctx: Context) => orderRef(value, path, ctx);

/** order.paid: a reference, or a full order (with external_id) to create as paid when it does not exist yet. */
function orderPaid(value: unknown, path: string, ctx: Context) {
	if (!isObject(value)) return fail(ctx, path, 'must be an object');
	const isFullOrder = Object.keys(value).some((key) => key !== 'id' && key !== 'external_id');
	if (!isFullOrder) return orderStatusChange(value, path, ctx);
	if (value.id !== undefined)
		return fail(ctx, childPath(path, 'id'), 'a full order is matched by external_id; leave id out');
	if (value.external_id === undefined)
		return fail(ctx, childPath(path, 'external_id'), 'is required with a full order');
	return checkedOrder(value, path, ctx, ORDER);
}

const interactionLogged = (value: unknown, path: string, ctx: Context) => readObject(value, path, ctx, INTERACTION);

export const DATA_VALIDATORS: Record<
	EventType,
	(value: unknown, path: string, ctx: Context) => Record<string, unknown> | undefined
> = {
	'customer.upsert': customerUpsert,
	'order.placed': orderPlaced,
	'order.paid': orderPaid,
	'order.refunded': orderStatusChange,
	'order.cancelled': orderStatusChange,
	'interaction.logged': interactionLogged,
};
