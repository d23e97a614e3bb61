// How stage rules are applied: tried highest stage first, the first match wins, no match means prospect.
// Pure; data/stages runs each rule as SQL (one query per rule for one customer, or one CASE for everyone).
import { summarizeRule } from '../segments/summary';
import type { Rule } from '../segments/rule-types';
import { forEachCondition, tablesRead } from '../segments/validate-rule';
import { stageConditionSpecs } from './conditions';
import {
	FALLBACK_STAGE,
	stageRank,
	type AutomaticStageRule,
	type Stage,
	type StageRule,
	type StageTrigger,
} from './types';

/** The automatic rules, highest stage first (manual stages are never assigned by rules). */
export function evaluationOrder(rules: StageRule[]): AutomaticStageRule[] {
	return rules
		.filter((entry): entry is AutomaticStageRule => !entry.manual && entry.rule !== null)
		.sort((a, b) => stageRank(b.stage) - stageRank(a.stage));
}

/** The stage given which automatic rules match (synchronous form of what data/stages does with SQL). */
export function pickStage(
	rules: StageRule[],
	matches: (rule: Rule) => boolean,
): { stage: Stage; rule: AutomaticStageRule | null } {
	const hit = evaluationOrder(rules).find((entry) => matches(entry.rule));
	return hit ? { stage: hit.stage, rule: hit } : { stage: FALLBACK_STAGE, rule: null };
}

/** The rule's label, or its plain-language summary; "no stage rule matches" for prospect. */
export function ruleLabel(entry: StageRule | null): string {
	if (!entry) return 'no stage rule matches';
	if (entry.label) return entry.label;
	if (!entry.rule) return 'manual';
	return summarizeRule(entry.rule, 'en-US').replace(/^customers who /, '');
}

/** The history reason for a move to `entry`'s stage, e.g. "rule: ≥ 3 orders in 180 days", "nightly: ≥ 1 paid order". */
export function stageReason(trigger: StageTrigger, entry: StageRule | null): string {
	return `${trigger}: ${ruleLabel(entry)}`;
}

/** The rule (or null for prospect) that assigns `stage`. */
export function ruleFor(rules: StageRule[], stage: string): AutomaticStageRule | null {
	return evaluationOrder(rules).find((entry) => entry.stage === stage) ?? null;
}

/** Tables whose changes can move a customer between stages. */
export function stageTablesRead(rules: StageRule[]): Set<string> {
	const tables = new Set<string>();
	for (const entry of evaluationOrder(rules))
		tablesRead(entry.rule, stageConditionSpecs).forEach((table) => tables.add(table));
	return tables;
}

/** Customer columns the rules test (a customer update touching one of them is worth a re-evaluation). */
export function customerFieldsRead(rules: StageRule[]): Set<string> {
	const fields = new Set<string>();
	for (const entry of evaluationOrder(rules))
		forEachCondition(entry.rule, (cond) => cond.type === 'field' && fields.add(String(cond.field)));
	return fields;
}

/** Whether any rule counts referrals (then a referred customer's purchase can move the referrer). */
export function countsReferrals(rules: StageRule[]): boolean {
	let found = false;
	for (const entry of evaluationOrder(rules))
		forEachCondition(entry.rule, (cond) => (found ||= cond.type === 'referrals'));
	return found;
}
