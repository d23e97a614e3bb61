// Issue #15 findings 10 and 16 in the pure import: inherited names as headers, formula cells, mojibake.
import { describe, expect, it } from 'vitest';
import { encodingWarning, parseCsv } from './csv';
import { rowsToEvents, suggestMapping } from './mapping';

const options = { fileKey: 'f', timeZone: 'Asia/Seoul' };

describe('CSV import bounds', () => {
	it('ignores columns named constructor, toString or __proto__ instead of throwing', () => {
		const header = ['constructor', 'toString', '__proto__', 'hasOwnProperty', '이름', 'email'];
		const mapping = suggestMapping('customers', header);
		expect(mapping).toEqual({ 이름: 'full_name', email: 'email' });
		expect(Object.getPrototypeOf(mapping)).toBe(Object.prototype);
		const mapped = rowsToEvents(
			'customers',
			header,
			[['a', 'b', 'c', 'd', '김민준', 'kim@example.kr']],
			mapping,
			options,
		);
		expect(mapped.issues).toEqual([]);
		expect(mapped.events[0].event.data).toEqual({ full_name: '김민준', email: 'kim@example.kr' });
		const hostile = JSON.parse('{"__proto__": "full_name", "constructor": "email", "이름": "nope"}');
		const ignored = rowsToEvents('customers', header, [['a', 'b', 'c', 'd', '김민준', 'x']], hostile, options);
		expect(ignored.events[0].event.data).toEqual({ full_name: 'c', email: 'a' });
	});

	it('imports = + - @ cells of free-text fields with a leading apostrophe, and says so', () => {
		const header = ['이름', 'email', 'phone', 'notes', 'tags'];
		const rows = [['=HYPERLINK("http://x","y")', 'a@example.kr', '+82 10 1234 5678', '@SUM(A1)', 'vip;-1+1']];
		const mapped = rowsToEvents('customers', header, rows, suggestMapping('customers', header), options);
		expect(mapped.events[0].event.data).toMatchObject({
			full_name: `'=HYPERLINK("http://x","y")`,
			phone: '+82 10 1234 5678',
			notes: "'@SUM(A1)",
			tags: ['vip', "'-1+1"],
		});
		expect(mapped.neutralised.map((cell) => cell.field)).toEqual(['full_name', 'notes', 'tags']);
	});

	it('flags a file with U+FFFD (EUC-KR read as UTF-8)', () => {
		const broken = new TextDecoder('utf-8').decode(new Uint8Array([0xc0, 0xcc, 0xb8, 0xa7, 0x2c, 0x61, 0x0a]));
		expect(parseCsv(broken).ok).toBe(true);
		expect(encodingWarning(broken)).toMatchObject({ count: 2, en: expect.stringContaining('EUC-KR') });
		expect(encodingWarning('이름,email\n김민준,a@example.kr')).toBeNull();
	});
});
