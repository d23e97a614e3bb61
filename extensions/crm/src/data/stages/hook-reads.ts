// The reads the stage hooks make to find whom an event concerns, and whether the write is visible yet.
import type { Knex } from 'knex';

export interface LinkedRow {
	id: number;
	customer: number | null;
	status?: string;
	referred_by?: number | null;
}

/** The rows of a customer-linked collection (with the order status, and the customer's referrer when asked). */
export function linkedRows(
	knex: Knex,
	collection: string,
	keys: (string | number)[],
	withReferrer: boolean,
): Promise<LinkedRow[]> {
	const query = knex(`${collection} as x`)
		.select('x.id', 'x.customer', ...(collection === 'crm_orders' ? ['x.status'] : []))
		.whereIn('x.id', keys);
	if (withReferrer) query.leftJoin('crm_customers as c', 'c.id', 'x.customer').select('c.referred_by');
	return query;
}

export function customersOfOrders(knex: Knex, keys: (string | number)[]): Promise<{ customer: number | null }[]> {
	return knex('crm_orders').select('customer').whereIn('id', keys);
}

export async function anyOrderExists(knex: Knex, keys: (string | number)[]): Promise<boolean> {
	return Boolean(await knex('crm_orders').first('id').whereIn('id', keys));
}

export function customerStage(
	knex: Knex,
	id: number,
): Promise<{ id: number; stage: string | null; stage_locked: unknown } | undefined> {
	return knex('crm_customers').first('id', 'stage', 'stage_locked').where('id', id);
}

export async function anyStageLocked(knex: Knex, keys: (string | number)[]): Promise<boolean> {
	return Boolean(await knex('crm_customers').first('id').whereIn('id', keys).where('stage_locked', true));
}
