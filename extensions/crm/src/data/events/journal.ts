// crm_events, the idempotency journal. A key is claimed by inserting its row first, inside the event's own
// transaction: the unique index makes a concurrent twin wait, then fail, then read the first one's result.
import type { Knex } from 'knex';
import type { EventError } from '../../domain/events/types';
import { toDbTimestamp } from '../timestamps';

export interface JournalResult {
	fingerprint: string;
	http_status: number;
	data?: Record<string, unknown>;
	errors?: EventError[];
}

export interface StoredEvent {
	type: string;
	status: 'processed' | 'rejected';
	result: JournalResult;
}

export interface Claim {
	idempotency_key: string;
	type: string;
	received_at: Date;
	payload: unknown;
	fingerprint: string;
}

export function isUniqueViolation(error: unknown): boolean {
	const e = error as { code?: string; message?: string } | null;
	return e?.code === '23505' || (e?.code === 'SQLITE_CONSTRAINT' && /UNIQUE/i.test(e.message ?? ''));
}

const json = (value: unknown) => JSON.stringify(value);
const parse = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);

/**
 * Claims the key inside `trx`: null when this transaction now holds it, else the stored entry that holds it.
 * A rejected entry does not hold its key: it is taken over (its row lock serialises concurrent takers).
 */
export async function claimKey(trx: Knex.Transaction, claim: Claim): Promise<StoredEvent | null> {
	const row = {
		type: claim.type,
		status: 'processed',
		received_at: toDbTimestamp(trx, claim.received_at),
		payload: json(claim.payload),
		result: json({ fingerprint: claim.fingerprint, http_status: 0 }),
	};
	try {
		// A savepoint: on PostgreSQL a failed insert would otherwise abort the whole transaction.
		await trx.transaction((savepoint) =>
			savepoint('crm_events').insert({ idempotency_key: claim.idempotency_key, ...row }),
		);
		return null;
	} catch (error) {
		if (!isUniqueViolation(error)) throw error;
	}
	const taken = await trx('crm_events')
		.where({ idempotency_key: claim.idempotency_key, status: 'rejected' })
		.update(row);
	if (Number(taken) > 0) return null;
	const stored = await readStored(trx, claim.idempotency_key);
	if (!stored) throw new Error(`crm_events: key ${claim.idempotency_key} is taken but cannot be read`);
	return stored;
}

export async function readStored(knex: Knex, key: string): Promise<StoredEvent | null> {
	const row = await knex('crm_events').first('type', 'status', 'result').where('idempotency_key', key);
	return row ? { type: row.type, status: row.status, result: parse(row.result) } : null;
}

/** Records how the claimed event ended. */
export async function finishEvent(
	trx: Knex.Transaction,
	key: string,
	status: 'processed' | 'rejected',
	result: JournalResult,
) {
	await trx('crm_events')
		.where('idempotency_key', key)
		.update({ status, result: json(result) });
}
