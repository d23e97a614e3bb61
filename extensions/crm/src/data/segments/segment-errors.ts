// A segment's last refresh or evaluation failure, kept on the segment (crm_segments.last_error, shown in the admin)
// so one bad rule is visible where staff look and never stops the other segments (#15 finding 5).
import type { Knex } from 'knex';

/** Records `reason` (already free of SQL, see domain/shared/log-safety.ts) with the time; written only when it changes. */
export async function recordSegmentError(knex: Knex, segmentId: number, reason: string, at: Date): Promise<void> {
	const text = `${at.toISOString()} ${reason}`.slice(0, 1000);
	await knex('crm_segments')
		.where('id', segmentId)
		.where((where) => where.whereNull('last_error').orWhere('last_error', 'not like', `%${reason.slice(0, 200)}`))
		.update({ last_error: text });
}

/** Clears the segment's recorded failure after a refresh that worked (nothing written when there was none). */
export async function clearSegmentError(knex: Knex, segmentId: number): Promise<void> {
	await knex('crm_segments').where('id', segmentId).whereNotNull('last_error').update({ last_error: null });
}
