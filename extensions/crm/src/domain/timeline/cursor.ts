// The keyset cursor: an opaque base64url token of (at, kind, id). Clients pass it back unchanged as `before`.
import { positionOf } from './order';
import type { TimelineCursor, TimelineEntry } from './types';

export class InvalidCursorError extends Error {
	constructor(reason: string) {
		super(`invalid cursor: ${reason}`);
		this.name = 'InvalidCursorError';
	}
}

const KIND = /^[a-z][a-z0-9_]{0,31}$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const MAX_LENGTH = 256;

function toBase64Url(text: string): string {
	const bytes = new TextEncoder().encode(text);
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(token: string): string {
	const padded = token.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (token.length % 4)) % 4);
	const binary = atob(padded);
	return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

export function encodeCursor(cursor: TimelineCursor): string {
	return toBase64Url(JSON.stringify([cursor.at, cursor.kind, cursor.id]));
}

/** The cursor that resumes right after this entry. */
export const cursorAfter = (entry: TimelineEntry) => encodeCursor(positionOf(entry));

/** Decodes a token made by encodeCursor; anything else throws InvalidCursorError. */
export function decodeCursor(token: unknown): TimelineCursor {
	if (typeof token !== 'string' || token === '') throw new InvalidCursorError('expected a non-empty string');
	if (token.length > MAX_LENGTH || !BASE64URL.test(token)) throw new InvalidCursorError('not a cursor token');
	let parsed: unknown;
	try {
		parsed = JSON.parse(fromBase64Url(token));
	} catch {
		throw new InvalidCursorError('not a cursor token');
	}
	if (!Array.isArray(parsed) || parsed.length !== 3) throw new InvalidCursorError('not a cursor token');
	const [at, kind, id] = parsed as unknown[];
	if (typeof at !== 'number' || !Number.isSafeInteger(at)) throw new InvalidCursorError('bad time');
	if (typeof kind !== 'string' || !KIND.test(kind)) throw new InvalidCursorError('bad kind');
	const goodId =
		(typeof id === 'number' && Number.isSafeInteger(id)) ||
		(typeof id === 'string' && id.length > 0 && id.length <= 64);
	if (!goodId) throw new InvalidCursorError('bad id');
	return { at, kind, id: id as number | string };
}
