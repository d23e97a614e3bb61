// Relationship stages as data: which stages exist, their order, and the shape of one stage rule. Pure.
import type { Rule } from '../segments/rule-types';

/** Lowest to highest; a customer holds exactly one. */
export const STAGES = ['prospect', 'customer', 'regular', 'advocate', 'partner'] as const;
export type Stage = (typeof STAGES)[number];

/** The stage of customers no rule matches; it takes no rule of its own. */
export const FALLBACK_STAGE: Stage = 'prospect';

/**
 * When a customer reaches `stage`: `rule` is a segment rule (the one rule language), or null with `manual: true`
 * for stages only staff assign (partner by default). `label` names the rule in history reasons.
 */
export interface StageRule {
	stage: Exclude<Stage, 'prospect'>;
	rule: Rule | null;
	manual?: true;
	label?: string;
}

/** A stage rule that the CRM evaluates (not manual). */
export type AutomaticStageRule = StageRule & { rule: Rule };

export const isStage = (value: unknown): value is Stage =>
	typeof value === 'string' && (STAGES as readonly string[]).includes(value);

/** 0 for prospect … 4 for partner; -1 for anything else. */
export const stageRank = (stage: unknown): number => (STAGES as readonly unknown[]).indexOf(stage);

/** What caused an evaluation; it opens the history reason ("rule: ≥ 1 paid order", "nightly: …"). */
export type StageTrigger = 'rule' | 'nightly' | 'refresh' | 'rules changed';
