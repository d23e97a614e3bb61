import { describe, expect, it } from 'vitest';
import { decideTier, progressToNext, qualifyingTier, type Tier, type TierDecisionInput } from './tiers';

const tier = (code: string, rank: number, threshold: number, multiplier = 1): Tier => ({
	id: code,
	code,
	name: code.toUpperCase(),
	rank,
	threshold,
	multiplier,
});
const basic = tier('basic', 0, 0);
const silver = tier('silver', 1, 1_000, 1.2);
const gold = tier('gold', 2, 5_000, 1.5);
const vip = tier('vip', 3, 20_000, 2);
const TIERS = [gold, basic, vip, silver]; // deliberately unsorted

const DAY = 86_400_000;
const now = new Date('2026-06-01T00:00:00Z');
const daysFrom = (date: Date, days: number) => new Date(date.getTime() + days * DAY);
const decide = (overrides: Partial<TierDecisionInput>) =>
	decideTier({
		tiers: TIERS,
		currentCode: null,
		reviewAt: null,
		earnedInWindow: 0,
		now,
		reviewPeriodDays: 365,
		graceDays: 30,
		...overrides,
	});

describe('qualifyingTier', () => {
	it('picks the highest rank whose threshold was reached', () => {
		expect(qualifyingTier(TIERS, 0)).toBe(basic);
		expect(qualifyingTier(TIERS, 999)).toBe(basic);
		expect(qualifyingTier(TIERS, 1_000)).toBe(silver);
		expect(qualifyingTier(TIERS, 19_999)).toBe(gold);
		expect(qualifyingTier(TIERS, 1e9)).toBe(vip);
	});

	it('returns null without a base tier below the threshold, or without tiers', () => {
		expect(qualifyingTier([silver, gold], 500)).toBeNull();
		expect(qualifyingTier([], 10_000)).toBeNull();
	});

	it('goes by rank, not by threshold, when they disagree', () => {
		const odd = [tier('a', 5, 100), tier('b', 9, 50)];
		expect(qualifyingTier(odd, 200)?.code).toBe('b');
	});
});

describe('progressToNext', () => {
	it('points at the tier ranked just above, with points needed and the share earned', () => {
		expect(progressToNext(TIERS, silver, 2_000)).toEqual({ next: gold, needed: 3_000, ratio: 0.4 });
		expect(progressToNext(TIERS, basic, 250)).toEqual({ next: silver, needed: 750, ratio: 0.25 });
	});

	it('clamps: nothing needed and ratio 1 once the threshold is passed, ratio 0 for negative earnings', () => {
		expect(progressToNext(TIERS, silver, 9_000)).toEqual({ next: gold, needed: 0, ratio: 1 });
		expect(progressToNext(TIERS, silver, -50)).toEqual({ next: gold, needed: 5_000, ratio: 0 });
	});

	it('starts at the lowest tier without a current one, and ends at the top', () => {
		expect(progressToNext(TIERS, null, 0)).toEqual({ next: basic, needed: 0, ratio: 1 });
		expect(progressToNext([silver, gold], null, 100)).toEqual({ next: silver, needed: 900, ratio: 0.1 });
		expect(progressToNext(TIERS, vip, 50_000)).toEqual({ next: null, needed: 0, ratio: 1 });
	});
});

