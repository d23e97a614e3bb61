// Points lots: each positive movement becomes a lot that later redemptions, expiries and reversals consume.
// Invariant kept by the functions below: Σ lot.remaining = max(balance, 0), and no lot ever goes negative.
import { compareIds } from './ordering';

export interface Lot {
	id: string | number;
	remaining: number;
	expiresAt: Date | null;
	earnedAt: Date;
}

export interface Allocation {
	lot: string | number;
	points: number;
}

const DAY_MS = 86_400_000;
const expiryTime = (lot: Lot) => (lot.expiresAt ? lot.expiresAt.getTime() : Number.POSITIVE_INFINITY);

/** Soonest expiry first (never-expiring last), then oldest earned, then id: the customer loses as little as possible. */
export function compareLots(a: Lot, b: Lot): number {
	const ea = expiryTime(a);
	const eb = expiryTime(b);
	if (ea !== eb) return ea < eb ? -1 : 1;
	return a.earnedAt.getTime() - b.earnedAt.getTime() || compareIds(a.id, b.id);
}

/** The order lots are consumed in: lots in `preferIds` first (each group in compareLots order), then the rest. */
export function consumptionOrder(lots: Lot[], preferIds: (string | number)[] = []): Lot[] {
	const preferred = new Set(preferIds.map(String));
	const rank = (lot: Lot) => (preferred.has(String(lot.id)) ? 0 : 1);
	return [...lots].sort((a, b) => rank(a) - rank(b) || compareLots(a, b));
}

/**
 * Takes `points` from lots with remaining > 0 in consumptionOrder (reversing an order passes its own lots as
 * `preferIds`, so it takes back its own points first); lots may be consumed partly. `shortfall` is what the lots
 * could not cover: the balance goes negative by that much, a debt later earnings repay (see newLotRemaining).
 */
export function allocate(
	lots: Lot[],
	points: number,
	preferIds: (string | number)[] = [],
): { allocations: Allocation[]; shortfall: number } {
	const allocations: Allocation[] = [];
	let left = Number.isFinite(points) ? Math.max(0, points) : 0;
	for (const lot of consumptionOrder(
		lots.filter((l) => l.remaining > 0),
		preferIds,
	)) {
		if (left <= 0) break;
		const taken = Math.min(lot.remaining, left);
		allocations.push({ lot: lot.id, points: taken });
		left -= taken;
	}
	return { allocations, shortfall: left };
}

/** The lots after `allocations` were taken from them (new objects; the input is not changed). */
export function applyAllocations(lots: Lot[], allocations: Allocation[]): Lot[] {
	const taken = new Map<string, number>();
	for (const { lot, points } of allocations) taken.set(String(lot), (taken.get(String(lot)) ?? 0) + points);
	return lots.map((lot) =>
		taken.has(String(lot.id)) ? { ...lot, remaining: lot.remaining - taken.get(String(lot.id))! } : lot,
	);
}

/**
 * How much of a new positive movement becomes a spendable lot. With a negative balance (points spent, then the
 * order that earned them reversed) the debt is repaid first: balance −30, earn 50 -> a lot of 20.
 */
export function newLotRemaining(balanceBefore: number, points: number): number {
	return Math.max(0, Math.min(points, balanceBefore + points));
}

/** When points earned at `earnedAt` expire; null or 0 days (or anything not positive) = never. */
export function expiryFor(earnedAt: Date, expiryDays: number | null): Date | null {
	if (expiryDays === null || !Number.isFinite(expiryDays) || expiryDays <= 0) return null;
	return new Date(earnedAt.getTime() + expiryDays * DAY_MS);
}

/** Lots with points left that expire after `now` but within `withinDays`, soonest first (for reminders). */
export function expiringSoon(lots: Lot[], now: Date, withinDays: number): Lot[] {
	const until = now.getTime() + Math.max(0, withinDays) * DAY_MS;
	const soon = (lot: Lot) =>
		lot.expiresAt !== null && lot.expiresAt.getTime() > now.getTime() && lot.expiresAt.getTime() <= until;
	return lots.filter((lot) => lot.remaining > 0 && soon(lot)).sort(compareLots);
}

/** Lots with points left whose expiry is at or before `now`: the expiry job books an 'expire' movement for each. */
export function expiredLots(lots: Lot[], now: Date): Lot[] {
	return lots
		.filter((lot) => lot.remaining > 0 && lot.expiresAt !== null && lot.expiresAt.getTime() <= now.getTime())
		.sort(compareLots);
}
