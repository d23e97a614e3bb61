// Parses and checks the timeline's query string: kinds, channels, before (cursor), limit.
import { decodeCursor, InvalidCursorError } from './cursor';
import type { TimelineCursor } from './types';

export const DEFAULT_LIMIT = 30;
export const MAX_LIMIT = 100;
const CHANNEL = /^[a-z][a-z0-9_]{0,31}$/;

export interface TimelineQuery {
	/** The kinds asked for; empty = all. */
	kinds: string[];
	/** The channels asked for; empty = all (sources without a channel drop out when this is set). */
	channels: string[];
	before: TimelineCursor | null;
	limit: number;
}

export interface QueryIssue {
	path: string;
	message: string;
}

/** "a,b" or ["a", "b"] (repeated parameters) → distinct non-empty values. */
function list(value: unknown): string[] | null {
	if (value === undefined) return [];
	const parts = (Array.isArray(value) ? value : [value]).flatMap((part) =>
		typeof part === 'string' ? part.split(',') : [null],
	);
	if (parts.includes(null)) return null;
	return [...new Set((parts as string[]).map((part) => part.trim()).filter(Boolean))];
}

export function parseTimelineQuery(
	raw: Record<string, unknown>,
	knownKinds: readonly string[],
): { ok: true; query: TimelineQuery } | { ok: false; issues: QueryIssue[] } {
	const issues: QueryIssue[] = [];
	const kinds = list(raw.kinds);
	if (!kinds) issues.push({ path: 'kinds', message: 'expected a comma-separated list' });
	else {
		const unknown = kinds.filter((kind) => !knownKinds.includes(kind));
		if (unknown.length)
			issues.push({ path: 'kinds', message: `unknown kind ${unknown.join(', ')} (known: ${knownKinds.join(', ')})` });
	}
	const channels = list(raw.channels);
	if (!channels || channels.some((channel) => !CHANNEL.test(channel)))
		issues.push({ path: 'channels', message: 'expected a comma-separated list of channel codes' });

	let limit = DEFAULT_LIMIT;
	if (raw.limit !== undefined) {
		limit = typeof raw.limit === 'string' && /^\d+$/.test(raw.limit) ? Number(raw.limit) : NaN;
		if (!(limit >= 1 && limit <= MAX_LIMIT))
			issues.push({ path: 'limit', message: `expected an integer from 1 to ${MAX_LIMIT}` });
	}

	let before: TimelineCursor | null = null;
	if (raw.before !== undefined && raw.before !== '') {
		try {
			before = decodeCursor(raw.before);
		} catch (error) {
			if (!(error instanceof InvalidCursorError)) throw error;
			issues.push({ path: 'before', message: error.message });
		}
	}
	if (issues.length) return { ok: false, issues };
	return { ok: true, query: { kinds: kinds!, channels: channels!, before, limit } };
}
