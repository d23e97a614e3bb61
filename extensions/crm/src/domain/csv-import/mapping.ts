// CSV rows → events for the events API (customer.upsert, order.placed), so an import goes through exactly the same
// validation, duplicate matching (external id, then e-mail, then phone) and idempotency as external apps' events.
// Pure: the caller passes `now` and the CRM time zone.
import { zoneOffsetMs } from '../calendar/local-day';

export type ImportKind = 'customers' | 'orders';

export const CUSTOMER_FIELDS = [
	'external_id',
	'email',
	'phone',
	'full_name',
	'first_name',
	'last_name',
	'birthday',
	'gender',
	'language',
	'company',
	'address',
	'postal_code',
	'country',
	'source',
	'tags',
	'preferred_channel',
	'consent_email',
	'consent_sms',
	'consent_kakao',
	'consent_night',
	'notes',
] as const;
export const ORDER_FIELDS = [
	'order_external_id',
	'customer_external_id',
	'customer_email',
	'customer_phone',
	'ordered_at',
	'status',
	'channel',
	'currency',
	'total',
	'sku',
	'product_name',
	'category',
	'kind',
	'quantity',
	'unit_price',
	'line_total',
] as const;

/** Header names people use (Korean and English), normalised: lower case, no spaces, dashes or underscores. */
const ALIASES: Record<string, string> = {
	이름: 'full_name',
	성명: 'full_name',
	고객명: 'full_name',
	name: 'full_name',
	fullname: 'full_name',
	이메일: 'email',
	메일: 'email',
	email: 'email',
	mail: 'email',
	전화번호: 'phone',
	휴대폰: 'phone',
	휴대폰번호: 'phone',
	연락처: 'phone',
	phone: 'phone',
	mobile: 'phone',
	생일: 'birthday',
	생년월일: 'birthday',
	birthday: 'birthday',
	성별: 'gender',
	회사: 'company',
	주소: 'address',
	우편번호: 'postal_code',
	국가: 'country',
	태그: 'tags',
	메모: 'notes',
	고객번호: 'external_id',
	회원번호: 'external_id',
	externalid: 'external_id',
	id: 'external_id',
	주문번호: 'order_external_id',
	orderid: 'order_external_id',
	orderexternalid: 'order_external_id',
	고객이메일: 'customer_email',
	customeremail: 'customer_email',
	고객전화번호: 'customer_phone',
	customerphone: 'customer_phone',
	customerid: 'customer_external_id',
	customerexternalid: 'customer_external_id',
	주문일시: 'ordered_at',
	주문일: 'ordered_at',
	orderedat: 'ordered_at',
	date: 'ordered_at',
	상태: 'status',
	채널: 'channel',
	통화: 'currency',
	결제금액: 'total',
	상품코드: 'sku',
	sku: 'sku',
	상품명: 'product_name',
	product: 'product_name',
	productname: 'product_name',
	카테고리: 'category',
	분류: 'category',
	수량: 'quantity',
	qty: 'quantity',
	단가: 'unit_price',
	unitprice: 'unit_price',
	price: 'unit_price',
	금액: 'line_total',
	linetotal: 'line_total',
	광고동의이메일: 'consent_email',
	문자수신동의: 'consent_sms',
};

const normalise = (header: string) => header.toLowerCase().replace(/[\s_\-()]/g, '');

/** A first guess at the mapping from CSV columns to CRM fields; unknown columns are left unmapped. */
export function suggestMapping(kind: ImportKind, header: string[]): Record<string, string> {
	const fields: readonly string[] = kind === 'customers' ? CUSTOMER_FIELDS : ORDER_FIELDS;
	const mapping: Record<string, string> = {};
	for (const column of header) {
		const key = normalise(column);
		// Own keys only: a column named "constructor" or "__proto__" is no alias of anything (#15 finding 10).
		const alias = Object.hasOwn(ALIASES, key) ? ALIASES[key] : undefined;
		const guess = fields.includes(key) ? key : (fields.find((field) => normalise(field) === key) ?? alias);
		if (guess && fields.includes(guess) && !Object.values(mapping).includes(guess))
			Object.defineProperty(mapping, column, { value: guess, enumerable: true, writable: true, configurable: true });
	}
	return mapping;
}

