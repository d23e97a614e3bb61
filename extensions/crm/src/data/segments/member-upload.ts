// A static segment's member upload in SQL: the upload's keys matched to customers in chunks, then the memberships
// written with history (entered_at; left_at for replace) in one transaction. The caller emits the same
// crm.segment.entered / left events as a refresh (emitSegmentChanges with the RefreshResult returned here).
import type { Knex } from 'knex';
import { planMembership, type ImportMode, type MemberKey } from '../../domain/segments/member-import';
import { toDbTimestamp } from '../timestamps';
import { lockSegment, storeMemberCount, type RefreshResult } from './segment-membership';

/** Bound values per statement, well under SQLite's (32,766) and PostgreSQL's (65,535) limits. */
const CHUNK = 1000;

function chunks<T>(items: readonly T[]): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
	return out;
}

/**
 * Customer ids by normalised key (String(key) → id). E-mails compare lower-cased, since customers created by hand in
 * the admin may keep capitals; phones compare in the E.164 form the CRM stores. The lowest id wins a duplicate.
 */
export async function findCustomers(
	knex: Knex,
	key: MemberKey,
	values: readonly (string | number)[],
): Promise<Map<string, number>> {
	const found = new Map<string, number>();
	const column = key === 'email' ? knex.raw('LOWER(??)', ['email']) : key;
	for (const chunk of chunks([...new Set(values)])) {
		const rows = await knex('crm_customers')
			.select('id', knex.raw('?? AS ??', [column, 'match_key']))
			.whereRaw(`?? IN (${chunk.map(() => '?').join(', ')})`, [column, ...chunk])
			.orderBy('id', 'desc');
		for (const row of rows as { id: number | string; match_key: unknown }[])
			found.set(String(row.match_key), Number(row.id));
	}
	return found;
}

export interface UploadResult extends RefreshResult {
	/** Members the segment had before (open memberships). */
	before: number;
}

/** Adds (and for `replace`, lets go of) members; with `dryRun` only reports what would change. */
export async function uploadMembers(
	knex: Knex,
	segmentId: number,
	customers: readonly number[],
	options: { mode: ImportMode; now: Date; dryRun: boolean },
): Promise<UploadResult> {
	return knex.transaction(async (trx) => {
		const segment = await lockSegment(trx, segmentId);
		if (!segment) throw new Error(`segment ${segmentId} not found`);
		const current = (
			await trx('crm_segment_members').select('customer').where({ segment: segmentId }).whereNull('left_at')
		).map((row: { customer: number | string }) => Number(row.customer));
		const { enter, leave } = planMembership(current, customers, options.mode);
		const result = {
			segment: segmentId,
			entered: enter,
			left: leave,
			before: current.length,
			members: current.length + enter.length - leave.length,
		};
		if (options.dryRun) return result;
		const at = toDbTimestamp(trx, options.now);
		for (const chunk of chunks(enter))
			await trx('crm_segment_members').insert(
				chunk.map((customer) => ({ segment: segmentId, customer, entered_at: at, source: 'csv' })),
			);
		for (const chunk of chunks(leave))
			await trx('crm_segment_members')
				.where({ segment: segmentId })
				.whereNull('left_at')
				.whereIn('customer', chunk)
				.update({ left_at: at });
		return { ...result, members: await storeMemberCount(trx, segmentId) };
	});
}
