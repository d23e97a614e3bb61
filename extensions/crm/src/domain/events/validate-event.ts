// The request envelope: one event `{ type, idempotency_key, data }` or a batch `{ events: [...] }` of 1-1000.
import { DATA_VALIDATORS } from './validate-data';
import { EVENT_TYPES, type EventType, type Issue } from './types';
import { childPath, indexPath, isObject, type Context } from './values';

export const MAX_BATCH = 1000;
export const DEFAULT_FUTURE_TOLERANCE_MS = 5 * 60_000;
const KEY = /^[\x21-\x7E]{1,200}$/;
const ENVELOPE_KEYS = ['type', 'idempotency_key', 'data'];

export interface ValidationOptions {
	now: Date;
	futureToleranceMs?: number;
}

/** A valid, normalised event. */
export interface ValidEvent {
	type: EventType;
	idempotency_key: string;
	data: Record<string, unknown>;
}

export type EventCheck =
	| { ok: true; event: ValidEvent }
	| { ok: false; idempotency_key: string | null; type: EventType | null; issues: Issue[] };

const isEventType = (value: unknown): value is EventType =>
	typeof value === 'string' && (EVENT_TYPES as readonly string[]).includes(value);

/** Validates one event; `path` is its place in the request ('' for a single event, `events[3]` in a batch). */
export function validateEvent(value: unknown, path: string, options: ValidationOptions): EventCheck {
	const ctx: Context = {
		issues: [],
		now: options.now,
		futureToleranceMs: options.futureToleranceMs ?? DEFAULT_FUTURE_TOLERANCE_MS,
	};
	if (!isObject(value))
		return {
			ok: false,
			idempotency_key: null,
			type: null,
			issues: [{ path: path || 'body', message: 'must be an object { type, idempotency_key, data }' }],
		};
	const key =
		typeof value.idempotency_key === 'string' && KEY.test(value.idempotency_key) ? value.idempotency_key : null;
	const type = isEventType(value.type) ? value.type : null;
	for (const field of Object.keys(value))
		if (!ENVELOPE_KEYS.includes(field)) ctx.issues.push({ path: childPath(path, field), message: 'unknown field' });
	if (value.idempotency_key === undefined)
		ctx.issues.push({ path: childPath(path, 'idempotency_key'), message: 'is required' });
	else if (!key)
		ctx.issues.push({
			path: childPath(path, 'idempotency_key'),
			message: 'must be 1-200 visible ASCII characters (no spaces)',
		});
	if (value.type === undefined) ctx.issues.push({ path: childPath(path, 'type'), message: 'is required' });
	else if (!type)
		ctx.issues.push({ path: childPath(path, 'type'), message: `must be one of: ${EVENT_TYPES.join(', ')}` });
	if (value.data === undefined) ctx.issues.push({ path: childPath(path, 'data'), message: 'is required' });
	const data =
		type && value.data !== undefined ? DATA_VALIDATORS[type](value.data, childPath(path, 'data'), ctx) : undefined;
	if (ctx.issues.length || !key || !type || !data) return { ok: false, idempotency_key: key, type, issues: ctx.issues };
	return { ok: true, event: { type, idempotency_key: key, data } };
}

export type ParsedRequest =
	| { ok: true; batch: boolean; events: { path: string; value: unknown }[] }
	| { ok: false; status: 400 | 413; issues: Issue[] };

/** Splits the body into events; a malformed envelope is a 400, more than 1000 events a 413. */
export function parseRequest(body: unknown): ParsedRequest {
	if (!isObject(body))
		return {
			ok: false,
			status: 400,
			issues: [
				{ path: 'body', message: 'must be one event { type, idempotency_key, data } or a batch { events: [...] }' },
			],
		};
	if (!('events' in body)) {
		if (!('type' in body))
			return {
				ok: false,
				status: 400,
				issues: [
					{ path: 'body', message: 'must be one event { type, idempotency_key, data } or a batch { events: [...] }' },
				],
			};
		return { ok: true, batch: false, events: [{ path: '', value: body }] };
	}
	const extra = Object.keys(body).filter((key) => key !== 'events');
	if (extra.length)
		return {
			ok: false,
			status: 400,
			issues: extra.map((key) => ({ path: key, message: 'unknown field (a batch is { events: [...] })' })),
		};
	const events = body.events;
	if (!Array.isArray(events))
		return { ok: false, status: 400, issues: [{ path: 'events', message: 'must be an array of events' }] };
	if (events.length === 0)
		return { ok: false, status: 400, issues: [{ path: 'events', message: 'must hold at least one event' }] };
	if (events.length > MAX_BATCH)
		return {
			ok: false,
			status: 413,
			issues: [
				{
					path: 'events',
					message: `a batch holds at most ${MAX_BATCH} events (got ${events.length}); split it into several requests`,
				},
			],
		};
	return { ok: true, batch: true, events: events.map((value, index) => ({ path: indexPath('events', index), value })) };
}