export interface RowIssue {
	row: number;
	field: string;
	message: string;
}

export interface MappedEvents {
	events: { rows: number[]; event: { type: string; idempotency_key: string; data: Record<string, unknown> } }[];
	issues: RowIssue[];
	/** Cells that would have run as spreadsheet formulas, imported with a leading apostrophe. */
	neutralised: RowIssue[];
}

/**
 * Free-text fields whose cells a spreadsheet would run as a formula when starting with = + - @ (or a tab or carriage
 * return): they are imported with a leading apostrophe, as OWASP advises, so an export opened in Excel shows the text
 * (#15 finding 16). Phones, e-mails, amounts and dates are not free text and keep their own checks.
 */
export const FORMULA_FIELDS = new Set([
	'full_name',
	'first_name',
	'last_name',
	'company',
	'address',
	'notes',
	'tags',
	'product_name',
	'category',
]);
const FORMULA_START = /^[=+\-@\t\r]/;

/** `=HYPERLINK(…)` → `'=HYPERLINK(…)`; anything else as it is. */
export const neutraliseFormula = (value: string) => (FORMULA_START.test(value) ? `'${value}` : value);

const YES = new Set(['true', 'y', 'yes', '1', '예', '동의', 'o']);
const NO = new Set(['false', 'n', 'no', '0', '아니오', '미동의', 'x', '']);
const NUMERIC = new Set(['total', 'quantity', 'unit_price', 'line_total']);

/** "2026-03-01", "2026-03-01 14:30" or "2026/03/01 14:30:00" in the CRM time zone → ISO with offset; ISO passes through. */
export function localToIso(value: string, timeZone: string): string | null {
	if (/[zZ]|[+-]\d\d:?\d\d$/.test(value)) return value;
	const match = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(value.trim());
	if (!match) return null;
	const [, y, mo, d, h = '0', mi = '0', s = '0'] = match;
	const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
	const offset = zoneOffsetMs(new Date(wall), timeZone);
	return new Date(wall - offset).toISOString();
}

function cellValue(field: string, raw: string, row: number, issues: RowIssue[], timeZone: string): unknown {
	const value = raw.trim();
	if (field.startsWith('consent_')) {
		const lower = value.toLowerCase();
		if (YES.has(lower)) return true;
		if (NO.has(lower)) return false;
		issues.push({ row, field, message: `"${value}" is not yes/no` });
		return undefined;
	}
	if (value === '') return undefined;
	if (NUMERIC.has(field)) {
		const number = Number(value.replace(/[,₩\s원]/g, ''));
		if (!Number.isFinite(number)) issues.push({ row, field, message: `"${value}" is not a number` });
		return Number.isFinite(number) ? number : undefined;
	}
	if (field === 'tags')
		return value
			.split(/[;|]/)
			.map((tag) => tag.trim())
			.filter(Boolean);
	if (field === 'ordered_at') {
		const iso = localToIso(value, timeZone);
		if (!iso) issues.push({ row, field, message: `"${value}" is not a date (use YYYY-MM-DD HH:mm)` });
		return iso ?? undefined;
	}
	if (field === 'birthday') return value.replace(/[./]/g, '-');
	return value;
}

