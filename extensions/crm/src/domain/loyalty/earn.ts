// Which points an order (or a bonus event) earns under the configured rules. Pure: the caller books the awards.
//
// Semantics:
// - Only product lines with a positive total earn; discount, reward and shipping lines never do.
// - A rule applies when its dates (startsAt ≤ orderedAt < endsAt), weekday (in ctx.timeZone), channel and tier
//   filters match (null = any); its categories/products filters pick the lines it counts.
// - Spend rule: each counted line earns lineTotal × points / perAmount, raised by the multiplier rules that match
//   that line (each additive multiplier adds factor − 1 to a base of 1; among best_of multipliers only the largest
//   factor counts, added the same way), then × ctx.tierMultiplier. A formula instead runs once over the counted
//   lines (amount, quantity, lines); its result is shared over the lines by amount so multipliers still apply per
//   line. The rule's order total is floored once (not per line, so small lines add up) and never goes below 0.
// - Caps, in this order: capPerOrder, capPerDay − earned today, capPerCustomer − earned ever (never below 0).
// - Stacking: every additive rule applies; of the best_of rules only the one awarding most points after caps does
//   (ties: lower priority, then lower id). Multiplier rules award nothing themselves. Bonus rules: bonusAwards.
// - Awards of 0 points are dropped; the rest are sorted by priority, then id.
import { formatMoney, formatPoints, multiplierDetail, tierDetail } from './award-detail';
import { compileFormula } from './formula';
import { floorClean } from './numbers';
import { compareByPriority } from './ordering';
import { isEarningLine, ruleAppliesAt, ruleCountsLine } from './rule-filters';
import type { Award, BonusEvent, EarningContext, EarningRule, OrderForEarning, OrderLineFacts } from './types';

interface Candidate {
	rule: EarningRule;
	points: number;
	detail: string;
}

interface BoostedLine {
	line: OrderLineFacts;
	factor: number;
	multipliers: EarningRule[];
}

export function earnForOrder(rules: EarningRule[], order: OrderForEarning, ctx: EarningContext): Award[] {
	const active = rules.filter((rule) => ruleAppliesAt(rule, order.orderedAt, order.channel, ctx));
	const multipliers = active.filter((rule) => rule.kind === 'multiplier');
	const lines = order.lines.filter(isEarningLine).map((line) => boostLine(line, multipliers));
	const candidates = active
		.filter((rule) => rule.kind === 'spend')
		.map((rule) =>
			spendCandidate(
				rule,
				lines.filter((boosted) => ruleCountsLine(rule, boosted.line)),
				ctx,
			),
		)
		.filter((candidate): candidate is Candidate => candidate !== null)
		.map((candidate) => applyCaps(candidate, ctx));
	return stack(candidates);
}

/**
 * Bonus rules for `event` active at `at` (dates, weekday, tier; channel only when the trigger has one). A bonus is
 * fixed: the tier multiplier does not apply, and product/category filters are not consulted (there are no lines).
 */
export function bonusAwards(
	rules: EarningRule[],
	event: BonusEvent,
	at: Date,
	ctx: EarningContext,
	channel?: string | null,
): Award[] {
	const candidates = rules
		.filter((rule) => rule.kind === 'bonus' && rule.event === event && ruleAppliesAt(rule, at, channel, ctx))
		.map((rule) =>
			applyCaps(
				{ rule, points: Math.max(0, floorClean(rule.points)), detail: `${event.replace(/_/g, ' ')} bonus` },
				ctx,
			),
		);
	return stack(candidates);
}

/** The line's total multiplier: 1 + Σ(additive factor − 1) + (largest best_of factor − 1), never below 0. */
function boostLine(line: OrderLineFacts, multipliers: EarningRule[]): BoostedLine {
	const matching = multipliers.filter(
		(rule) => ruleCountsLine(rule, line) && rule.factor !== null && Number.isFinite(rule.factor),
	);
	const applied = matching.filter((rule) => rule.stacking === 'additive');
	const best = matching
		.filter((rule) => rule.stacking === 'best_of')
		.sort((a, b) => b.factor! - a.factor! || compareByPriority(a, b))[0];
	if (best) applied.push(best);
	const factor = 1 + applied.reduce((sum, rule) => sum + rule.factor! - 1, 0);
	return { line, factor: Math.max(0, factor), multipliers: applied };
}

