// One event, in its own transaction: claim the key (insert into crm_events), do the work in a savepoint, record the
// result. A taken key replays the stored result (409 when the payload differs); nothing is half-written.
import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import { fingerprintSource } from '../../domain/events/fingerprint';
import { EventRejection } from '../../domain/events/rejection';
import type { EventError, EventOutcome } from '../../domain/events/types';
import type { ValidEvent } from '../../domain/events/validate-event';
import { claimKey, finishEvent, type StoredEvent } from '../../data/events/journal';
import { HANDLERS } from './handlers';
import type { WriterFactory } from './writers';

export interface ProcessContext {
	database: Knex;
	writers: WriterFactory;
	now: Date;
}

export interface Processed {
	outcome: EventOutcome;
	httpStatus: number;
}

const prefixed = (prefix: string, path: string) => (prefix ? `${prefix}.${path}` : path);

/** Directus errors thrown by the ItemsService (permissions, unique values, validation) as rejections. */
export function toRejection(error: unknown): EventRejection | null {
	if (error instanceof EventRejection) return error;
	const e = error as {
		status?: unknown;
		code?: unknown;
		message?: string;
		extensions?: { field?: string; collection?: string };
	} | null;
	if (typeof e?.status !== 'number' || e.status < 400 || e.status >= 500 || typeof e.code !== 'string') return null;
	if (e.code === 'FORBIDDEN') return new EventRejection(403, 'FORBIDDEN', 'type', e.message ?? 'forbidden', false);
	const field = e.extensions?.field;
	const path = e.extensions?.collection === 'crm_order_lines' ? 'data.lines' : field ? `data.${field}` : 'data';
	if (e.code === 'RECORD_NOT_UNIQUE')
		return new EventRejection(409, 'CONFLICT', path, e.message ?? 'value must be unique');
	return new EventRejection(e.status, e.code, path, e.message ?? 'invalid');
}

const errorOf = (rejection: EventRejection, prefix = ''): EventError => ({
	path: prefixed(prefix, rejection.path),
	message: rejection.message,
	code: rejection.code,
});

function rejected(event: ValidEvent, rejection: EventRejection, prefix: string): Processed {
	return {
		httpStatus: rejection.status,
		outcome: {
			idempotency_key: event.idempotency_key,
			type: event.type,
			status: 'rejected',
			errors: [errorOf(rejection, prefix)],
		},
	};
}

function replay(event: ValidEvent, stored: StoredEvent, fingerprint: string, prefix: string): Processed {
	if (stored.result.fingerprint !== fingerprint) {
		return rejected(
			event,
			new EventRejection(
				409,
				'IDEMPOTENCY_KEY_REUSED',
				'idempotency_key',
				'was already used for a different payload; send a new key for a new event',
				false,
			),
			prefix,
		);
	}
	return {
		httpStatus: 200,
		outcome: {
			idempotency_key: event.idempotency_key,
			type: event.type,
			status: 'replayed',
			result: stored.result.data,
		},
	};
}

export async function processEvent(context: ProcessContext, event: ValidEvent, prefix: string): Promise<Processed> {
	const fingerprint = `sha256:${createHash('sha256').update(fingerprintSource(event)).digest('hex')}`;
	const key = event.idempotency_key;
	try {
		return await context.database.transaction(async (trx) => {
			const claim = {
				idempotency_key: key,
				type: event.type,
				received_at: new Date(),
				payload: { type: event.type, idempotency_key: key, data: event.data },
				fingerprint,
			};
			const stored = await claimKey(trx, claim);
			if (stored) return replay(event, stored, fingerprint, prefix);
			try {
				const handled = await trx.transaction((savepoint) =>
					HANDLERS[event.type]({ knex: savepoint, write: context.writers(savepoint), now: context.now, event }),
				);
				await finishEvent(trx, key, 'processed', {
					fingerprint,
					http_status: handled.httpStatus,
					data: handled.result,
				});
				return {
					httpStatus: handled.httpStatus,
					outcome: { idempotency_key: key, type: event.type, status: 'processed', result: handled.result },
				};
			} catch (error) {
				const rejection = toRejection(error);
				if (!rejection?.journal) throw error;
				// The work was rolled back with its savepoint; the journal keeps the rejection (the key stays retryable).
				await finishEvent(trx, key, 'rejected', {
					fingerprint,
					http_status: rejection.status,
					errors: [errorOf(rejection)],
				});
				return rejected(event, rejection, prefix);
			}
		});
	} catch (error) {
		const rejection = toRejection(error);
		if (rejection) return rejected(event, rejection, prefix);
		throw error;
	}
}