describe('decideTier', () => {
	it('gives a first tier with a review date', () => {
		expect(decide({ earnedInWindow: 0 })).toEqual({ code: 'basic', reviewAt: daysFrom(now, 365), change: 'upgrade' });
		expect(decide({ tiers: [silver, gold], earnedInWindow: 10 })).toEqual({
			code: null,
			reviewAt: null,
			change: 'none',
		});
	});

	it('upgrades at once, possibly several ranks, and restarts the review period', () => {
		const reviewAt = daysFrom(now, 200);
		expect(decide({ currentCode: 'silver', reviewAt, earnedInWindow: 25_000 })).toEqual({
			code: 'vip',
			reviewAt: daysFrom(now, 365),
			change: 'upgrade',
		});
	});

	it('keeps the tier before the review date even when no longer qualified', () => {
		const reviewAt = daysFrom(now, 10);
		expect(decide({ currentCode: 'gold', reviewAt, earnedInWindow: 0 })).toEqual({
			code: 'gold',
			reviewAt,
			change: 'none',
		});
	});

	it('keeps the tier through the grace period after the review date', () => {
		for (const daysAgo of [0, 1, 29]) {
			const reviewAt = daysFrom(now, -daysAgo);
			expect(decide({ currentCode: 'gold', reviewAt, earnedInWindow: 1_500 })).toEqual({
				code: 'gold',
				reviewAt,
				change: 'none',
			});
		}
	});

	it('downgrades to the qualifying tier once review date + grace has passed', () => {
		const reviewAt = daysFrom(now, -30);
		expect(decide({ currentCode: 'vip', reviewAt, earnedInWindow: 1_500 })).toEqual({
			code: 'silver',
			reviewAt: daysFrom(now, 365),
			change: 'downgrade',
		});
		expect(decide({ currentCode: 'gold', reviewAt, earnedInWindow: 1_500, graceDays: null })).toMatchObject({
			code: 'silver',
			change: 'downgrade',
		});
		expect(decide({ currentCode: 'gold', reviewAt: now, earnedInWindow: 0, graceDays: 0 })).toMatchObject({
			code: 'basic',
			change: 'downgrade',
		});
	});

	it('drops to no tier, and no review date, when no tier qualifies', () => {
		const reviewAt = daysFrom(now, -100);
		expect(decide({ tiers: [silver, gold], currentCode: 'gold', reviewAt, earnedInWindow: 10 })).toEqual({
			code: null,
			reviewAt: null,
			change: 'downgrade',
		});
	});

	it('keeps a still-qualified tier at review time and pushes the review forward', () => {
		const reviewAt = daysFrom(now, -1);
		expect(decide({ currentCode: 'gold', reviewAt, earnedInWindow: 5_000 })).toEqual({
			code: 'gold',
			reviewAt: daysFrom(now, 365),
			change: 'none',
		});
		expect(decide({ currentCode: 'basic', reviewAt, earnedInWindow: 0, reviewPeriodDays: 90 })).toEqual({
			code: 'basic',
			reviewAt: daysFrom(now, 90),
			change: 'none',
		});
	});

	it('gives a review date to a tier that has none (assigned by hand)', () => {
		expect(decide({ currentCode: 'gold', reviewAt: null, earnedInWindow: 0 })).toEqual({
			code: 'gold',
			reviewAt: daysFrom(now, 365),
			change: 'none',
		});
	});

	it('replaces a code that names no tier any more', () => {
		expect(decide({ currentCode: 'platinum', reviewAt: daysFrom(now, 100), earnedInWindow: 6_000 })).toEqual({
			code: 'gold',
			reviewAt: daysFrom(now, 365),
			change: 'upgrade',
		});
		expect(decide({ tiers: [gold], currentCode: 'platinum', reviewAt: daysFrom(now, 100), earnedInWindow: 0 })).toEqual(
			{ code: null, reviewAt: null, change: 'downgrade' },
		);
	});

	it('over a simulated year and a half, never moves down before review + grace and always moves up at once', () => {
		let state: { code: string | null; reviewAt: Date | null } = { code: null, reviewAt: null };
		const earnedByMonth = [
			0, 2_000, 6_000, 6_000, 25_000, 25_000, 3_000, 3_000, 3_000, 3_000, 3_000, 3_000, 3_000, 3_000, 0, 0,
		];
		const rank = (code: string | null) => TIERS.find((t) => t.code === code)?.rank ?? -1;
		const start = new Date('2026-01-01T00:00:00Z');
		const changes: [number, string | null, string][] = [];
		earnedByMonth.forEach((earned, month) => {
			const at = daysFrom(start, month * 30);
			const decision = decideTier({
				tiers: TIERS,
				currentCode: state.code,
				reviewAt: state.reviewAt,
				earnedInWindow: earned,
				now: at,
				reviewPeriodDays: 180,
				graceDays: 30,
			});
			const qualified = qualifyingTier(TIERS, earned)!;
			if (qualified.rank > rank(state.code))
				expect(decision).toMatchObject({ code: qualified.code, change: 'upgrade' });
			if (decision.change === 'downgrade')
				expect(at.getTime()).toBeGreaterThanOrEqual(state.reviewAt!.getTime() + 30 * DAY);
			if (decision.change === 'none') expect(decision.code).toBe(state.code);
			else changes.push([month, decision.code, decision.change]);
			state = decision;
		});
		// vip from day 120 (review day 300, grace to day 330): down to silver on day 330, kept until its review on day 510.
		expect(changes).toEqual([
			[0, 'basic', 'upgrade'],
			[1, 'silver', 'upgrade'],
			[2, 'gold', 'upgrade'],
			[4, 'vip', 'upgrade'],
			[11, 'silver', 'downgrade'],
		]);
		expect(state).toMatchObject({ code: 'silver', reviewAt: daysFrom(start, 330 + 180) });
	});
});
