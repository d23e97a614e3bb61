// Merges one customer record into another in one transaction: every row that references the merged customer is
// re-pointed to the survivor, points are combined exactly (ledger rows keep their lots; a debt on one side is repaid
// from the other side's lots, oldest expiry first, as a new earning would repay it), statistics are taken again from
// the combined orders, and the merged record leaves a tombstone in crm_history (kind 'merge') that keeps its
// identifiers resolving to the survivor. Both rows are locked in id order, so two merges of the same pair, or of the
// pair crossed, run one after the other and the second finds the record gone.
import type { Knex } from 'knex';
import { PURCHASE_STATUSES } from '../../domain/customer-stats/order-stats';
import { dedupeKey } from '../../domain/followups';
import { mergedValues, type MergeRequest, type Row } from '../../domain/merge';
import { isPostgres } from '../dialect';
import { toDbTimestamp } from '../timestamps';

/** Every CRM table with a customer reference, re-pointed as it is (the ledger, outbox and memberships need more). */
const PLAIN_REFERENCES = ['crm_orders', 'crm_interactions', 'crm_feedback', 'crm_coupons', 'crm_history'] as const;
export const IDENTIFIERS = ['external_id', 'email', 'phone'] as const;

export class MergeError extends Error {
	constructor(
		readonly code: 'NOT_FOUND' | 'ALREADY_MERGED',
		readonly field: string,
		message: string,
		readonly survivor?: number,
	) {
		super(message);
	}
}

export interface MergeCounts {
	[table: string]: number;
}

export interface MergePreview {
	survivor: Row;
	merged: Row;
	values: Row;
	moves: MergeCounts;
	points: { survivor: number; merged: number; combined: number };
}

export interface MergeResult extends MergePreview {
	outbox: { repointed: number; cancelled: number };
	memberships: { repointed: number; closed: number };
	debtRepaid: number;
}

async function lockBoth(trx: Knex, ids: number[]): Promise<Map<number, Row>> {
	const rows = new Map<number, Row>();
	for (const id of [...ids].sort((x, y) => x - y)) {
		const query = trx('crm_customers').first('*').where('id', id);
		const row = await (isPostgres(trx) ? query.forUpdate() : query);
		if (row) rows.set(id, row);
	}
	return rows;
}

/** The survivor a merged customer's identifier now resolves to (its tombstone), if it was merged. */
export async function survivorOfMerged(knex: Knex, merged: number): Promise<number | null> {
	const row = await knex('crm_history')
		.first('customer')
		.where({ kind: 'merge', from_value: `id:${merged}` });
	return row ? Number(row.customer) : null;
}

/** The survivor for an identifier of a merged record (external_id, email, phone), following merges in a chain. */
export async function survivorOfIdentifier(knex: Knex, key: string, value: unknown): Promise<number | null> {
	if (typeof value !== 'string' && typeof value !== 'number') return null;
	const row = await knex('crm_history')
		.first('customer')
		.where({ kind: 'merge', from_value: `${key}:${value}` })
		.orderBy('id', 'desc');
	return row ? Number(row.customer) : null;
}

async function counts(trx: Knex, customer: number): Promise<MergeCounts> {
	const result: MergeCounts = {};
	for (const table of [...PLAIN_REFERENCES, 'crm_points_ledger', 'crm_outbox', 'crm_segment_members']) {
		const row = await trx(table).count({ n: '*' }).where('customer', customer).first();
		result[table] = Number(row?.n ?? 0);
	}
	const referred = await trx('crm_customers').count({ n: '*' }).where('referred_by', customer).first();
	result.referred_customers = Number(referred?.n ?? 0);
	return result;
}

async function balanceOf(trx: Knex, customer: number): Promise<number> {
	const row = await trx('crm_points_ledger').sum({ s: 'points' }).where('customer', customer).first();
	return Number(row?.s ?? 0);
}

