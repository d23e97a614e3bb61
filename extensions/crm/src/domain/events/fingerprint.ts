// A stable text of an event, so that reusing an idempotency key with a different payload can be detected.
// The caller hashes it (sha256); key order and whitespace never matter, values after normalisation do.
import type { ValidEvent } from './validate-event';

/** JSON with object keys sorted at every level and undefined members left out. */
export function canonicalJson(value: unknown): string {
	if (value === null || typeof value !== 'object') {
		if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
		return JSON.stringify(value) ?? 'null';
	}
	if (Array.isArray(value))
		return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
	const entries = Object.entries(value as Record<string, unknown>)
		.filter(([, item]) => item !== undefined)
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

/** What identifies an event's payload: its type and normalised data (the key itself is not part of it). */
export function fingerprintSource(event: ValidEvent): string {
	return canonicalJson({ type: event.type, data: event.data });
}
