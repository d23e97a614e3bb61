// Small reads the /crm routes and follow-up glue make: whether a row exists, one column of it, a row by its key.
import type { Knex } from 'knex';

export async function customerExists(knex: Knex, id: number): Promise<boolean> {
	return Boolean(await knex('crm_customers').first('id').where('id', id));
}

export function customerTier(knex: Knex, id: number): Promise<{ tier: unknown } | undefined> {
	return knex('crm_customers').first('tier').where('id', id);
}

export function customerStageLock(knex: Knex, id: number): Promise<{ id: number; stage_locked: unknown } | undefined> {
	return knex('crm_customers').first('id', 'stage_locked').where('id', id);
}

export function customerTags(knex: Knex, id: number): Promise<{ tags: unknown } | undefined> {
	return knex('crm_customers').first('tags').where('id', id);
}

export function segmentKind(knex: Knex, id: number): Promise<{ id: number; kind: string } | undefined> {
	return knex('crm_segments').first('id', 'kind').where('id', id);
}

/** The customers in a segment now (open memberships). */
export async function currentMembers(knex: Knex, segment: number): Promise<number[]> {
	const rows = await knex('crm_segment_members').distinct('customer').where('segment', segment).whereNull('left_at');
	return rows.map((row) => Number(row.customer));
}

/** A stored message template (the columns the CRM reads; others come along). */
export interface StoredTemplate {
	id: number;
	kind: string;
	purpose: string;
	subject: string | null;
	body: string | null;
	language: string | null;
	date_updated: unknown;
	[column: string]: unknown;
}

export function templateById(knex: Knex, id: unknown): Promise<StoredTemplate | undefined> {
	return knex('crm_templates')
		.first('*')
		.where('id', id as number);
}

/** The id of a row of a collection with this source_key (feedback, interactions and ledger rows are keyed by cause). */
export async function idBySourceKey(
	knex: Knex,
	collection: 'crm_feedback' | 'crm_interactions' | 'crm_points_ledger',
	sourceKey: string,
): Promise<number | null> {
	const row = await knex(collection).first('id').where('source_key', sourceKey);
	return row ? Number(row.id) : null;
}

export function rfmCellCounts(knex: Knex): Promise<{ rfm_cell: string | null; customers: number | string }[]> {
	return knex('crm_customers').select('rfm_cell').count({ customers: '*' }).groupBy('rfm_cell');
}

export async function pingDatabase(knex: Knex): Promise<void> {
	await knex.raw('select 1');
}

/** Orders whose points are still to settle, oldest first (the one-minute sweeper's batch). */
export async function ordersPendingPoints(knex: Knex, limit: number): Promise<number[]> {
	const rows = await knex('crm_orders').select('id').where('points_pending', true).orderBy('id').limit(limit);
	return rows.map((row) => Number(row.id));
}

export async function storedEarningRule(knex: Knex, id: unknown): Promise<Record<string, unknown>> {
	return (
		(await knex('crm_loyalty_rules')
			.first('*')
			.where('id', id as number)) ?? {}
	);
}

export function tierCode(knex: Knex, id: unknown): Promise<{ code: string } | undefined> {
	return knex('crm_tiers')
		.first('code')
		.where('id', id as number);
}

/** Adds a tag to a customer's tags unless it is there already. */
export async function addCustomerTag(knex: Knex, customer: number, tag: string): Promise<void> {
	const current = await customerTags(knex, customer);
	const raw = current?.tags;
	const tags: string[] = Array.isArray(raw) ? raw : typeof raw === 'string' && raw ? JSON.parse(raw) : [];
	if (!tags.includes(tag))
		await knex('crm_customers')
			.where('id', customer)
			.update({ tags: JSON.stringify([...tags, tag]) });
}
