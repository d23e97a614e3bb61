// The feed's total order: newest first by time, then kind, then id (all descending), so entries with the same
// timestamp still have exactly one place and a cursor can resume between them.
import type { EntryId, TimelineCursor, TimelineEntry } from './types';

const NUMERIC = /^-?\d{1,15}$/;

/** Compares ids numerically when both are numbers (or numeric strings), as text otherwise. */
export function compareIds(a: EntryId, b: EntryId): number {
	const numeric = (value: EntryId) => typeof value === 'number' || NUMERIC.test(value);
	if (numeric(a) && numeric(b)) return Number(a) - Number(b);
	const [x, y] = [String(a), String(b)];
	return x < y ? -1 : x > y ? 1 : 0;
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Ascending comparison of two feed positions; the feed shows them in descending order. */
export function comparePositions(a: TimelineCursor, b: TimelineCursor): number {
	return a.at - b.at || compareText(a.kind, b.kind) || compareIds(a.id, b.id);
}

/** The position of an entry (its time in epoch milliseconds). */
export function positionOf(entry: TimelineEntry): TimelineCursor {
	return { at: Date.parse(entry.at), kind: entry.kind, id: entry.id };
}

/** Negative when `a` comes before `b` in the feed (is newer). */
export const newestFirst = (a: TimelineEntry, b: TimelineEntry) => comparePositions(positionOf(b), positionOf(a));

/** True when the entry comes after the cursor in the feed (is strictly older). */
export const isAfterCursor = (entry: TimelineEntry, cursor: TimelineCursor | null) =>
	cursor === null || comparePositions(positionOf(entry), cursor) < 0;

/**
 * What "older than the cursor" means for the rows of one source, as a condition one indexed query can use:
 * a source of a kind sorting below the cursor's kind takes rows at the cursor's time too; the cursor's own kind takes
 * equal times only with a smaller id; a kind sorting above takes strictly older times.
 */
export type SourceBound = { at: number; op: '<' | '<=' } | { at: number; op: 'tie'; id: EntryId };

export function boundFor(kind: string, cursor: TimelineCursor | null): SourceBound | null {
	if (!cursor) return null;
	const order = compareText(kind, cursor.kind);
	if (order < 0) return { at: cursor.at, op: '<=' };
	if (order > 0) return { at: cursor.at, op: '<' };
	return { at: cursor.at, op: 'tie', id: cursor.id };
}
