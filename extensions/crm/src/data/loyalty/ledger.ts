// The points ledger: every movement is one immutable row keyed by its cause. Positive movements are lots (with a
// spendable remainder and an expiry); negative ones consume lots oldest-expiring first and record which.
// Every function here runs inside the caller's transaction and takes the customer's row lock first, so concurrent
// movements for one customer (two replicas, 100 parallel orders) serialise and the balance stays exact.
import type { Knex } from 'knex';
import { allocate, newLotRemaining, type Lot } from '../../domain/loyalty';
import { parseTimestamp } from '../../domain/customer-stats/order-stats';
import { toDbTimestamp } from '../timestamps';
import { LoyaltyError } from './errors';
import { isPostgres } from '../dialect';

export type MovementKind = 'earn' | 'redeem' | 'expire' | 'adjust' | 'reverse';

export interface Movement {
	customer: number;
	kind: MovementKind;
	points: number;
	sourceKey: string;
	occurredAt: Date;
	expiresAt?: Date | null;
	order?: number | null;
	rule?: number | string | null;
	coupon?: number | null;
	reason?: string | null;
	staff?: string | null;
	/** Negative movements: lots to consume first (an order's own lots when its points are reversed). */
	preferLots?: (number | string)[];
	/** Negative movements: how a shortfall is handled. 'reject' (redeem), 'clip' (take what is left), 'negative'. */
	shortfall?: 'reject' | 'clip' | 'negative';
	/** Positive movements that give consumed points back to the lots they came from (a voided coupon). */
	restoreAllocations?: { lot: number | string; points: number }[];
}

export interface PostedMovement {
	id: number;
	points: number;
	duplicate: boolean;
}

const lockedRow = async (trx: Knex, id: number | Knex.QueryBuilder): Promise<Record<string, unknown> | undefined> => {
	const query = trx('crm_customers')
		.first(
			'id',
			'points_balance',
			'points_earned',
			'tier',
			'tier_review_at',
			'birthday',
			'order_count',
			'first_order_at',
		)
		.where('id', id);
	// NO KEY UPDATE serialises every writer of the customer's row as FOR UPDATE did, without also holding off rows
	// that merely reference it (an order or membership insert's foreign-key check) until this transaction ends.
	const row = await (isPostgres(trx) ? query.forNoKeyUpdate() : query);
	if (!row) return row;
	// The balance comes from the ledger itself, never from the cached points_balance column: a cache that went wrong
	// must not decide how much of a new lot repays a "debt". Summed in its own statement once the lock is held, so on
	// PostgreSQL (read committed) it sees every movement committed by the writer the lock waited for.
	const [sum] = await trx('crm_points_ledger').sum({ s: 'points' }).where('customer', row.id);
	return { ...row, ledger_balance: sum?.s ?? 0 };
};

/** Locks the customer's row for the rest of the transaction and returns its balance (the ledger's sum). */
export async function lockCustomer(
	trx: Knex,
	customer: number,
): Promise<{ balance: number; row: Record<string, unknown> }> {
	const row = await lockedRow(trx, customer);
	if (!row) throw new LoyaltyError('UNKNOWN_CUSTOMER', 404, `Customer ${customer} not found.`, 'customer');
	return { balance: ledgerBalance(row), row };
}

const ledgerBalance = (row: Record<string, unknown>) => Number(row.ledger_balance ?? 0);

/** lockCustomer for an order's customer in one statement; null when the order (or its customer) is not found. */
export async function lockOrderCustomer(
	trx: Knex,
	orderId: number,
): Promise<{ balance: number; row: Record<string, unknown> } | null> {
	const row = await lockedRow(trx, trx('crm_orders').select('customer').where('id', orderId));
	return row ? { balance: ledgerBalance(row), row } : null;
}

export async function spendableLots(trx: Knex, customer: number): Promise<Lot[]> {
	const rows = await trx('crm_points_ledger')
		.select('id', 'lot_remaining', 'expires_at', 'occurred_at')
		.where('customer', customer)
		.where('lot_remaining', '>', 0);
	return rows.map((row) => ({
		id: row.id,
		remaining: Number(row.lot_remaining),
		expiresAt: parseTimestamp(row.expires_at),
		earnedAt: parseTimestamp(row.occurred_at) ?? new Date(0),
	}));
}