/** Maps the rows (row numbers are the CSV's data rows, 1-based) into events keyed by `fileKey` and row. */
export function rowsToEvents(
	kind: ImportKind,
	header: string[],
	rows: string[][],
	mapping: Record<string, string>,
	options: { fileKey: string; timeZone: string },
): MappedEvents {
	const issues: RowIssue[] = [];
	const neutralised: RowIssue[] = [];
	const fields: readonly string[] = kind === 'customers' ? CUSTOMER_FIELDS : ORDER_FIELDS;
	// Own keys naming a known field only: `mapping.constructor` is Object's, not a column's (#15 finding 10).
	const fieldOf = (column: string) =>
		Object.hasOwn(mapping, column) && fields.includes(mapping[column]) ? mapping[column] : undefined;
	const records = rows.map((cells, index) => {
		const record: Record<string, unknown> = {};
		header.forEach((column, c) => {
			const field = fieldOf(column);
			if (!field) return;
			let value = cellValue(field, cells[c] ?? '', index + 1, issues, options.timeZone);
			if (FORMULA_FIELDS.has(field)) {
				const safe = Array.isArray(value)
					? value.map((tag: string) => neutraliseFormula(tag))
					: typeof value === 'string'
						? neutraliseFormula(value)
						: value;
				if (JSON.stringify(safe) !== JSON.stringify(value)) {
					neutralised.push({
						row: index + 1,
						field,
						message: 'starts like a spreadsheet formula (= + - @): imported with a leading apostrophe',
					});
					value = safe;
				}
			}
			if (value !== undefined) record[field] = value;
		});
		return { row: index + 1, record };
	});
	const mapped =
		kind === 'customers'
			? customerEvents(records, issues, options.fileKey)
			: orderEvents(records, issues, options.fileKey);
	return { ...mapped, neutralised };
}

function customerEvents(
	records: { row: number; record: Record<string, unknown> }[],
	issues: RowIssue[],
	fileKey: string,
): Omit<MappedEvents, 'neutralised'> {
	const seen = new Map<string, number>();
	const events: MappedEvents['events'] = [];
	for (const { row, record } of records) {
		const keys = ['external_id', 'email', 'phone']
			.filter((field) => record[field] !== undefined)
			.map((field) => `${field}:${String(record[field]).toLowerCase()}`);
		const duplicateOf = keys.map((key) => seen.get(key)).find((first) => first !== undefined);
		if (duplicateOf !== undefined) {
			issues.push({ row, field: keys[0].split(':')[0], message: `duplicate of row ${duplicateOf} in this file` });
			continue;
		}
		for (const key of keys) seen.set(key, row);
		events.push({
			rows: [row],
			event: { type: 'customer.upsert', idempotency_key: `import:${fileKey}:${row}`, data: record },
		});
	}
	return { events, issues };
}

function orderEvents(
	records: { row: number; record: Record<string, unknown> }[],
	issues: RowIssue[],
	fileKey: string,
): Omit<MappedEvents, 'neutralised'> {
	const orders = new Map<
		string,
		{ rows: number[]; record: Record<string, unknown>; lines: Record<string, unknown>[] }
	>();
	for (const { row, record } of records) {
		const id = record.order_external_id;
		if (id === undefined) {
			issues.push({
				row,
				field: 'order_external_id',
				message: 'every row needs the order number (one row per order line)',
			});
			continue;
		}
		const order = orders.get(String(id)) ?? { rows: [], record, lines: [] };
		order.rows.push(row);
		const line = Object.fromEntries(
			['sku', 'product_name', 'category', 'kind', 'quantity', 'unit_price', 'line_total']
				.filter((f) => record[f] !== undefined)
				.map((f) => [f, record[f]]),
		);
		if (Object.keys(line).length) order.lines.push({ quantity: 1, ...line });
		orders.set(String(id), order);
	}
	const events: MappedEvents['events'] = [];
	for (const [externalId, { rows, record, lines }] of orders) {
		const customer =
			record.customer_external_id !== undefined
				? { external_id: record.customer_external_id }
				: record.customer_email !== undefined
					? { email: record.customer_email }
					: record.customer_phone !== undefined
						? { phone: record.customer_phone }
						: undefined;
		const lineTotal = (line: Record<string, unknown>) =>
			(line.line_total as number | undefined) ?? Number(line.quantity ?? 1) * Number(line.unit_price ?? 0);
		const total =
			(record.total as number | undefined) ??
			Math.round(lines.reduce((sum, line) => sum + lineTotal(line), 0) * 100) / 100;
		const data: Record<string, unknown> = {
			external_id: externalId,
			customer,
			ordered_at: record.ordered_at,
			total,
			status: record.status ?? 'paid',
			lines,
		};
		for (const field of ['channel', 'currency']) if (record[field] !== undefined) data[field] = record[field];
		events.push({
			rows,
			event: {
				type: 'order.placed',
				idempotency_key: `import:${fileKey}:order:${encodeURIComponent(externalId)}`.slice(0, 200),
				data,
			},
		});
	}
	return { events, issues };
}
