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

/**
 * A file saved as EUC-KR/CP949 (Excel's default "CSV" in Korean Windows) and read as UTF-8 turns every Korean
 * character into U+FFFD: flagged so staff re-save it as "CSV UTF-8" instead of importing broken names (#15 finding 16).
 */
export function encodingWarning(text: string): { en: string; ko: string; count: number } | null {
	let count = 0;
	for (let at = text.indexOf('\uFFFD'); at !== -1; at = text.indexOf('\uFFFD', at + 1)) count++;
	if (count === 0) return null;
	return {
		count,
		en: `the file has ${count} unreadable characters (U+FFFD): it was probably saved as EUC-KR/CP949; save it as "CSV UTF-8" and choose it again`,
		ko: `파일에 읽을 수 없는 문자(U+FFFD)가 ${count}개 있습니다. EUC-KR/CP949로 저장된 파일일 수 있으니 "CSV UTF-8"로 다시 저장해 선택하세요`,
	};
}

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