/** Appends one movement (once per source key) and keeps lots and the cached balance in step. Call with the lock held. */
export async function postMovement(
	trx: Knex,
	balance: number,
	movement: Movement,
): Promise<PostedMovement & { balance: number }> {
	// A plain new lot has no side effect before its insert, so its duplicate check is the unique key itself (one query
	// fewer per earned award); movements that touch other lots first check the key up front.
	const plainLot = movement.points > 0 && !movement.restoreAllocations?.length;
	if (!plainLot) {
		const existing = await trx('crm_points_ledger').first('id', 'points').where('source_key', movement.sourceKey);
		if (existing) return { id: existing.id, points: Number(existing.points), duplicate: true, balance };
	}
	if (!Number.isInteger(movement.points) || movement.points === 0)
		throw new LoyaltyError('INVALID_POINTS', 400, 'Points must be a non-zero whole number.', 'points');

	let points = movement.points;
	let lotRemaining: number | null = null;
	let allocations: { lot: number | string; points: number }[] | null = null;
	if (points > 0) {
		const spendable = newLotRemaining(balance, points);
		if (movement.restoreAllocations?.length) {
			await restoreLots(trx, movement.restoreAllocations, spendable);
			allocations = movement.restoreAllocations;
		} else lotRemaining = spendable;
	} else {
		const plan = allocate(await spendableLots(trx, movement.customer), -points, movement.preferLots);
		if (plan.shortfall > 0 && movement.shortfall !== 'negative') {
			if (movement.shortfall === 'reject' || !movement.shortfall) {
				throw new LoyaltyError(
					'INSUFFICIENT_POINTS',
					409,
					`Not enough points: ${balance} available, ${-points} needed.`,
					'points',
				);
			}
			points = points + plan.shortfall;
		}
		for (const { lot, points: used } of plan.allocations) {
			const changed = await trx('crm_points_ledger')
				.where('id', lot)
				.where('lot_remaining', '>=', used)
				.decrement('lot_remaining', used);
			if (changed !== 1) throw new Error(`crm: points lot ${lot} changed under a held customer lock`);
		}
		allocations = plan.allocations;
		if (points === 0) return { id: 0, points: 0, duplicate: false, balance };
	}

	const [inserted] = await trx('crm_points_ledger')
		.insert({
			customer: movement.customer,
			kind: movement.kind,
			points,
			occurred_at: toDbTimestamp(trx, movement.occurredAt),
			expires_at: movement.expiresAt ? toDbTimestamp(trx, movement.expiresAt) : null,
			lot_remaining: lotRemaining,
			allocations: allocations ? JSON.stringify(allocations) : null,
			order: movement.order ?? null,
			rule: movement.rule ?? null,
			coupon: movement.coupon ?? null,
			reason: movement.reason ?? null,
			staff: movement.staff ?? null,
			source_key: movement.sourceKey,
		})
		.onConflict('source_key')
		.ignore()
		.returning('id');
	if (inserted === undefined) {
		const existing = await trx('crm_points_ledger').first('id', 'points').where('source_key', movement.sourceKey);
		return { id: existing?.id ?? 0, points: Number(existing?.points ?? 0), duplicate: true, balance };
	}
	const earnedDelta = movement.kind === 'earn' || (movement.kind === 'reverse' && movement.order) ? points : 0;
	await trx('crm_customers')
		.where('id', movement.customer)
		// The cache is set from the ledger's balance (healing a cache that drifted), not incremented.
		.update({ points_balance: balance + points, points_earned: trx.raw('?? + ?', ['points_earned', earnedDelta]) });
	return {
		id: typeof inserted === 'object' ? inserted.id : inserted,
		points,
		duplicate: false,
		balance: balance + points,
	};
}

/** Gives restored points back to the lots they were taken from, up to `spendable` (debt is repaid first). */
async function restoreLots(trx: Knex, allocations: { lot: number | string; points: number }[], spendable: number) {
	let left = spendable;
	for (const { lot, points } of allocations) {
		if (left <= 0) break;
		const give = Math.min(points, left);
		await trx('crm_points_ledger').where('id', lot).increment('lot_remaining', give);
		left -= give;
	}
}
