import { describe, expect, it } from 'vitest';
import { cursorAfter, decodeCursor, encodeCursor, InvalidCursorError } from './cursor';

describe('timeline cursor', () => {
	it('round-trips time, kind and id (numeric and text ids) through an opaque base64url token', () => {
		for (const cursor of [
			{ at: 1_767_225_600_000, kind: 'order', id: 42 },
			{ at: 0, kind: 'points', id: 'a-b_c' },
			{ at: -86_400_000, kind: 'message', id: '한글-id' },
		]) {
			const token = encodeCursor(cursor);
			expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
			expect(decodeCursor(token)).toEqual(cursor);
		}
	});

	it('makes the cursor that resumes after an entry from its ISO time', () => {
		const token = cursorAfter({
			kind: 'interaction',
			id: 7,
			at: '2026-03-01T09:30:00.123Z',
			channel: 'phone',
			type: 'call',
			subject: null,
			value: null,
			data: {},
		});
		expect(decodeCursor(token)).toEqual({ at: Date.parse('2026-03-01T09:30:00.123Z'), kind: 'interaction', id: 7 });
	});

	it.each([
		['empty', ''],
		['not a string', 12],
		['not base64url', 'abc+/=='],
		['not JSON', Buffer.from('hello').toString('base64url')],
		['an object', Buffer.from('{"at":1}').toString('base64url')],
		['too short', Buffer.from('[1,"order"]').toString('base64url')],
		['a fractional time', Buffer.from('[1.5,"order",1]').toString('base64url')],
		['a bad kind', Buffer.from('[1,"Order!",1]').toString('base64url')],
		['a missing id', Buffer.from('[1,"order",null]').toString('base64url')],
		['an empty id', Buffer.from('[1,"order",""]').toString('base64url')],
		['too long', 'a'.repeat(300)],
	])('rejects %s', (_, token) => {
		expect(() => decodeCursor(token)).toThrow(InvalidCursorError);
	});
});