async function readPair(trx: Knex, request: MergeRequest): Promise<{ survivor: Row; merged: Row }> {
	const rows = await lockBoth(trx, [request.survivor, request.merged]);
	for (const [field, id] of [
		['merged', request.merged],
		['survivor', request.survivor],
	] as const) {
		if (rows.has(id)) continue;
		const into = await survivorOfMerged(trx, id);
		if (into !== null)
			throw new MergeError('ALREADY_MERGED', field, `Customer ${id} was already merged into ${into}.`, into);
		throw new MergeError('NOT_FOUND', field, `Customer ${id} not found.`);
	}
	return { survivor: rows.get(request.survivor)!, merged: rows.get(request.merged)! };
}

async function preview(trx: Knex, request: MergeRequest): Promise<MergePreview> {
	const { survivor, merged } = await readPair(trx, request);
	const [survivorPoints, mergedPoints] = [await balanceOf(trx, request.survivor), await balanceOf(trx, request.merged)];
	return {
		survivor,
		merged,
		values: mergedValues(survivor, merged, request.choices),
		moves: await counts(trx, request.merged),
		points: { survivor: survivorPoints, merged: mergedPoints, combined: survivorPoints + mergedPoints },
	};
}

export function previewMerge(knex: Knex, request: MergeRequest): Promise<MergePreview> {
	// A transaction only for a consistent read; nothing is written.
	return knex.transaction((trx) => preview(trx, request));
}

/** Merged's messages: those the survivor already has for the same rule and occurrence are cancelled if not sent. */
async function moveOutbox(trx: Knex, survivor: number, merged: number) {
	const rows: { id: number; dedupe_key: string; status: string; rule: number | null }[] = await trx('crm_outbox')
		.select('id', 'dedupe_key', 'status', 'rule')
		.where('customer', merged);
	const prefix = (rule: unknown) => `rule:${rule}:customer:${merged}:`;
	const rekey = (row: { dedupe_key: string; rule: number | null }) =>
		row.rule != null && row.dedupe_key.startsWith(prefix(row.rule))
			? dedupeKey(row.rule, survivor, row.dedupe_key.slice(prefix(row.rule).length))
			: null;
	const wanted = rows.map(rekey).filter((key): key is string => key !== null);
	const taken = new Set<string>();
	for (let i = 0; i < wanted.length; i += 500)
		for (const row of await trx('crm_outbox')
			.select('dedupe_key')
			.whereIn('dedupe_key', wanted.slice(i, i + 500)))
			taken.add(row.dedupe_key);
	let cancelled = 0;
	for (const row of rows) {
		const key = rekey(row);
		if (key !== null && taken.has(key)) {
			// The survivor has (or had) this very message: the merged copy must not go out a second time.
			if (row.status === 'scheduled' || row.status === 'failed') {
				await trx('crm_outbox').where('id', row.id).update({ status: 'cancelled', last_error: 'merged duplicate' });
				cancelled++;
			}
			continue;
		}
		// Keyed as the survivor's, so planning for the survivor later finds it and plans nothing twice.
		if (key !== null) await trx('crm_outbox').where('id', row.id).update({ dedupe_key: key });
	}
	const repointed = await trx('crm_outbox').where('customer', merged).update({ customer: survivor });
	return { repointed, cancelled };
}

/** Open memberships in a segment the survivor is already in are closed; the rest move with their history. */
async function moveMemberships(trx: Knex, survivor: number, merged: number, now: Date) {
	const survivorOpen = trx('crm_segment_members').select('segment').where('customer', survivor).whereNull('left_at');
	const closed = await trx('crm_segment_members')
		.where('customer', merged)
		.whereNull('left_at')
		.whereIn('segment', survivorOpen)
		.update({ left_at: toDbTimestamp(trx, now) });
	const repointed = await trx('crm_segment_members').where('customer', merged).update({ customer: survivor });
	return { repointed, closed };
}

/** Σ unspent lots must equal max(balance, 0): a combined debt is taken from the lots, oldest expiry first. */
async function repayDebt(trx: Knex, survivor: number): Promise<number> {
	const balance = await balanceOf(trx, survivor);
	const lotsRow = await trx('crm_points_ledger').sum({ s: 'lot_remaining' }).where('customer', survivor).first();
	let excess = Number(lotsRow?.s ?? 0) - Math.max(balance, 0);
	const repaid = Math.max(excess, 0);
	if (excess <= 0) return 0;
	const lots = await trx('crm_points_ledger')
		.select('id', 'lot_remaining')
		.where('customer', survivor)
		.where('lot_remaining', '>', 0)
		.orderByRaw('CASE WHEN ?? IS NULL THEN 1 ELSE 0 END, ??, ??', ['expires_at', 'expires_at', 'id']);
	for (const lot of lots) {
		if (excess <= 0) break;
		const take = Math.min(excess, Number(lot.lot_remaining));
		await trx('crm_points_ledger').where('id', lot.id).decrement('lot_remaining', take);
		excess -= take;
	}
	return repaid;
}

