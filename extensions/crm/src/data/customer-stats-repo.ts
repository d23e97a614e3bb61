// Applies order-driven stat deltas to crm_customers with O(1) queries per customer, inside the caller's transaction.
import type { Knex } from 'knex';
import { orderFacts, PURCHASE_STATUSES, type OrderFacts, type StatsDelta } from '../domain/customer-stats/order-stats';
import { toDbTimestamp } from './timestamps';

const ORDER_COLUMNS = ['id', 'customer', 'status', 'total', 'ordered_at'];

export async function readOrderFacts(knex: Knex, ids: (string | number)[]): Promise<Map<string, OrderFacts>> {
	const rows = await knex('crm_orders').select(ORDER_COLUMNS).whereIn('id', ids);
	return new Map(rows.map((row) => [String(row.id), orderFacts(row)]));
}

export async function applyStatsDelta(
	knex: Knex,
	delta: StatsDelta,
	excludedOrderIds: (string | number)[] = [],
): Promise<void> {
	const update: Record<string, Knex.Raw> = {
		order_count: knex.raw('?? + ?', ['order_count', delta.orders]),
		total_spent: knex.raw('?? + ?', ['total_spent', delta.spent]),
	};
	if (delta.gainedPurchaseAt) {
		const at = toDbTimestamp(knex, delta.gainedPurchaseAt);
		update.first_order_at = knex.raw('CASE WHEN ?? IS NULL OR ?? > ? THEN ? ELSE ?? END', [
			'first_order_at',
			'first_order_at',
			at,
			at,
			'first_order_at',
		]);
		update.last_order_at = knex.raw('CASE WHEN ?? IS NULL OR ?? < ? THEN ? ELSE ?? END', [
			'last_order_at',
			'last_order_at',
			at,
			at,
			'last_order_at',
		]);
	}
	if (delta.lostPurchaseAt) {
		// A lost purchase may have been the first or last one: take both from this customer's other purchases
		// (one indexed aggregate over the customer's own orders), then merge in any purchase gained in this change.
		const others = knex('crm_orders')
			.where('customer', delta.customer)
			.whereIn('status', PURCHASE_STATUSES as unknown as string[])
			.whereNotIn('id', excludedOrderIds.length ? excludedOrderIds : [-1]);
		const gained = delta.gainedPurchaseAt ? toDbTimestamp(knex, delta.gainedPurchaseAt) : null;
		const first = others.clone().min({ v: 'ordered_at' });
		const last = others.clone().max({ v: 'ordered_at' });
		update.first_order_at =
			gained === null
				? knex.raw('(?)', [first])
				: knex.raw('CASE WHEN (?) IS NULL OR (?) > ? THEN ? ELSE (?) END', [first, first, gained, gained, first]);
		update.last_order_at =
			gained === null
				? knex.raw('(?)', [last])
				: knex.raw('CASE WHEN (?) IS NULL OR (?) < ? THEN ? ELSE (?) END', [last, last, gained, gained, last]);
	}
	await knex('crm_customers').where('id', delta.customer).update(update);
}

/** Raises a customer's "latest" timestamp column (last contact) if `at` is newer. */
export async function bumpCustomerTimestamp(
	knex: Knex,
	customer: string | number,
	column: string,
	at: Date,
): Promise<void> {
	const value = toDbTimestamp(knex, at);
	await knex('crm_customers')
		.where('id', customer)
		.update({
			[column]: knex.raw('CASE WHEN ?? IS NULL OR ?? < ? THEN ? ELSE ?? END', [column, column, value, value, column]),
		});
}

export async function setCustomerField(
	knex: Knex,
	customer: string | number,
	values: Record<string, unknown>,
): Promise<void> {
	await knex('crm_customers').where('id', customer).update(values);
}
