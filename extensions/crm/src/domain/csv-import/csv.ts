// RFC 4180 CSV: quoted fields with "" escapes, CRLF or LF, a UTF-8 BOM (Excel's Korean exports carry one), and tab-
// separated files when the header has tabs but no commas. Pure.

export interface ParsedCsv {
	header: string[];
	rows: string[][];
	/** 1-based line of each data row in the file (a quoted field may span lines). */
	lines: number[];
}

export type CsvResult = { ok: true; csv: ParsedCsv } | { ok: false; line: number; message: string };

export const MAX_CSV_ROWS = 50_000;

export function parseCsv(text: string): CsvResult {
	const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
	const firstLine = source.split(/\r?\n/, 1)[0] ?? '';
	const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
	const records: string[][] = [];
	const starts: number[] = [];
	let field = '';
	let record: string[] = [];
	let quoted = false;
	let line = 1;
	let recordLine = 1;
	for (let i = 0; i < source.length; i++) {
		const char = source[i];
		if (quoted) {
			if (char === '"' && source[i + 1] === '"') {
				field += '"';
				i++;
			} else if (char === '"') quoted = false;
			else {
				if (char === '\n') line++;
				field += char;
			}
			continue;
		}
		if (char === '"' && field === '') quoted = true;
		else if (char === delimiter) {
			record.push(field);
			field = '';
		} else if (char === '\n' || char === '\r') {
			if (char === '\r' && source[i + 1] === '\n') i++;
			record.push(field);
			records.push(record);
			starts.push(recordLine);
			record = [];
			field = '';
			line++;
			recordLine = line;
		} else field += char;
	}
	if (quoted) return { ok: false, line: recordLine, message: 'a quoted field is never closed' };
	if (field !== '' || record.length) {
		record.push(field);
		records.push(record);
		starts.push(recordLine);
	}
	const nonEmpty = records
		.map((r, index) => ({ r, line: starts[index] }))
		.filter(({ r }) => r.some((cell) => cell.trim() !== ''));
	if (!nonEmpty.length) return { ok: false, line: 1, message: 'the file is empty' };
	if (nonEmpty.length - 1 > MAX_CSV_ROWS)
		return { ok: false, line: 1, message: `at most ${MAX_CSV_ROWS} rows per file` };
	const [head, ...body] = nonEmpty;
	return {
		ok: true,
		csv: {
			header: head.r.map((cell) => cell.trim()),
			rows: body.map(({ r }) => r),
			lines: body.map(({ line }) => line),
		},
	};
}
