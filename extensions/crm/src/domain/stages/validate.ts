// Reads and checks crm_settings.stage_rules: an empty value means the built-in rules; anything else must be a list
// of { stage, rule, label? } or { stage, manual: true }, each rule checked by the segment validator, every problem
// reported with its path (e.g. `[1].rule.all[0].value`).
import { childPath, isObject, type Condition, type Issue, type Rule } from '../segments/rule-types';
import { forEachCondition, validateRule } from '../segments/validate-rule';
import { unknownKeys } from '../segments/value-checks';
import { defaultStageRules } from './defaults';
import { stageConditionSpecs } from './conditions';
import { FALLBACK_STAGE, isStage, STAGES, type StageRule } from './types';

export type ParsedStageRules = { rules: StageRule[]; defaults: boolean } | { issues: Issue[] };

const MAX_LABEL = 200;
const MAX_ENTRIES = 20;
const ASSIGNABLE = STAGES.filter((stage) => stage !== FALLBACK_STAGE);

/** `[1].rule` under `stage_rules` → `stage_rules[1].rule`; the root → `stage_rules`. */
export function settingPath(path: string, field = 'stage_rules'): string {
	if (!path) return field;
	return path.startsWith('[') ? `${field}${path}` : `${field}.${path}`;
}

export function parseStageRules(value: unknown): ParsedStageRules {
	let data = value;
	if (typeof data === 'string') {
		if (data.trim() === '') return { rules: defaultStageRules(), defaults: true };
		try {
			data = JSON.parse(data);
		} catch {
			return { issues: [{ path: '', message: 'is not valid JSON' }] };
		}
	}
	if (data === null || data === undefined || (Array.isArray(data) && data.length === 0))
		return { rules: defaultStageRules(), defaults: true };
	if (!Array.isArray(data))
		return {
			issues: [
				{
					path: '',
					message: 'must be a list of stage rules (or empty for the built-in rules)',
					expected: '[{ "stage": "customer", "rule": { … } }, …]',
				},
			],
		};
	if (data.length > MAX_ENTRIES)
		return {
			issues: [
				{
					path: '',
					message: `holds at most ${MAX_ENTRIES} entries (one rule per stage), got ${data.length}`,
					expected: `at most ${MAX_ENTRIES} stage rules`,
				},
			],
		};
	const issues: Issue[] = [];
	const seen = new Map<string, number>();
	data.forEach((entry, index) => issues.push(...checkEntry(entry, `[${index}]`, index, seen)));
	return issues.length ? { issues } : { rules: data as StageRule[], defaults: false };
}

function checkEntry(entry: unknown, path: string, index: number, seen: Map<string, number>): Issue[] {
	if (!isObject(entry))
		return [
			{ path, message: 'stage rule must be an object', expected: '{ stage, rule, label? } or { stage, manual: true }' },
		];
	const issues = unknownKeys(entry, ['stage', 'rule', 'manual', 'label'], path);
	const stagePath = childPath(path, 'stage');
	if (entry.stage === FALLBACK_STAGE)
		issues.push({
			path: stagePath,
			message: `${FALLBACK_STAGE} is the stage of customers no rule matches; it takes no rule`,
		});
	else if (!isStage(entry.stage))
		issues.push({
			path: stagePath,
			message: `unknown stage ${JSON.stringify(entry.stage)}`,
			expected: ASSIGNABLE.join(', '),
		});
	else if (seen.has(entry.stage))
		issues.push({
			path: stagePath,
			message: `stage "${entry.stage}" already has a rule at [${seen.get(entry.stage)}]`,
		});
	else seen.set(entry.stage, index);
	if (
		entry.label !== undefined &&
		(typeof entry.label !== 'string' || entry.label.trim() === '' || entry.label.length > MAX_LABEL)
	) {
		issues.push({
			path: childPath(path, 'label'),
			message: 'wrong value type',
			expected: `non-empty string of at most ${MAX_LABEL} characters`,
		});
	}
	const rulePath = childPath(path, 'rule');
	if (entry.manual !== undefined) {
		if (entry.manual !== true)
			issues.push({ path: childPath(path, 'manual'), message: 'manual must be true when present', expected: 'true' });
		else if (entry.rule !== undefined && entry.rule !== null)
			issues.push({ path: rulePath, message: 'a manual stage takes no rule' });
		return issues;
	}
	if (entry.rule === undefined || entry.rule === null)
		return [
			...issues,
			{ path: rulePath, message: 'rule is required (or "manual": true for a stage only staff assign)' },
		];
	const ruleIssues = validateRule(entry.rule, { registry: stageConditionSpecs });
	issues.push(
		...ruleIssues.map((issue) => ({ ...issue, path: issue.path ? childPath(rulePath, issue.path) : rulePath })),
	);
	if (!ruleIssues.length) issues.push(...selfReferences(entry.rule as Rule, rulePath));
	return issues;
}

/** A rule on the stage itself would make the result depend on evaluation order (one customer vs nightly set-wise). */
function selfReferences(rule: Rule, rulePath: string): Issue[] {
	const issues: Issue[] = [];
	forEachCondition(rule, (cond: Condition, path) => {
		if (cond.type === 'field' && cond.field === 'stage') {
			issues.push({
				path: childPath(childPath(rulePath, path), 'field'),
				message: 'stage rules cannot test the stage itself (it is what they decide)',
			});
		}
	});
	return issues;
}