/** Order statistics, last contact, last NPS and points of the survivor, taken again from the combined rows. */
async function refreshCachedColumns(trx: Knex, survivor: number) {
	const purchases = trx('crm_orders')
		.where('customer', survivor)
		.whereIn('status', [...PURCHASE_STATUSES]);
	const stats: { n?: unknown; spent?: unknown; first?: unknown; last?: unknown } | undefined = await purchases
		.clone()
		.count({ n: '*' })
		.sum({ spent: 'total' })
		.min({ first: 'ordered_at' })
		.max({ last: 'ordered_at' })
		.first();
	const contact = await trx('crm_interactions').max({ at: 'occurred_at' }).where('customer', survivor).first();
	const nps = await trx('crm_feedback')
		.first('score')
		.where({ customer: survivor, kind: 'nps' })
		.whereNotNull('score')
		.orderBy([
			{ column: 'answered_at', order: 'desc' },
			{ column: 'id', order: 'desc' },
		]);
	const earned = await trx('crm_points_ledger')
		.sum({ s: 'points' })
		.where('customer', survivor)
		.where((kind) =>
			kind.where('kind', 'earn').orWhere((reverse) => reverse.where('kind', 'reverse').whereNotNull('order')),
		)
		.first();
	await trx('crm_customers')
		.where('id', survivor)
		.update({
			order_count: Number(stats?.n ?? 0),
			total_spent: Number(stats?.spent ?? 0),
			first_order_at: stats?.first ?? null,
			last_order_at: stats?.last ?? null,
			last_interaction_at: contact?.at ?? null,
			last_nps: nps ? Number(nps.score) : null,
			points_balance: await balanceOf(trx, survivor),
			points_earned: Number(earned?.s ?? 0),
		});
}

export async function mergeCustomers(
	knex: Knex,
	request: MergeRequest,
	context: { now: Date; staff: string | null },
): Promise<MergeResult> {
	return knex.transaction(async (trx) => {
		const plan = await preview(trx, request);
		const { survivor, merged } = request;
		for (const table of PLAIN_REFERENCES) await trx(table).where('customer', merged).update({ customer: survivor });
		await trx('crm_points_ledger').where('customer', merged).update({ customer: survivor });
		const outbox = await moveOutbox(trx, survivor, merged);
		const memberships = await moveMemberships(trx, survivor, merged, context.now);
		await trx('crm_customers').where('referred_by', merged).update({ referred_by: survivor });
		const debtRepaid = await repayDebt(trx, survivor);

		// The tombstone: one history row per identifier, so late events and imports still find the person.
		const at = toDbTimestamp(trx, context.now);
		const tombstones = [
			`id:${merged}`,
			...IDENTIFIERS.filter((key) => plan.merged[key] != null && plan.merged[key] !== '').map(
				(key) => `${key}:${plan.merged[key]}`,
			),
		];
		const reason = `merged customer ${merged} into ${survivor}${debtRepaid ? `; ${debtRepaid} points of debt repaid from lots` : ''}`;
		await trx('crm_history').insert(
			tombstones.map((from) => ({
				customer: survivor,
				kind: 'merge',
				from_value: from.slice(0, 255),
				to_value: String(survivor),
				reason,
				changed_at: at,
				staff: context.staff,
			})),
		);
		// The merged record goes (its identifiers are unique and may move to the survivor); nothing references it now.
		await trx('crm_customers').where('id', merged).delete();
		await trx('crm_customers')
			.where('id', survivor)
			.update({ ...plan.values, date_updated: at });
		await refreshCachedColumns(trx, survivor);
		return { ...plan, outbox, memberships, debtRepaid };
	});
}
