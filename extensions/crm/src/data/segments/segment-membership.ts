// Segment membership kept in SQL: a refresh diffs the rule's matches against current members set-wise and records
// entries and exits (left_at) so membership has history. Only the changed customer ids come back to JS, for events.
import type { Knex } from 'knex';
import type { Rule } from '../../domain/segments/rule-types';
import { toDbTimestamp } from '../timestamps';
import { DEFAULT_TIME_ZONE } from '../settings';
import { compileSegmentQuery } from './segment-query';

export interface SegmentRow {
	id: number;
	kind: string;
	rule: Rule | null;
}

/** All segments' rules, for cycle detection (segments are few; rules are small). */
export async function loadSegmentRules(knex: Knex): Promise<Map<string, Rule | null>> {
	const rows = await knex('crm_segments').select('id', 'rule');
	return new Map(rows.map((row) => [String(row.id), parseRule(row.rule)]));
}

export function parseRule(value: unknown): Rule | null {
	if (value === null || value === undefined || value === '') return null;
	return (typeof value === 'string' ? JSON.parse(value) : value) as Rule;
}

/** Upper bound for one segment query; a runaway rule fails cleanly instead of holding the database. */
export const SEGMENT_STATEMENT_TIMEOUT_MS = 60_000;

/** PostgreSQL: a statement timeout for the rest of this transaction (SQLite has no equivalent; noted in the README). */
export async function limitStatementTime(trx: Knex, ms = SEGMENT_STATEMENT_TIMEOUT_MS): Promise<void> {
	if (String(trx.client.config.client).includes('sqlite')) return;
	await trx.raw('select set_config(?, ?, true)', ['statement_timeout', String(ms)]);
}

export interface RefreshResult {
	segment: number;
	entered: number[];
	left: number[];
	members: number;
}

/**
 * The segment's row, locked for the rest of the transaction: serialises concurrent writers of one segment's
 * membership (refresh, member upload) across replicas (SQLite serialises writers anyway).
 */
export async function lockSegment(
	trx: Knex.Transaction,
	segmentId: number,
): Promise<{ id: number; kind: string; rule: unknown } | undefined> {
	const segmentQuery = trx('crm_segments').where('id', segmentId).first('id', 'kind', 'rule');
	return String(trx.client.config.client).includes('sqlite') ? await segmentQuery : await segmentQuery.forUpdate();
}

/** Recounts the open memberships into crm_segments.member_count (plus any other columns given). */
export async function storeMemberCount(
	trx: Knex.Transaction,
	segmentId: number,
	extra: Record<string, unknown> = {},
): Promise<number> {
	const [{ members }] = await trx('crm_segment_members')
		.where({ segment: segmentId })
		.whereNull('left_at')
		.count({ members: '*' });
	await trx('crm_segments')
		.where('id', segmentId)
		.update({ member_count: Number(members), ...extra });
	return Number(members);
}

export async function refreshSegment(
	knex: Knex,
	segmentId: number,
	options: { now: Date; timeZone?: string },
): Promise<RefreshResult> {
	return knex.transaction(async (trx) => {
		const segment = await lockSegment(trx, segmentId);
		await limitStatementTime(trx);
		if (!segment) throw new Error(`segment ${segmentId} not found`);
		const rule = parseRule(segment.rule);
		const at = toDbTimestamp(trx, options.now);
		let entered: number[] = [];
		let left: number[] = [];
		if (segment.kind === 'dynamic' && rule) {
			const current = trx('crm_segment_members').select('customer').where({ segment: segmentId }).whereNull('left_at');
			const matching = () => compileSegmentQuery(trx, rule, { now: options.now, timeZone: options.timeZone });
			entered = (await matching().whereNotIn('crm_customers.id', current.clone())).map((row: { id: number }) =>
				Number(row.id),
			);
			left = (await current.clone().where('source', 'rule').whereNotIn('customer', matching())).map(
				(row: { customer: number }) => Number(row.customer),
			);
			if (entered.length) {
				await trx
					.into(trx.raw('?? (??, ??, ??, ??)', ['crm_segment_members', 'segment', 'customer', 'entered_at', 'source']))
					.insert(
						matching()
							.clearSelect()
							.select(trx.raw('?', [segmentId]), 'crm_customers.id', trx.raw('?', [at]), trx.raw('?', ['rule']))
							.whereNotIn('crm_customers.id', current.clone()),
					);
			}
			if (left.length)
				await trx('crm_segment_members')
					.where({ segment: segmentId, source: 'rule' })
					.whereNull('left_at')
					.whereNotIn('customer', matching())
					.update({ left_at: at });
		}
		const members = await storeMemberCount(trx, segmentId, { refreshed_at: at });
		return { segment: segmentId, entered, left, members };
	});
}

