// Reading a members upload for a static segment: CSV text (parsed by the customer import's parser) or JSON rows, the
// column that identifies customers, and each row's normalised key. Pure; the database lookup is data/segments.
import { MAX_CSV_ROWS, parseCsv } from '../csv-import/csv';
import { suggestMapping } from '../csv-import/mapping';
import { normaliseEmail, normalisePhone } from '../events/contact';
import { isObject, type Issue } from './rule-types';

/** In priority order: when several columns could identify customers, the first kind found wins. */
export const MEMBER_KEYS = ['id', 'external_id', 'email', 'phone'] as const;
export type MemberKey = (typeof MEMBER_KEYS)[number];
export const IMPORT_MODES = ['add', 'replace'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export interface KeyedRow {
	/** 1-based data row (the header is not counted), as the customer import numbers rows. */
	row: number;
	raw: string;
	/** The normalised key (CRM ids as numbers), or null with `reason`. */
	value: string | number | null;
	reason?: string;
}

export interface MemberUpload {
	mode: ImportMode;
	dryRun: boolean;
	column: string;
	key: MemberKey;
	rows: KeyedRow[];
}

const normalise = (header: string) => header.toLowerCase().replace(/[\s_\-()]/g, '');

/**
 * What a column holds. "id" means the CRM's own id here (a list exported from the CRM); in the customer import it is
 * the shop's id, since new customers have no CRM id yet. Other names go through the customer import's aliases.
 */
export function keyOfColumn(column: string): MemberKey | null {
	if (['id', 'crmid'].includes(normalise(column))) return 'id';
	const field = suggestMapping('customers', [column])[column];
	return (MEMBER_KEYS as readonly string[]).includes(field ?? '') ? (field as MemberKey) : null;
}

/** The first column holding `match` (or, without it, the highest-priority kind present). */
export function detectKeyColumn(header: string[], match?: MemberKey): { column: string; key: MemberKey } | null {
	const found = header
		.map((column) => ({ column, key: keyOfColumn(column) }))
		.filter((c): c is { column: string; key: MemberKey } => c.key !== null);
	for (const key of match ? [match] : MEMBER_KEYS) {
		const hit = found.find((c) => c.key === key);
		if (hit) return hit;
	}
	return null;
}

/** A cell → the form customers are stored in (e-mail lower case, phone E.164), or why it cannot match. */
export function normaliseKey(key: MemberKey, raw: string): Pick<KeyedRow, 'value' | 'reason'> {
	const text = raw.trim();
	if (text === '') return { value: null, reason: 'empty' };
	switch (key) {
		case 'id':
			return /^\d+$/.test(text) && Number.isSafeInteger(Number(text)) && Number(text) > 0
				? { value: Number(text) }
				: { value: null, reason: 'not a customer id' };
		case 'email': {
			const email = normaliseEmail(text);
			return email ? { value: email } : { value: null, reason: 'not a valid e-mail address' };
		}
		case 'phone': {
			const phone = normalisePhone(text);
			return phone ? { value: phone } : { value: null, reason: 'not a valid phone number' };
		}
		case 'external_id':
			return { value: text };
	}
}

/** JSON rows ([{ email: … }, …]) as a header and string cells, like a parsed CSV. */
function tableOfRows(rows: unknown[]): { header: string[]; cells: string[][] } | null {
	if (!rows.every(isObject)) return null;
	const header = [...new Set(rows.flatMap((row) => Object.keys(row)))];
	const cell = (v: unknown) =>
		typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : '';
	return { header, cells: rows.map((row) => header.map((column) => cell(row[column]))) };
}

/** Checks the request body of POST /crm/segments/:id/members/import; issues name the offending key. */
export function readMemberUpload(body: unknown): { ok: true; upload: MemberUpload } | { ok: false; issues: Issue[] } {
	if (!isObject(body)) return { ok: false, issues: [{ path: 'csv', message: 'send { csv } or { rows }' }] };
	const issues: Issue[] = [];
	const mode = body.mode ?? 'add';
	if (!(IMPORT_MODES as readonly unknown[]).includes(mode))
		issues.push({ path: 'mode', message: `must be one of: ${IMPORT_MODES.join(', ')}` });
	const dryRun = body.dry_run ?? false;
	if (typeof dryRun !== 'boolean') issues.push({ path: 'dry_run', message: 'must be true or false' });
	const match = body.match;
	if (match !== undefined && !(MEMBER_KEYS as readonly unknown[]).includes(match))
		issues.push({ path: 'match', message: `must be one of: ${MEMBER_KEYS.join(', ')}` });
	if (body.column !== undefined && (typeof body.column !== 'string' || body.column === ''))
		issues.push({ path: 'column', message: 'must be a column name' });

	let table: { header: string[]; cells: string[][] } | null = null;
	if ((body.csv === undefined) === (body.rows === undefined))
		issues.push({ path: 'csv', message: 'send either csv (the CSV text) or rows (JSON objects), not both' });
	else if (body.csv !== undefined) {
		const parsed = typeof body.csv === 'string' ? parseCsv(body.csv) : null;
		if (!parsed) issues.push({ path: 'csv', message: 'must be the CSV text' });
		else if (!parsed.ok) issues.push({ path: 'csv', message: `line ${parsed.line}: ${parsed.message}` });
		else table = { header: parsed.csv.header, cells: parsed.csv.rows };
	} else if (!Array.isArray(body.rows) || body.rows.length === 0)
		issues.push({ path: 'rows', message: 'must be a non-empty array of objects' });
	else if (body.rows.length > MAX_CSV_ROWS)
		issues.push({ path: 'rows', message: `at most ${MAX_CSV_ROWS} rows per upload` });
	else {
		table = tableOfRows(body.rows);
		if (!table) issues.push({ path: 'rows', message: 'every row must be an object, e.g. { "email": "…" }' });
	}
	if (issues.length || !table) return { ok: false, issues };

	const target = resolveColumn(table.header, body.column as string | undefined, match as MemberKey | undefined);
	if ('issue' in target) return { ok: false, issues: [target.issue] };
	const index = table.header.indexOf(target.column);
	const rows = table.cells.map((cells, i) => {
		const raw = cells[index] ?? '';
		return { row: i + 1, raw: raw.trim(), ...normaliseKey(target.key, raw) };
	});
	return {
		ok: true,
		upload: { mode: mode as ImportMode, dryRun: dryRun as boolean, column: target.column, key: target.key, rows },
	};
}

function resolveColumn(
	header: string[],
	column: string | undefined,
	match: MemberKey | undefined,
): { column: string; key: MemberKey } | { issue: Issue } {
	if (column !== undefined) {
		if (!header.includes(column))
			return { issue: { path: 'column', message: `is not a column of the file (columns: ${header.join(', ')})` } };
		const key = match ?? keyOfColumn(column);
		return key
			? { column, key }
			: { issue: { path: 'match', message: `say what column "${column}" holds: ${MEMBER_KEYS.join(', ')}` } };
	}
	const detected =
		detectKeyColumn(header, match) ?? (match && header.length === 1 ? { column: header[0], key: match } : null);
	return (
		detected ?? {
			issue: {
				path: 'column',
				message: `no column identifies customers (${MEMBER_KEYS.join(', ')}); name one with "column"`,
			},
		}
	);
}

export interface MatchReport {
	matched: { row: number; customer: number }[];
	unmatched: { row: number; value: string; reason: string }[];
	/** Distinct customers matched (a customer listed twice counts once). */
	customers: number[];
}

/** Joins the rows with the customers found (keyed by String(normalised key)). */
export function matchRows(rows: KeyedRow[], key: MemberKey, found: Map<string, number>): MatchReport {
	const report: MatchReport = { matched: [], unmatched: [], customers: [] };
	const seen = new Set<number>();
	for (const row of rows) {
		const customer = row.value === null ? undefined : found.get(String(row.value));
		if (customer === undefined) {
			report.unmatched.push({
				row: row.row,
				value: row.raw,
				reason: row.reason ?? `no customer with this ${key.replace('_', ' ')}`,
			});
			continue;
		}
		report.matched.push({ row: row.row, customer });
		if (!seen.has(customer)) report.customers.push(customer);
		seen.add(customer);
	}
	return report;
}

/** Who enters and who leaves: `add` only adds; `replace` also removes current members missing from the upload. */
export function planMembership(
	current: readonly number[],
	incoming: readonly number[],
	mode: ImportMode,
): { enter: number[]; leave: number[] } {
	const now = new Set(current);
	const next = new Set(incoming);
	return {
		enter: [...next].filter((id) => !now.has(id)),
		leave: mode === 'replace' ? [...now].filter((id) => !next.has(id)) : [],
	};
}
