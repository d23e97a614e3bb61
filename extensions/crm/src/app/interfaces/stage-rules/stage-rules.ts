// crm_settings.stage_rules as a form: one row per stage (automatic by rule, set by staff, or not used), each rule
// edited with the segment builder. Pure: reads what is stored (empty = the built-in rules) and writes the list back.
import { isAll, isAny, isNot, type Issue, type Rule } from '../../../domain/segments/rule-types';
import { parseStageRules } from '../../../domain/stages/validate';
import { defaultStageRules } from '../../../domain/stages/defaults';
import { STAGES, FALLBACK_STAGE, type StageRule } from '../../../domain/stages/types';

export type AssignableStage = StageRule['stage'];
export type StageMode = 'rule' | 'manual' | 'off';

/** The stages a rule can give, lowest first (as staff read them); prospect is what no rule matches. */
export const ASSIGNABLE_STAGES = STAGES.filter((stage) => stage !== FALLBACK_STAGE) as AssignableStage[];

export interface StageRow {
	stage: AssignableStage;
	mode: StageMode;
	/** Always a group, as the builder edits it ({ all: [] } when off or manual). */
	rule: Rule;
	label?: string;
}

export interface EditorState {
	rows: StageRow[];
	/** True while nothing is stored and the built-in rules apply. */
	defaults: boolean;
	/** What is wrong with the stored value (the form then starts from the built-in rules). */
	issues: Issue[];
}

const asGroup = (rule: Rule | null | undefined): Rule => {
	if (!rule) return { all: [] };
	return isAll(rule) || isAny(rule) || isNot(rule) ? rule : { all: [rule] };
};

function rowsOf(rules: StageRule[]): StageRow[] {
	return ASSIGNABLE_STAGES.map((stage): StageRow => {
		const entry = rules.find((rule) => rule.stage === stage);
		if (!entry) return { stage, mode: 'off', rule: { all: [] } };
		if (entry.manual) return { stage, mode: 'manual', rule: { all: [] } };
		return { stage, mode: 'rule', rule: asGroup(entry.rule), ...(entry.label ? { label: entry.label } : {}) };
	});
}

/** The stored value (JSON text, a list, or empty) → one row per stage. */
export function readStageRules(stored: unknown): EditorState {
	const parsed = parseStageRules(stored);
	if ('issues' in parsed) return { rows: rowsOf(defaultStageRules()), defaults: true, issues: parsed.issues };
	return { rows: rowsOf(parsed.rules), defaults: parsed.defaults, issues: [] };
}

/** Whether a group has at least one condition (an empty rule would match every customer). */
export const hasConditions = (rule: Rule): boolean =>
	isAll(rule) ? rule.all.length > 0 : isAny(rule) ? rule.any.length > 0 : true;

/** A row's rule changed in the builder: its label described the old rule, so it goes (the summary names it). */
export function withRule(rows: StageRow[], stage: AssignableStage, rule: Rule | null): StageRow[] {
	return rows.map((row) => (row.stage === stage ? { stage, mode: 'rule', rule: asGroup(rule) } : row));
}

export function withMode(rows: StageRow[], stage: AssignableStage, mode: StageMode): StageRow[] {
	return rows.map((row) => (row.stage === stage ? { ...row, mode } : row));
}

/** Rows → the list stored in stage_rules, highest stage first; a rule without conditions counts as not used. */
export function toStored(rows: StageRow[]): StageRule[] {
	return [...rows].reverse().flatMap((row): StageRule[] => {
		if (row.mode === 'manual') return [{ stage: row.stage, rule: null, manual: true }];
		if (row.mode === 'off' || !hasConditions(row.rule)) return [];
		return [{ stage: row.stage, rule: row.rule, ...(row.label ? { label: row.label } : {}) }];
	});
}
