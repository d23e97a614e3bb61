import { describe, expect, it } from 'vitest';
import { decodeCursor } from './cursor';
import { mergePages } from './merge';
import { boundFor, compareIds, newestFirst, type SourceBound } from './order';
import type { TimelineCursor, TimelineEntry } from './types';

const entry = (kind: string, id: number, at: string): TimelineEntry => ({
	kind,
	id,
	at: new Date(at).toISOString(),
	channel: null,
	type: null,
	subject: null,
	value: null,
	data: {},
});

/** What one source's indexed query returns: its rows past the bound, newest first, at most `limit`. */
function sourcePage(rows: TimelineEntry[], bound: SourceBound | null, limit: number) {
	const older = (row: TimelineEntry) => {
		if (!bound) return true;
		const at = Date.parse(row.at);
		if (bound.op === 'tie') return at < bound.at || (at === bound.at && compareIds(row.id, bound.id) < 0);
		return bound.op === '<' ? at < bound.at : at <= bound.at;
	};
	return rows
		.filter(older)
		.sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || compareIds(b.id, a.id))
		.slice(0, limit);
}

function readAll(sources: Record<string, TimelineEntry[]>, limit: number) {
	const pages: TimelineEntry[][] = [];
	let cursor: TimelineCursor | null = null;
	for (let guard = 0; guard < 1000; guard++) {
		const page = mergePages(
			Object.entries(sources).map(([kind, rows]) => sourcePage(rows, boundFor(kind, cursor), limit + 1)),
			limit,
		);
		pages.push(page.data);
		if (!page.next) return pages;
		cursor = decodeCursor(page.next);
	}
	throw new Error('no end');
}

describe('mergePages', () => {
	it('interleaves sorted pages newest first and stops at the limit with a cursor after the last entry', () => {
		const orders = [entry('order', 3, '2026-03-05'), entry('order', 1, '2026-03-01')];
		const calls = [entry('interaction', 9, '2026-03-04'), entry('interaction', 8, '2026-03-02')];
		const page = mergePages([orders, calls], 3);
		expect(page.data.map((e) => `${e.kind}${e.id}`)).toEqual(['order3', 'interaction9', 'interaction8']);
		expect(decodeCursor(page.next)).toEqual({ at: Date.parse('2026-03-02'), kind: 'interaction', id: 8 });
	});

	it('has no next page when everything fits, and handles empty sources', () => {
		expect(mergePages([[entry('order', 1, '2026-01-01')], []], 5)).toEqual({
			data: [entry('order', 1, '2026-01-01')],
			next: null,
		});
		expect(mergePages([], 5)).toEqual({ data: [], next: null });
	});

	it('orders equal times by kind, then id, descending', () => {
		const at = '2026-05-05T10:00:00Z';
		const page = mergePages(
			[[entry('order', 2, at), entry('order', 1, at)], [entry('points', 5, at)], [entry('history', 4, at)]],
			10,
		);
		expect(page.data.map((e) => `${e.kind}${e.id}`)).toEqual(['points5', 'order2', 'order1', 'history4']);
		expect([...page.data].sort(newestFirst)).toEqual(page.data);
	});

	it('pages through every entry exactly once, across sources and ties, for any page size', () => {
		const tie = '2026-02-02T12:00:00Z';
		const sources: Record<string, TimelineEntry[]> = {
			order: [
				entry('order', 1, tie),
				entry('order', 2, tie),
				entry('order', 3, '2026-02-01'),
				entry('order', 10, '2026-02-03'),
			],
			interaction: [
				entry('interaction', 1, tie),
				entry('interaction', 2, '2026-02-05'),
				entry('interaction', 3, tie),
				entry('interaction', 4, '2026-01-01'),
			],
			points: [entry('points', 1, tie), entry('points', 2, '2026-02-01')],
			feedback: [],
			history: Array.from({ length: 7 }, (_, i) =>
				entry('history', i + 1, `2026-01-${String(10 + i).padStart(2, '0')}`),
			),
		};
		const expected = Object.values(sources)
			.flat()
			.sort(newestFirst)
			.map((e) => `${e.kind}:${e.id}`);
		for (let limit = 1; limit <= expected.length + 1; limit++) {
			const pages = readAll(sources, limit);
			expect(
				pages.flat().map((e) => `${e.kind}:${e.id}`),
				`limit ${limit}`,
			).toEqual(expected);
			expect(pages.slice(0, -1).every((p) => p.length === limit)).toBe(true);
			expect(pages.at(-1)!.length).toBeGreaterThan(0);
		}
	});
});

describe('boundFor', () => {
	const cursor = { at: 1000, kind: 'order', id: 5 };
	it('takes equal times for kinds below the cursor kind, strictly older for kinds above, and id ties for its own kind', () => {
		expect(boundFor('history', cursor)).toEqual({ at: 1000, op: '<=' });
		expect(boundFor('points', cursor)).toEqual({ at: 1000, op: '<' });
		expect(boundFor('order', cursor)).toEqual({ at: 1000, op: 'tie', id: 5 });
		expect(boundFor('order', null)).toBeNull();
	});
	it('compares ids numerically when both are numeric', () => {
		expect(compareIds(9, 10)).toBeLessThan(0);
		expect(compareIds('9', '10')).toBeLessThan(0);
		expect(compareIds('b', 'a')).toBeGreaterThan(0);
	});
});