/** Segments due for a scheduled refresh. */
export async function segmentsWithSchedule(knex: Knex, refresh: 'hourly' | 'nightly'): Promise<number[]> {
	const rows = await knex('crm_segments').select('id').where({ refresh, kind: 'dynamic', status: 'active' });
	return rows.map((row) => Number(row.id));
}

export interface CustomerChange {
	segment: number;
	customer: number;
	change: 'entered' | 'left';
}

/**
 * Incremental refresh: re-evaluates ONE customer against one dynamic segment (the rule's query narrowed to that
 * customer's id) and records the change, if any. O(1) statements per segment: when nothing changes (most events),
 * one read that answers both "does the rule match" and "is the customer a member"; a change is then decided again
 * and written inside a transaction, as before.
 */
export async function reevaluateCustomer(
	knex: Knex,
	segment: SegmentRow,
	customer: number,
	options: { now: Date; timeZone?: string },
): Promise<CustomerChange | null> {
	if (segment.kind !== 'dynamic' || !segment.rule) return null;
	const open = () => knex('crm_segment_members').where({ segment: segment.id, customer }).whereNull('left_at').limit(1);
	const state = await knex
		.select(
			knex.raw('CASE WHEN EXISTS ? THEN 1 ELSE 0 END AS matches', [
				compileSegmentQuery(knex, segment.rule, { ...options, customer }),
			]),
			knex.raw('? AS member_id', [open().select('id')]),
			knex.raw('? AS member_source', [open().select('source')]),
		)
		.first();
	const matches = Number(state?.matches) === 1;
	const member = state?.member_id != null;
	const enters = matches && !member;
	const leaves = !matches && member && state?.member_source === 'rule';
	if (!enters && !leaves) return null;
	return recordChange(knex, segment, customer, options);
}

async function recordChange(
	knex: Knex,
	segment: SegmentRow,
	customer: number,
	options: { now: Date; timeZone?: string },
): Promise<CustomerChange | null> {
	return knex.transaction(async (trx) => {
		const matches = Boolean(await compileSegmentQuery(trx, segment.rule!, { ...options, customer }).first());
		const current = await trx('crm_segment_members')
			.first('id', 'source')
			.where({ segment: segment.id, customer })
			.whereNull('left_at');
		const at = toDbTimestamp(trx, options.now);
		if (matches && !current) {
			await trx('crm_segment_members').insert({ segment: segment.id, customer, entered_at: at, source: 'rule' });
			await trx('crm_segments').where('id', segment.id).increment('member_count', 1);
			return { segment: segment.id, customer, change: 'entered' as const };
		}
		if (!matches && current && current.source === 'rule') {
			await trx('crm_segment_members').where('id', current.id).update({ left_at: at });
			await trx('crm_segments').where('id', segment.id).decrement('member_count', 1);
			return { segment: segment.id, customer, change: 'left' as const };
		}
		return null;
	});
}

/**
 * Active dynamic segments with their parsed rules, and the CRM's time zone from the same statement (this runs after
 * every order; the caller keeps the segments an event can affect).
 */
export async function activeDynamicSegments(
	knex: Knex,
): Promise<{ segments: (SegmentRow & { rule: Rule })[]; timeZone: string }> {
	const rows = await knex('crm_segments')
		.select('id', 'kind', 'rule', knex('crm_settings').select('timezone').limit(1).as('timezone'))
		.where({ kind: 'dynamic', status: 'active' });
	const segments = rows
		.map((row) => ({ id: Number(row.id), kind: row.kind, rule: parseRule(row.rule) }))
		.filter((segment): segment is SegmentRow & { rule: Rule } => Boolean(segment.rule));
	return { segments, timeZone: rows[0]?.timezone ?? DEFAULT_TIME_ZONE };
}
