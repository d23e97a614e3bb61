import { describe, expect, it } from 'vitest';
import { encodeCursor } from './cursor';
import { parseTimelineQuery } from './query';

const KINDS = ['order', 'interaction', 'feedback', 'points', 'history'];

describe('parseTimelineQuery', () => {
	it('defaults to every kind and channel, no cursor and 30 entries', () => {
		expect(parseTimelineQuery({}, KINDS)).toEqual({
			ok: true,
			query: { kinds: [], channels: [], before: null, limit: 30 },
		});
	});

	it('reads comma lists (or repeated parameters), the limit and the cursor', () => {
		const before = encodeCursor({ at: 5, kind: 'order', id: 1 });
		expect(
			parseTimelineQuery(
				{ kinds: 'order, interaction,order', channels: ['phone', 'visit,store'], limit: '100', before },
				KINDS,
			),
		).toEqual({
			ok: true,
			query: {
				kinds: ['order', 'interaction'],
				channels: ['phone', 'visit', 'store'],
				before: { at: 5, kind: 'order', id: 1 },
				limit: 100,
			},
		});
	});

	it.each([
		[{ limit: '0' }, 'limit'],
		[{ limit: '101' }, 'limit'],
		[{ limit: '2.5' }, 'limit'],
		[{ limit: 'ten' }, 'limit'],
		[{ kinds: 'order,parcel' }, 'kinds'],
		[{ kinds: { a: 1 } }, 'kinds'],
		[{ channels: 'Phone!' }, 'channels'],
		[{ before: 'not-a-cursor' }, 'before'],
	])('rejects %j naming %s', (raw, path) => {
		const result = parseTimelineQuery(raw as Record<string, unknown>, KINDS);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.issues.map((issue) => issue.path)).toEqual([path]);
	});

	it('names every bad parameter at once', () => {
		const result = parseTimelineQuery({ limit: '0', kinds: 'x' }, KINDS);
		expect(!result.ok && result.issues.map((issue) => issue.path)).toEqual(['kinds', 'limit']);
	});
});
