// Outcomes of a claimed row. Each update is guarded by the claim token, so a row that was recovered and re-claimed
// by another process after a lease expired cannot be overwritten by a late original claimer.
import type { Knex } from 'knex';
import { nextRetryAt } from '../../domain/followups';
import { toDbTimestamp } from '../timestamps';
import type { OutboxRow } from './claim';

const owned = (knex: Knex, row: OutboxRow) =>
	knex('crm_outbox').where({ id: row.id, status: 'sending', claimed_by: row.claimed_by });

export interface TimelineEntry {
	channel: string;
	type: 'message' | 'task';
	status: 'done' | 'open';
	direction: 'outbound' | 'internal';
	subject: string | null;
	body: string | null;
	assignee?: string | null;
	dueAt?: Date | null;
}

/** Sent (or done) plus its timeline entry (source_key outbox:<id>, unique), in one transaction. */
export async function markSent(
	knex: Knex,
	row: OutboxRow,
	outcome: { providerId: string | null; now: Date; timeline: TimelineEntry | null },
): Promise<boolean> {
	return knex.transaction(async (trx) => {
		const changed = await owned(trx, row).update({
			status: 'sent',
			provider_id: outcome.providerId,
			sent_at: toDbTimestamp(trx, outcome.now),
			last_error: null,
		});
		if (changed !== 1) return false;
		if (outcome.timeline) await logTimeline(trx, row, outcome.timeline, outcome.now);
		return true;
	});
}

export async function logTimeline(trx: Knex, row: OutboxRow, entry: TimelineEntry, at: Date): Promise<void> {
	await trx('crm_interactions')
		.insert({
			customer: row.customer,
			channel: entry.channel,
			direction: entry.direction,
			type: entry.type,
			status: entry.status,
			subject: entry.subject?.slice(0, 255) ?? null,
			body: entry.body,
			occurred_at: toDbTimestamp(trx, at),
			date_created: toDbTimestamp(trx, at),
			due_at: entry.dueAt ? toDbTimestamp(trx, entry.dueAt) : null,
			assignee: entry.assignee ?? null,
			source_key: `outbox:${row.id}`,
		})
		.onConflict('source_key')
		.ignore();
}

/** Records the provider's id on its own, when the sent-transaction failed after the provider accepted the message. */
export async function recordProviderId(knex: Knex, row: OutboxRow, providerId: string): Promise<void> {
	await owned(knex, row).update({ provider_id: providerId });
}

export type FailureOutcome = { status: 'scheduled'; retryAt: Date } | { status: 'failed' };

/** A failed attempt: retried with backoff (1, 5, 25, 125 min), or failed for good with the error kept visible. */
export async function markFailure(
	knex: Knex,
	row: OutboxRow,
	error: string,
	options: { now: Date; permanent: boolean; attempts: number },
): Promise<FailureOutcome> {
	const retryAt = options.permanent ? null : nextRetryAt(options.attempts, options.now);
	const message = `attempt ${options.attempts}: ${error}`.slice(0, 2000);
	if (retryAt) {
		await owned(knex, row).update({
			status: 'scheduled',
			due_at: toDbTimestamp(knex, retryAt),
			last_error: message,
			claimed_by: null,
			claimed_at: null,
		});
		return { status: 'scheduled', retryAt };
	}
	await owned(knex, row).update({ status: 'failed', last_error: message, claimed_by: null });
	return { status: 'failed' };
}

export async function cancelRow(knex: Knex, row: OutboxRow, reason: string): Promise<void> {
	await owned(knex, row).update({ status: 'cancelled', last_error: reason, claimed_by: null });
}

/** Back to the queue for later (quiet hours), without counting an attempt. */
export async function deferRow(knex: Knex, row: OutboxRow, until: Date, reason: string): Promise<void> {
	await owned(knex, row).update({
		status: 'scheduled',
		due_at: toDbTimestamp(knex, until),
		last_error: `deferred: ${reason}`,
		claimed_by: null,
		claimed_at: null,
	});
}
