// Do an order's lines add up to its total? Points are earned on product lines, so lines far above the amount paid
// (`total: 0` with a 1e18 line, #15 finding 6) must never be stored. Pure: used by the events API and by the items
// API filter on crm_orders / crm_order_lines.
//
// The rule (README, "Input bounds"): with at least one line,
//   Σ product + Σ shipping − Σ |discount| − Σ |reward|  (− discount_total when there are no discount/reward lines)
// must equal `total` within max(1.00, 1 % of total). A discount line may carry its amount as a positive number (the
// events API, whose amounts are ≥ 0) or as a negative one (the admin and the demo data): its size is what counts.
// The tolerance absorbs rounding of per-line discounts and small fees shops do not send as lines.

/** The largest amount the schema stores (decimal 14,2). */
export const MAX_ORDER_AMOUNT = 999_999_999_999.99;
export const TOTAL_TOLERANCE = { absolute: 1, relative: 0.01 } as const;

export interface LineAmount {
	kind?: unknown;
	line_total?: unknown;
	unit_price?: unknown;
	quantity?: unknown;
}

export interface OrderAmounts {
	total: number;
	discount_total?: number | null;
	lines: LineAmount[];
}

/** Σ of the lines as the order's total should be; null when a line amount is not a finite number. */
export function linesNet(lines: LineAmount[], discountTotal?: number | null): number | null {
	let net = 0;
	let hasDiscountLines = false;
	for (const line of lines) {
		const amount = lineAmount(line);
		if (amount === null) return null;
		const kind = typeof line.kind === 'string' ? line.kind : 'product';
		if (kind === 'discount' || kind === 'reward') {
			hasDiscountLines = true;
			net -= Math.abs(amount);
		} else net += amount;
	}
	if (!hasDiscountLines && typeof discountTotal === 'number' && Number.isFinite(discountTotal))
		net -= Math.abs(discountTotal);
	return Math.round(net * 100) / 100;
}

/** A line's amount: line_total, else unit_price × quantity (as the events API and the schema default it). */
function lineAmount(line: LineAmount): number | null {
	const total = toNumber(line.line_total);
	if (total !== undefined) return total;
	const price = toNumber(line.unit_price) ?? 0;
	const quantity = toNumber(line.quantity) ?? 1;
	if (price === null || quantity === null) return null;
	return price * quantity;
}

/** undefined when absent, null when not a finite number (decimals arrive as strings from the database). */
function toNumber(value: unknown): number | null | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const number = typeof value === 'string' ? Number(value) : value;
	return typeof number === 'number' && Number.isFinite(number) ? number : null;
}

/** The message when the lines do not add up to the total, or null when they do (or there are no lines). */
export function orderTotalMismatch(order: OrderAmounts): string | null {
	if (order.lines.length === 0) return null;
	const net = linesNet(order.lines, order.discount_total);
	if (net === null) return 'a line amount is not a number';
	if (Math.abs(net) > MAX_ORDER_AMOUNT) return `the lines add up to more than ${MAX_ORDER_AMOUNT}`;
	const tolerance = Math.max(TOTAL_TOLERANCE.absolute, Math.abs(order.total) * TOTAL_TOLERANCE.relative);
	if (Math.abs(net - order.total) <= tolerance) return null;
	return `does not match the lines: they add up to ${net} (products + shipping − discounts), the total is ${order.total}; at most ${Math.round(tolerance * 100) / 100} apart`;
}

/** A field of an order or line written through the items API that is out of bounds, or null. */
export interface AmountIssue {
	field: string;
	message: string;
}

const MAX_LINE_QUANTITY = 1_000_000;
const AMOUNT_FIELDS = { order: ['total', 'discount_total'], line: ['unit_price', 'line_total'] } as const;

/** Amounts within ±999,999,999,999.99 (total and discount_total ≥ 0), quantities whole and within ±1,000,000. */
export function amountIssues(row: Record<string, unknown>, kind: 'order' | 'line', prefix = ''): AmountIssue[] {
	const issues: AmountIssue[] = [];
	for (const field of AMOUNT_FIELDS[kind]) {
		if (!Object.hasOwn(row, field)) continue;
		const value = toNumber(row[field]);
		if (value === undefined) continue;
		if (value === null || Math.abs(value) > MAX_ORDER_AMOUNT)
			issues.push({ field: prefix + field, message: `must be a number within ±${MAX_ORDER_AMOUNT}` });
		else if (kind === 'order' && value < 0) issues.push({ field: prefix + field, message: 'must not be negative' });
	}
	if (kind === 'line' && Object.hasOwn(row, 'quantity')) {
		const quantity = toNumber(row.quantity);
		if (
			quantity !== undefined &&
			(quantity === null || !Number.isInteger(quantity) || Math.abs(quantity) > MAX_LINE_QUANTITY)
		)
			issues.push({ field: `${prefix}quantity`, message: `must be a whole number within ±${MAX_LINE_QUANTITY}` });
	}
	return issues;
}

/**
 * Lines added or edited one at a time (the admin, REST on crm_order_lines) may stay below the total while the order is
 * being entered, but never above it: `null` when the lines after the write add up to at most total + tolerance.
 */
export function linesAboveTotal(order: OrderAmounts): string | null {
	if (order.lines.length === 0) return null;
	const net = linesNet(order.lines, order.discount_total);
	if (net === null) return 'a line amount is not a number';
	const tolerance = Math.max(TOTAL_TOLERANCE.absolute, Math.abs(order.total) * TOTAL_TOLERANCE.relative);
	if (net <= order.total + tolerance) return null;
	return `the lines add up to ${net} (products + shipping − discounts), more than the order total ${order.total}`;
}
