import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';

const ok = (text: string) => {
	const result = parseCsv(text);
	if (!result.ok) throw new Error(result.message);
	return result.csv;
};

describe('parseCsv', () => {
	it('reads quoted fields with commas, escaped quotes and line breaks, CRLF and a BOM', () => {
		const csv = ok('\uFEFF이름,메모\r\n"김, 민준","그는 ""단골""이다"\r\n박서연,"두 줄\n메모"\r\n');
		expect(csv.header).toEqual(['이름', '메모']);
		expect(csv.rows).toEqual([
			['김, 민준', '그는 "단골"이다'],
			['박서연', '두 줄\n메모'],
		]);
		expect(csv.lines).toEqual([2, 3]);
	});

	it('reads tab-separated files and skips blank lines', () => {
		expect(ok('a\tb\n1\t2\n\n3\t4').rows).toEqual([
			['1', '2'],
			['3', '4'],
		]);
	});

	it('keeps empty trailing cells', () => {
		expect(ok('a,b,c\n1,,\n').rows).toEqual([['1', '', '']]);
	});

	it('reports an unclosed quote with its line, and an empty file', () => {
		expect(parseCsv('a,b\n1,"open\n2,3')).toEqual({ ok: false, line: 2, message: 'a quoted field is never closed' });
		expect(parseCsv('\n \n')).toMatchObject({ ok: false, message: 'the file is empty' });
	});
});
