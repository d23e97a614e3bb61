// Membership tiers. Tiers are decided from points EARNED in the rolling window, never from the balance: spending
// points on a reward must not cost a customer their tier, and a manual balance adjustment must not buy one.
import { compareIds } from './ordering';

export interface Tier {
	id: string | number;
	code: string;
	name: string;
	/** Higher is better. */
	rank: number;
	/** Points earned within the window to qualify; a threshold-0 tier is the base every customer gets. */
	threshold: number;
	/** Earning multiplier. */
	multiplier: number;
}

export type TierChange = 'upgrade' | 'downgrade' | 'none';

const DAY_MS = 86_400_000;
const byRankDescending = (a: Tier, b: Tier) => b.rank - a.rank || b.threshold - a.threshold || compareIds(a.id, b.id);

/** The highest-ranked tier whose threshold the customer reached, or null when not even the lowest one. */
export function qualifyingTier(tiers: Tier[], earnedInWindow: number): Tier | null {
	return [...tiers].sort(byRankDescending).find((tier) => tier.threshold <= earnedInWindow) ?? null;
}

/**
 * The tier ranked just above `current` (the lowest tier when there is none), the points still needed for it and
 * the share already earned (0..1). At the top: no next tier, nothing needed, ratio 1.
 */
export function progressToNext(
	tiers: Tier[],
	current: Tier | null,
	earnedInWindow: number,
): { next: Tier | null; needed: number; ratio: number } {
	const above = tiers
		.filter((tier) => current === null || tier.rank > current.rank)
		.sort((a, b) => byRankDescending(b, a));
	const next = above[0] ?? null;
	if (!next) return { next: null, needed: 0, ratio: 1 };
	const earned = Math.max(0, earnedInWindow);
	const needed = Math.max(0, next.threshold - earned);
	const ratio = next.threshold <= 0 ? 1 : Math.min(1, earned / next.threshold);
	return { next, needed, ratio };
}

export interface TierDecisionInput {
	tiers: Tier[];
	currentCode: string | null;
	reviewAt: Date | null;
	earnedInWindow: number;
	now: Date;
	reviewPeriodDays: number;
	graceDays: number | null;
}

export interface TierDecision {
	code: string | null;
	reviewAt: Date | null;
	change: TierChange;
}

/**
 * - Upgrades are immediate: the qualifying tier outranks the current one -> take it, next review in reviewPeriodDays.
 * - Downgrades wait: only when now ≥ reviewAt + graceDays does the customer drop, straight to the qualifying tier
 *   (possibly several ranks, or to none); the review then moves to now + reviewPeriodDays (null with no tier).
 * - At review time with the tier still qualified, the tier stays and the review moves to now + reviewPeriodDays.
 * - A tier without a review date (assigned by hand, or migrated) gets one; a code naming no tier is replaced at once.
 */
export function decideTier(input: TierDecisionInput): TierDecision {
	const { tiers, currentCode, reviewAt, now } = input;
	const nextReview = new Date(now.getTime() + input.reviewPeriodDays * DAY_MS);
	const qualifying = qualifyingTier(tiers, input.earnedInWindow);
	const current = currentCode === null ? null : (tiers.find((tier) => tier.code === currentCode) ?? null);

	if (currentCode !== null && current === null) {
		if (qualifying) return { code: qualifying.code, reviewAt: nextReview, change: 'upgrade' };
		return { code: null, reviewAt: null, change: 'downgrade' };
	}
	if (qualifying && (current === null || qualifying.rank > current.rank)) {
		return { code: qualifying.code, reviewAt: nextReview, change: 'upgrade' };
	}
	if (current === null) return { code: null, reviewAt, change: 'none' };
	if (reviewAt === null) return { code: current.code, reviewAt: nextReview, change: 'none' };
	if (now.getTime() < reviewAt.getTime()) return { code: current.code, reviewAt, change: 'none' };

	const stillQualified = qualifying !== null && qualifying.rank >= current.rank;
	if (stillQualified) return { code: current.code, reviewAt: nextReview, change: 'none' };
	const graceEnds = reviewAt.getTime() + Math.max(0, input.graceDays ?? 0) * DAY_MS;
	if (now.getTime() < graceEnds) return { code: current.code, reviewAt, change: 'none' };
	return { code: qualifying?.code ?? null, reviewAt: qualifying ? nextReview : null, change: 'downgrade' };
}
