// What each event type does, inside the event's transaction. Reads resolve references; writes go through Writer.
import type { Knex } from 'knex';
import { statusTransition, type StatusEvent } from '../../domain/events/order-status';
import { EventRejection, unknownCustomer, unknownOrder } from '../../domain/events/rejection';
import type { EventType } from '../../domain/events/types';
import type { ValidEvent } from '../../domain/events/validate-event';
import { findCustomerId, findOrder, matchCustomer, productsBySku } from '../../data/events/lookups';
import type { Writer } from './writers';

export interface HandlerContext {
	knex: Knex;
	write: Writer;
	now: Date;
	event: ValidEvent;
}

export interface Handled {
	/** 201 when something was created, 200 otherwise. */
	httpStatus: 200 | 201;
	result: Record<string, unknown>;
}

type Data = Record<string, unknown>;
type Line = {
	sku?: string;
	product_name?: string;
	kind: string;
	category?: string;
	quantity: number;
	unit_price: number;
	line_total: number;
};

const CUSTOMER_KEYS = ['external_id', 'email', 'phone'];

async function customerOf(knex: Knex, data: Data, path = 'data.customer'): Promise<number> {
	const ref = data.customer as Data;
	const id = await findCustomerId(knex, ref);
	if (id === null) throw unknownCustomer(path, ref);
	return id;
}

async function upsertCustomer({ knex, write, event }: HandlerContext): Promise<Handled> {
	const data = event.data;
	const match = await matchCustomer(knex, data);
	if (!match) {
		if (data.full_name === undefined)
			throw new EventRejection(
				422,
				'NAME_REQUIRED',
				'data.full_name',
				'is required to create a customer (none matches the external_id, email or phone given)',
			);
		const id = await write.create('crm_customers', data);
		return { httpStatus: 201, result: { customer: id, created: true } };
	}
	if (
		!match.via_merge &&
		data.external_id !== undefined &&
		match.external_id !== null &&
		match.external_id !== data.external_id
	) {
		throw new EventRejection(
			409,
			'CONFLICT',
			'data.external_id',
			`the customer matched by ${match.matched_by} (id ${match.id}) has another external_id, ${JSON.stringify(match.external_id)}`,
		);
	}
	const changes = Object.fromEntries(
		// Through a merge tombstone the identifiers given are the merged record's: the survivor keeps its own.
		Object.entries(data).filter(
			([key]) => !((key === match.matched_by || match.via_merge) && CUSTOMER_KEYS.includes(key)),
		),
	);
	if (Object.keys(changes).length) await write.update('crm_customers', match.id, changes);
	return { httpStatus: 200, result: { customer: match.id, created: false, matched_by: match.matched_by } };
}

async function orderLines(knex: Knex, lines: Line[]) {
	const products = await productsBySku(
		knex,
		lines.flatMap((line) => (line.sku ? [line.sku] : [])),
	);
	return lines.map((line, index) => {
		const product = line.sku ? products.get(line.sku) : undefined;
		if (line.sku && !product && !line.product_name)
			throw new EventRejection(
				422,
				'UNKNOWN_PRODUCT',
				`data.lines[${index}].sku`,
				`no product with sku ${JSON.stringify(line.sku)}; give product_name to record the line without a product`,
			);
		return {
			product: product?.id ?? null,
			product_name: line.product_name ?? product?.name,
			category: line.category ?? product?.category ?? null,
			kind: line.kind,
			quantity: line.quantity,
			unit_price: line.unit_price,
			line_total: line.line_total,
		};
	});
}

async function createOrder({ knex, write }: HandlerContext, data: Data, status: string): Promise<Handled> {
	const customer = await customerOf(knex, data);
	if (data.external_id !== undefined) {
		const existing = await findOrder(knex, { external_id: data.external_id });
		if (existing)
			throw new EventRejection(
				409,
				'ORDER_EXISTS',
				'data.external_id',
				`an order with this external_id already exists (id ${existing.id})`,
			);
	}
	const { lines, customer: _ref, ...order } = data;
	const payload: Data = { ...order, status, customer };
	if (lines) payload.lines = await orderLines(knex, lines as Line[]);
	const id = await write.create('crm_orders', payload);
	return { httpStatus: 201, result: { order: id, customer, status, created: true } };
}

async function changeOrderStatus(context: HandlerContext): Promise<Handled> {
	const { knex, write, event } = context;
	const type = event.type as StatusEvent;
	const ref = event.data.id !== undefined ? { id: event.data.id } : { external_id: event.data.external_id };
	const order = await findOrder(knex, ref);
	if (!order) {
		if (type === 'order.paid' && event.data.customer !== undefined) return createOrder(context, event.data, 'paid');
		throw unknownOrder(`data.${Object.keys(ref)[0]}`, ref);
	}
	const transition = statusTransition(type, order.status);
	if (!transition.ok) throw new EventRejection(409, 'INVALID_TRANSITION', 'type', transition.message);
	if (transition.changed) await write.update('crm_orders', order.id, { status: transition.status });
	return {
		httpStatus: 200,
		result: {
			order: order.id,
			customer: order.customer,
			status: transition.status,
			previous_status: order.status,
			changed: transition.changed,
		},
	};
}

async function logInteraction({ knex, write, now, event }: HandlerContext): Promise<Handled> {
	const { customer: _ref, order: orderRef, ...data } = event.data;
	const customer = await customerOf(knex, event.data);
	let order: number | null = null;
	if (orderRef) {
		const found = await findOrder(knex, orderRef as Data);
		if (!found) throw unknownOrder('data.order', orderRef as Data);
		if (found.customer !== customer)
			throw new EventRejection(422, 'ORDER_MISMATCH', 'data.order', `order ${found.id} belongs to another customer`);
		order = found.id;
	}
	const id = await write.create('crm_interactions', {
		...data,
		customer,
		order,
		occurred_at: data.occurred_at ?? now.toISOString(),
		source_key: `event:${event.idempotency_key}`,
	});
	return { httpStatus: 201, result: { interaction: id, customer } };
}

export const HANDLERS: Record<EventType, (context: HandlerContext) => Promise<Handled>> = {
	'customer.upsert': upsertCustomer,
	'order.placed': (context) =>
		createOrder(context, context.event.data, (context.event.data.status as string | undefined) ?? 'pending'),
	'order.paid': changeOrderStatus,
	'order.refunded': changeOrderStatus,
	'order.cancelled': changeOrderStatus,
	'interaction.logged': logInteraction,
};