function spendCandidate(rule: EarningRule, lines: BoostedLine[], ctx: EarningContext): Candidate | null {
	if (!lines.length) return null; // a formula such as "10" must not pay out on an order with nothing it counts
	const amount = lines.reduce((sum, boosted) => sum + boosted.line.lineTotal, 0);
	const boostedAmount = lines.reduce((sum, boosted) => sum + boosted.line.lineTotal * boosted.factor, 0);
	const tier = Number.isFinite(ctx.tierMultiplier) && ctx.tierMultiplier >= 0 ? ctx.tierMultiplier : 1;
	let base: number;
	let basis: string;
	if (rule.formula) {
		const compiled = compileFormula(rule.formula);
		if (!compiled.ok) return null; // validateEarningRule reports it; earning skips the rule rather than failing
		const quantity = lines.reduce(
			(sum, boosted) => sum + (Number.isFinite(boosted.line.quantity) ? boosted.line.quantity : 0),
			0,
		);
		const result = compiled.evaluate({ amount, quantity, lines: lines.length });
		base = (result * boostedAmount) / amount; // the formula's points, shared by amount, each share × its line's factor
		basis = `formula = ${formatPoints(Number(result.toFixed(4)))} on ${formatMoney(amount, ctx.currency)}`;
	} else {
		if (!rule.perAmount || rule.perAmount <= 0 || !(rule.points > 0)) return null;
		base = (boostedAmount * rule.points) / rule.perAmount;
		basis = `${formatMoney(amount, ctx.currency)} × ${formatPoints(rule.points)} / ${formatMoney(rule.perAmount, ctx.currency)}`;
	}
	const names = [
		...new Map(lines.flatMap((boosted) => boosted.multipliers).map((m) => [String(m.id), m.name])).values(),
	];
	const factors = lines.map((boosted) => ({ amount: boosted.line.lineTotal, factor: boosted.factor }));
	const detail = basis + multiplierDetail(factors, names, ctx.currency) + tierDetail(tier);
	return { rule, points: Math.max(0, floorClean(base * tier)), detail };
}

function applyCaps(candidate: Candidate, ctx: EarningContext): Candidate {
	const { rule } = candidate;
	const key = String(rule.id);
	const limits: [number | null, (cap: number) => string, number][] = [
		[rule.capPerOrder, (cap) => `capped at ${cap} per order`, 0],
		[rule.capPerDay, (cap) => `capped by the daily limit of ${cap}`, ctx.earnedTodayByRule[key] ?? 0],
		[rule.capPerCustomer, (cap) => `capped by the per-customer limit of ${cap}`, ctx.earnedTotalByRule[key] ?? 0],
	];
	let { points } = candidate;
	let note = '';
	for (const [cap, describe, used] of limits) {
		if (cap === null) continue;
		const room = Math.max(0, cap - (Number.isFinite(used) ? used : 0));
		if (points > room) {
			points = room;
			note = `, ${describe(cap)}`;
		}
	}
	return { rule, points, detail: candidate.detail + note };
}

/** Every additive candidate, plus the single best best_of candidate; zero awards dropped, sorted by priority, id. */
function stack(candidates: Candidate[]): Award[] {
	const winners = candidates.filter((candidate) => candidate.rule.stacking !== 'best_of');
	const best = candidates
		.filter((candidate) => candidate.rule.stacking === 'best_of' && candidate.points > 0)
		.sort((a, b) => b.points - a.points || compareByPriority(a.rule, b.rule))[0];
	if (best) winners.push(best);
	return winners
		.filter((candidate) => candidate.points > 0)
		.sort((a, b) => compareByPriority(a.rule, b.rule))
		.map(({ rule, points, detail }) => ({ ruleId: rule.id, points, detail }));
}
