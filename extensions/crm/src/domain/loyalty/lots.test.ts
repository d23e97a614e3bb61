import { describe, expect, it } from 'vitest';
import {
	allocate,
	applyAllocations,
	consumptionOrder,
	expiredLots,
	expiringSoon,
	expiryFor,
	newLotRemaining,
	type Lot,
} from './lots';
import { seededRandom as mulberry32 } from '../shared/seeded-random';

const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000);
const lot = (id: string | number, remaining: number, expiresDay: number | null, earnedDay = 0): Lot => ({
	id,
	remaining,
	expiresAt: expiresDay === null ? null : day(expiresDay),
	earnedAt: day(earnedDay),
});

describe('allocate', () => {
	it('takes soonest-expiring lots first, never-expiring ones last, partly if needed', () => {
		const lots = [lot('never', 100, null), lot('late', 100, 90), lot('soon', 100, 30)];
		expect(allocate(lots, 150)).toEqual({
			allocations: [
				{ lot: 'soon', points: 100 },
				{ lot: 'late', points: 50 },
			],
			shortfall: 0,
		});
		expect(allocate(lots, 250).allocations.map((a) => a.lot)).toEqual(['soon', 'late', 'never']);
	});

	it('breaks expiry ties by earnedAt, then id (numerically for integer ids)', () => {
		const lots = [lot(10, 5, 30, 1), lot(9, 5, 30, 1), lot(11, 5, 30, 0)];
		expect(allocate(lots, 15).allocations.map((a) => a.lot)).toEqual([11, 9, 10]);
		expect(consumptionOrder([lot('b', 1, null), lot('a', 1, null)]).map((l) => l.id)).toEqual(['a', 'b']);
	});

	it('takes preferred lots (an order being reversed) first, in their own expiry order', () => {
		const lots = [lot(1, 50, 10), lot(2, 50, 90), lot(3, 50, 60), lot(4, 50, null)];
		expect(allocate(lots, 120, [4, '3']).allocations).toEqual([
			{ lot: 3, points: 50 },
			{ lot: 4, points: 50 },
			{ lot: 1, points: 20 },
		]);
	});

	it('skips empty lots and reports what it could not cover', () => {
		const lots = [lot(1, 0, 1), lot(2, 30, 5), lot(3, -4, 2)];
		expect(allocate(lots, 50)).toEqual({ allocations: [{ lot: 2, points: 30 }], shortfall: 20 });
		expect(allocate([], 10)).toEqual({ allocations: [], shortfall: 10 });
	});

	it('allocates nothing for zero, negative or non-finite amounts', () => {
		for (const points of [0, -5, Number.NaN])
			expect(allocate([lot(1, 10, null)], points)).toEqual({ allocations: [], shortfall: 0 });
	});

	it('does not change its input', () => {
		const lots = [lot(2, 10, 5), lot(1, 10, 1)];
		const copy = structuredClone(lots);
		allocate(lots, 15, [2]);
		expect(lots).toEqual(copy);
	});
});

describe('applyAllocations', () => {
	it('subtracts what was taken, summing repeated lots, leaving others untouched', () => {
		const lots = [lot(1, 10, 1), lot('2', 20, 2), lot(3, 30, 3)];
		const after = applyAllocations(lots, [
			{ lot: 1, points: 10 },
			{ lot: 2, points: 5 },
			{ lot: '2', points: 5 },
		]);
		expect(after.map((l) => l.remaining)).toEqual([0, 10, 30]);
		expect(after[2]).toBe(lots[2]);
		expect(lots[0].remaining).toBe(10);
	});
});

describe('newLotRemaining', () => {
	it('repays a negative balance before creating a spendable lot', () => {
		expect(newLotRemaining(100, 50)).toBe(50);
		expect(newLotRemaining(0, 50)).toBe(50);
		expect(newLotRemaining(-30, 50)).toBe(20);
		expect(newLotRemaining(-50, 50)).toBe(0);
		expect(newLotRemaining(-80, 50)).toBe(0);
		expect(newLotRemaining(100, 0)).toBe(0);
		expect(newLotRemaining(100, -10)).toBe(0);
	});
});

