// Bounds on what staff and REST write directly (#15 findings 6 and 11): crm_settings checked on save (a refused PATCH
// changes nothing), and orders/lines through the items API: amounts and quantities in range, a new order's lines
// adding up to its total, lines edited later never above it (domain/events/order-totals.ts says the rule).
import { InvalidPayloadError } from '@directus/errors';
import type { RegisterFunctions } from '@directus/types';
import type { Knex } from 'knex';
import { ordersOfLines, readOrderAmounts, type StoredLine } from '../../../data/orders/order-amounts';
import {
	amountIssues,
	linesAboveTotal,
	orderTotalMismatch,
	type AmountIssue,
	type LineAmount,
} from '../../../domain/events/order-totals';
import { checkSettings, describeSettingsIssues } from '../../../domain/settings/validate';
import type { CrmContext } from '../../context';

type Row = Record<string, unknown>;
type Key = number | string;
const isRow = (value: unknown): value is Row => typeof value === 'object' && value !== null && !Array.isArray(value);
const toNumber = (value: unknown) => (value === null || value === undefined || value === '' ? 0 : Number(value));

type Issue = AmountIssue & { ko?: string };

function refuse(issues: Issue[]): never {
	throw new InvalidPayloadError({
		reason: issues
			.map(
				(issue) =>
					`${issue.field}: ${issue.message} / ${issue.field}: ${issue.ko ?? '금액·수량이 허용 범위를 벗어났습니다'}`,
			)
			.join('; '),
	});
}

function refuseTotal(message: string): never {
	throw new InvalidPayloadError({
		reason: `total: ${message} / total: 주문 항목의 합계가 결제 금액과 맞지 않습니다`,
	});
}

/** The nested lines of an order payload: `[...]` or Directus's `{ create, update, delete }`. */
function nestedLines(lines: unknown): { create: Row[]; update: Row[]; keep: Key[] | null; remove: Key[] } {
	if (Array.isArray(lines)) {
		const rows = lines.filter(isRow);
		const keys = lines.filter((line): line is Key => typeof line === 'number' || typeof line === 'string');
		return {
			create: rows.filter((row) => row.id === undefined),
			update: rows.filter((row) => row.id !== undefined),
			keep: [...keys, ...rows.flatMap((row) => (row.id === undefined ? [] : [row.id as Key]))],
			remove: [],
		};
	}
	if (isRow(lines)) {
		const list = (value: unknown) => (Array.isArray(value) ? value : []);
		return {
			create: list(lines.create).filter(isRow),
			update: list(lines.update).filter(isRow),
			keep: null,
			remove: list(lines.delete).filter((key): key is Key => typeof key === 'number' || typeof key === 'string'),
		};
	}
	return { create: [], update: [], keep: null, remove: [] };
}

/** A date-time as Directus stores it (ISO text or epoch ms); an object here ended in a 500 (found by fuzzing). */
const isDateTime = (value: unknown) =>
	(typeof value === 'string' && value.length <= 64 && !Number.isNaN(Date.parse(value))) ||
	(typeof value === 'number' && Number.isFinite(value));

function boundOrderPayload(payload: Row): ReturnType<typeof nestedLines> | null {
	const issues: Issue[] = amountIssues(payload, 'order');
	if (Object.hasOwn(payload, 'ordered_at') && payload.ordered_at !== null && !isDateTime(payload.ordered_at))
		issues.push({
			field: 'ordered_at',
			message: 'must be a date-time, e.g. 2026-03-01T10:15:00+09:00',
			ko: '2026-03-01T10:15:00+09:00 같은 날짜·시각이어야 합니다',
		});
	const nested = Object.hasOwn(payload, 'lines') ? nestedLines(payload.lines) : null;
	if (nested)
		[...nested.create, ...nested.update].forEach((line, index) =>
			issues.push(...amountIssues(line, 'line', `lines[${index}].`)),
		);
	if (issues.length) refuse(issues);
	return nested;
}

