// Claiming due rows atomically, so two replicas (or two ticks) never take the same row:
// PostgreSQL: UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED) RETURNING *, concurrent claimers skip each
// other's rows instead of waiting. Elsewhere (SQLite): one compare-and-set UPDATE guarded by status = 'scheduled'
// and stamped with a unique claim token, then the rows carrying that token are read back.
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { toDbTimestamp } from '../timestamps';
import { isPostgres } from '../dialect';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- loose row shape, kept from before the linter
export type OutboxRow = Record<string, any> & {
	id: number;
	customer: number;
	rule: number | null;
	channel: string;
	status: string;
	attempts: number;
};

export function claimToken(worker: string): string {
	return `${worker}#${randomUUID().slice(0, 8)}`;
}

export async function claimDue(
	knex: Knex,
	options: { now: Date; limit: number; worker: string },
): Promise<OutboxRow[]> {
	const token = claimToken(options.worker);
	const now = toDbTimestamp(knex, options.now);
	if (isPostgres(knex)) {
		const result = await knex.raw(
			`update crm_outbox set status = 'sending', claimed_by = ?, claimed_at = ?
			 where id in (select id from crm_outbox where status = 'scheduled' and due_at <= ? order by due_at, id limit ? for update skip locked)
			 returning *`,
			[token, now, now, options.limit],
		);
		return (result.rows as OutboxRow[]).sort((a, b) => a.id - b.id);
	}
	const due = knex('crm_outbox')
		.select('id')
		.where('status', 'scheduled')
		.where('due_at', '<=', now)
		.orderBy([{ column: 'due_at' }, { column: 'id' }])
		.limit(options.limit);
	await knex('crm_outbox')
		.whereIn('id', due)
		.where('status', 'scheduled')
		.update({ status: 'sending', claimed_by: token, claimed_at: now });
	return (await knex('crm_outbox')
		.select('*')
		.where({ claimed_by: token, status: 'sending' })
		.orderBy('id')) as OutboxRow[];
}

/**
 * Marks the moment a row is handed to the provider. Only the claimer may do it (the claim token must still be on the
 * row: a row recovered from an expired lease no longer belongs to it). Returns false when the row was taken away.
 */
export const HANDOFF_MARK = 'in flight: handed to the provider at ';

export async function markHandoff(
	knex: Knex,
	row: OutboxRow,
	now: Date,
	rendered: { subject: string | null; body: string | null },
): Promise<boolean> {
	const changed = await knex('crm_outbox')
		.where({ id: row.id, status: 'sending', claimed_by: row.claimed_by })
		.update({
			attempts: knex.raw('?? + 1', ['attempts']),
			claimed_at: toDbTimestamp(knex, now),
			last_error: `${HANDOFF_MARK}${now.toISOString()}`,
			subject: rendered.subject,
			body: rendered.body,
		});
	return changed === 1;
}

export interface Recovery {
	requeued: number[];
	unknown: number[];
	completed: OutboxRow[];
}

/**
 * Rows left in 'sending' beyond the lease belong to a process that died (or hung) mid-dispatch:
 * - never handed to the provider (no handoff mark): back to 'scheduled', nothing was sent;
 * - the provider's id recorded: the provider accepted it; returned as `completed` so the caller finishes the
 *   bookkeeping (status sent, timeline) without sending again;
 * - handed off but no provider id: the outcome is unknown. Channels whose provider deduplicates on our idempotency
 *   key (`idempotentChannels`, e.g. the webhook adapter) are requeued; others (SMTP e-mail) are marked failed with
 *   "outcome unknown" and never resent: at most once, visibly, rather than a possible duplicate.
 */
export async function recoverStuck(
	knex: Knex,
	options: { now: Date; leaseMs: number; idempotentChannels: string[] },
): Promise<Recovery> {
	const expired = toDbTimestamp(knex, new Date(options.now.getTime() - options.leaseMs));
	const stuck = (await knex('crm_outbox')
		.select('*')
		.where('status', 'sending')
		.where('claimed_at', '<', expired)
		.limit(500)) as OutboxRow[];
	const result: Recovery = { requeued: [], unknown: [], completed: [] };
	for (const row of stuck) {
		const guard = knex('crm_outbox').where({ id: row.id, status: 'sending', claimed_by: row.claimed_by });
		const handedOff = typeof row.last_error === 'string' && row.last_error.startsWith(HANDOFF_MARK);
		if (row.provider_id) {
			result.completed.push(row);
		} else if (!handedOff || options.idempotentChannels.includes(row.channel)) {
			const note = handedOff
				? `requeued after an interrupted send (${row.last_error.slice(HANDOFF_MARK.length)}); the provider deduplicates on the idempotency key`
				: (row.last_error ?? null);
			if ((await guard.update({ status: 'scheduled', claimed_by: null, claimed_at: null, last_error: note })) === 1)
				result.requeued.push(row.id);
		} else {
			const message = `outcome unknown: the sending process stopped after handing this message to the provider at ${row.last_error.slice(HANDOFF_MARK.length)}; not resent to avoid a duplicate (check the mail log, then resend by setting status to scheduled)`;
			if ((await guard.update({ status: 'failed', last_error: message, claimed_by: null })) === 1)
				result.unknown.push(row.id);
		}
	}
	return result;
}
