// What the items-API bounds on orders need from the database: an order's total and its stored lines.
import type { Knex } from 'knex';

export interface StoredLine {
	id: number | string;
	kind: unknown;
	quantity: unknown;
	unit_price: unknown;
	line_total: unknown;
}

export interface StoredOrderAmounts {
	total: unknown;
	discount_total: unknown;
	lines: StoredLine[];
}

/** The order's total, discount_total and every line, or null when there is no such order. */
export async function readOrderAmounts(knex: Knex, orderId: number | string): Promise<StoredOrderAmounts | null> {
	const order = await knex('crm_orders').first('total', 'discount_total').where('id', orderId);
	if (!order) return null;
	const lines = await knex('crm_order_lines')
		.select('id', 'kind', 'quantity', 'unit_price', 'line_total')
		.where('order', orderId);
	return { total: order.total, discount_total: order.discount_total, lines };
}

/** The orders the given lines belong to (lines beyond 500 are read in chunks, under SQLite's variable limit). */
export async function ordersOfLines(knex: Knex, lineIds: (number | string)[]): Promise<(number | string)[]> {
	const orders = new Set<number | string>();
	for (let i = 0; i < lineIds.length; i += 500) {
		const rows = await knex('crm_order_lines')
			.distinct('order')
			.whereIn('id', lineIds.slice(i, i + 500));
		for (const row of rows) if (row.order !== null) orders.add(row.order);
	}
	return [...orders];
}