/** The lines after an update: stored ones kept, updated ones merged, new ones added. */
function linesAfter(stored: StoredLine[], nested: ReturnType<typeof nestedLines>): LineAmount[] {
	const updates = new Map(nested.update.map((row) => [String(row.id), row]));
	const removed = new Set(nested.remove.map(String));
	const kept = nested.keep ? new Set(nested.keep.map(String)) : null;
	return [
		...stored
			.filter((line) => !removed.has(String(line.id)) && (!kept || kept.has(String(line.id))))
			.map((line) => ({ ...line, ...updates.get(String(line.id)) })),
		...nested.create,
	];
}

async function checkStoredOrder(
	knex: Knex,
	orderId: Key,
	change: { order?: Row; lines?: (stored: StoredLine[]) => LineAmount[] },
) {
	const stored = await readOrderAmounts(knex, orderId);
	if (!stored) return;
	const order = { ...stored, ...change.order };
	const problem = linesAboveTotal({
		total: toNumber(order.total),
		discount_total: toNumber(order.discount_total),
		lines: change.lines ? change.lines(stored.lines) : stored.lines,
	});
	if (problem) refuseTotal(problem);
}

/**
 * Transactions of an order created with its lines, already checked as a whole: Directus then creates each nested line
 * in the same transaction, and those lines are not judged one at a time (the first of them alone may exceed the total
 * before the discount line follows).
 */
const checkedWhole = new WeakSet<object>();

export function register({ filter }: RegisterFunctions, _ctx: CrmContext) {
	const settings = (payload: unknown) => {
		if (!isRow(payload)) return payload;
		const issues = checkSettings(payload);
		if (issues.length) throw new InvalidPayloadError({ reason: describeSettingsIssues(issues) });
		return payload;
	};
	filter('crm_settings.items.create', settings);
	filter('crm_settings.items.update', settings);

	filter('crm_orders.items.create', (payload, _meta, { database }) => {
		if (!isRow(payload)) return payload;
		const nested = boundOrderPayload(payload);
		if (nested && nested.create.length) {
			const mismatch = orderTotalMismatch({
				total: toNumber(payload.total),
				discount_total: toNumber(payload.discount_total),
				lines: nested.create,
			});
			if (mismatch) refuseTotal(mismatch);
			checkedWhole.add(database);
		}
		return payload;
	});

	filter('crm_orders.items.update', async (payload, meta, { database }) => {
		if (!isRow(payload)) return payload;
		const nested = boundOrderPayload(payload);
		const touchesAmounts = nested || ['total', 'discount_total'].some((field) => Object.hasOwn(payload, field));
		if (!touchesAmounts) return payload;
		for (const key of (meta.keys ?? []) as Key[])
			await checkStoredOrder(database as Knex, key, {
				order: payload,
				lines: nested ? (stored) => linesAfter(stored, nested) : undefined,
			});
		return payload;
	});

	filter('crm_order_lines.items.create', async (payload, _meta, { database }) => {
		if (!isRow(payload)) return payload;
		const issues = amountIssues(payload, 'line');
		if (issues.length) refuse(issues);
		const order = payload.order;
		if (checkedWhole.has(database)) return payload;
		if (typeof order === 'number' || typeof order === 'string')
			await checkStoredOrder(database as Knex, order, { lines: (stored) => [...stored, payload] });
		return payload;
	});

	filter('crm_order_lines.items.update', async (payload, meta, { database }) => {
		if (!isRow(payload)) return payload;
		const issues = amountIssues(payload, 'line');
		if (issues.length) refuse(issues);
		if (!['kind', 'quantity', 'unit_price', 'line_total', 'order'].some((field) => Object.hasOwn(payload, field)))
			return payload;
		const keys = new Set(((meta.keys ?? []) as Key[]).map(String));
		const moved = payload.order;
		const orders =
			typeof moved === 'number' || typeof moved === 'string'
				? [moved]
				: await ordersOfLines(database as Knex, [...keys]);
		for (const orderId of orders)
			await checkStoredOrder(database as Knex, orderId, {
				lines: (stored) => stored.map((line) => (keys.has(String(line.id)) ? { ...line, ...payload } : line)),
			});
		return payload;
	});
}