describe('expiryFor / expiringSoon / expiredLots', () => {
	it('adds whole days, and null or 0 days means never', () => {
		expect(expiryFor(day(0), 365)?.toISOString()).toBe('2027-01-01T00:00:00.000Z');
		expect(expiryFor(day(3), 1)).toEqual(day(4));
		expect(expiryFor(day(0), null)).toBeNull();
		expect(expiryFor(day(0), 0)).toBeNull();
		expect(expiryFor(day(0), -5)).toBeNull();
	});

	it('lists unspent lots expiring after now and within the horizon, soonest first', () => {
		const lots = [
			lot('past', 10, 5),
			lot('edge', 10, 40),
			lot('soon', 10, 12),
			lot('far', 10, 41),
			lot('never', 10, null),
			lot('spent', 0, 11),
			lot('now', 10, 10),
		];
		expect(expiringSoon(lots, day(10), 30).map((l) => l.id)).toEqual(['soon', 'edge']);
		expect(expiringSoon(lots, day(10), 0)).toEqual([]);
	});

	it('lists unspent lots whose expiry has come, including exactly now', () => {
		const lots = [lot('a', 10, 5), lot('b', 10, 10), lot('c', 10, 11), lot('d', 0, 1), lot('e', 10, null)];
		expect(expiredLots(lots, day(10)).map((l) => l.id)).toEqual(['a', 'b']);
	});
});

describe('lots: ledger invariant on seeded random histories', () => {
	it('keeps Σ remaining = max(balance, 0) and every lot ≥ 0 through earn, redeem, reverse, adjust and expire', () => {
		const random = mulberry32(7);
		const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
		for (let history = 0; history < 200; history++) {
			let lots: Lot[] = [];
			let balance = 0;
			let today = 0;
			let nextId = 1;
			for (let step = 0; step < 60; step++) {
				today += int(0, 20);
				const operation = int(0, 5);
				if (operation <= 1) {
					// earn (or a positive adjustment): debt first, the rest becomes a lot
					const points = int(1, 500);
					const remaining = newLotRemaining(balance, points);
					balance += points;
					if (remaining > 0)
						lots.push({
							id: nextId++,
							remaining,
							earnedAt: day(today),
							expiresAt: expiryFor(day(today), random() < 0.3 ? null : int(1, 120)),
						});
				} else if (operation === 2) {
					// redeem: never more than the balance
					const points = Math.min(Math.max(balance, 0), int(1, 400));
					const { allocations, shortfall } = allocate(lots, points);
					expect(shortfall).toBe(0);
					lots = applyAllocations(lots, allocations);
					balance -= points;
				} else if (operation === 3) {
					// reverse an order or deduct by hand: may exceed the balance and leave a debt
					const points = int(1, 600);
					const prefer = lots.filter(() => random() < 0.2).map((l) => l.id);
					const { allocations, shortfall } = allocate(lots, points, prefer);
					expect(allocations.reduce((sum, a) => sum + a.points, 0) + shortfall).toBe(points);
					lots = applyAllocations(lots, allocations);
					balance -= points;
				} else {
					// expire: each due lot books −remaining
					for (const due of expiredLots(lots, day(today))) {
						balance -= due.remaining;
						lots = applyAllocations(lots, [{ lot: due.id, points: due.remaining }]);
					}
				}
				expect(lots.every((l) => l.remaining >= 0)).toBe(true);
				expect(lots.reduce((sum, l) => sum + l.remaining, 0)).toBe(Math.max(balance, 0));
			}
		}
	});

	it('consumes in order: no skipped lot is still before a consumed one, unless preferred', () => {
		const random = mulberry32(99);
		const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
		for (let i = 0; i < 300; i++) {
			const lots = Array.from({ length: int(1, 8) }, (_, id) =>
				lot(id, int(0, 50), random() < 0.3 ? null : int(1, 20), int(0, 5)),
			);
			const prefer = lots.filter(() => random() < 0.25).map((l) => l.id);
			const { allocations } = allocate(lots, int(0, 200), prefer);
			const ordered = consumptionOrder(
				lots.filter((l) => l.remaining > 0),
				prefer,
			);
			// The allocations are a prefix of the consumption order, all full except possibly the last one.
			expect(allocations.map((a) => a.lot)).toEqual(ordered.slice(0, allocations.length).map((l) => l.id));
			allocations.slice(0, -1).forEach((a, k) => expect(a.points).toBe(ordered[k].remaining));
			// Preferred lots all come before the others.
			const flags = ordered.map((l) => prefer.includes(l.id));
			expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
			// Within each group, expiry never decreases (never-expiring last) and every lot with points is listed once.
			const expiry = (l: Lot) => l.expiresAt?.getTime() ?? Infinity;
			for (let k = 1; k < ordered.length; k++)
				if (flags[k] === flags[k - 1]) expect(expiry(ordered[k])).toBeGreaterThanOrEqual(expiry(ordered[k - 1]));
			expect(ordered.map((l) => l.id).sort()).toEqual(
				lots
					.filter((l) => l.remaining > 0)
					.map((l) => l.id)
					.sort(),
			);
		}
	});
});
