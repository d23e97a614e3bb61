// The reads the follow-up hooks make before planning: which orders change status, the created order, inquiries being
// closed, a stored rule, and the membership row a segment event refers to.
import type { Knex } from 'knex';

export interface OrderStatusRow {
	id: number;
	customer: number | null;
	status: string;
}

export function ordersWithStatus(knex: Knex, keys: number[]): Promise<OrderStatusRow[]> {
	return knex('crm_orders').select('id', 'customer', 'status').whereIn('id', keys);
}

export function orderForFollowups(
	knex: Knex,
	id: number,
): Promise<(OrderStatusRow & { ordered_at: unknown }) | undefined> {
	return knex('crm_orders').first('id', 'customer', 'status', 'ordered_at').where('id', id);
}

/** Inquiries among these interactions that are not closed yet (so closing them is a trigger). */
export function openInquiries(knex: Knex, keys: number[]): Promise<{ id: number; customer: number }[]> {
	return knex('crm_interactions')
		.select('id', 'customer')
		.whereIn('id', keys)
		.where('type', 'inquiry')
		.where((open) => open.whereNot('status', 'done').orWhereNull('status'));
}

export async function storedFollowupRule(knex: Knex, id: number): Promise<Record<string, unknown>> {
	return (await knex('crm_followup_rules').first('*').where('id', id)) ?? {};
}

/** The newest membership row of a customer in a segment: open for an entry, closed for an exit. */
export function membershipForChange(
	knex: Knex,
	segment: unknown,
	customer: unknown,
	change: 'entered' | 'left',
): Promise<{ id: number; customer: number; segment: number } | undefined> {
	const query = knex('crm_segment_members')
		.first('id', 'customer', 'segment')
		.where({ segment, customer })
		.orderBy('id', 'desc');
	return change === 'entered' ? query.whereNull('left_at') : query.whereNotNull('left_at');
}
