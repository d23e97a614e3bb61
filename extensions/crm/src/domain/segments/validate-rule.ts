// Structural validation of a rule tree, segment-reference cycle detection, and the set of tables a rule reads.
import { builtinConditionSpecs } from './builtin-condition-specs';
import type { ConditionRegistry, ConditionSpec } from './condition-registry';
import { childPath, isObject, type Condition, type Issue, type Rule } from './rule-types';
import { RULE_LIMITS, unknownKeys } from './value-checks';

export const MAX_DEPTH = 10;
type SegmentId = string | number;

export interface ValidateOptions {
	registry?: ConditionRegistry<ConditionSpec>;
	/**
	 * Looks up another segment's rule; enables cycle detection through `{ type: 'segment' }` conditions.
	 * Returns null for segments without a rule (static lists) — whether a referenced id exists is the caller's check.
	 */
	resolveSegment?: (id: SegmentId) => Rule | null;
	/** The id of the segment this rule belongs to, so a reference back to it counts as a cycle. */
	segmentId?: SegmentId;
}

const GROUP_KEYS = ['all', 'any', 'not'] as const;

/** Every problem in `rule`; an empty list means the rule can be compiled. */
export function validateRule(rule: unknown, options: ValidateOptions = {}): Issue[] {
	const registry = options.registry ?? builtinConditionSpecs;
	const issues: Issue[] = [];
	const size = countNodes(rule);
	if (size > RULE_LIMITS.maxNodes)
		return [
			{
				path: '(root)',
				message: `rule has more than ${RULE_LIMITS.maxNodes} conditions and groups`,
				expected: `at most ${RULE_LIMITS.maxNodes}`,
			},
		];
	walk(rule, '', 1, registry, issues);
	if (issues.length === 0 && options.resolveSegment)
		issues.push(...findCycles(rule as Rule, options.resolveSegment, options.segmentId));
	return issues.slice(0, RULE_LIMITS.maxIssues);
}

/** Conditions and groups in `rule`, counted without recursion and stopping past the limit (cheap on hostile input). */
function countNodes(rule: unknown): number {
	const pending: unknown[] = [rule];
	let count = 0;
	while (pending.length && count <= RULE_LIMITS.maxNodes) {
		const node = pending.pop();
		count++;
		if (!isObject(node) || Object.hasOwn(node, 'type')) continue;
		for (const key of GROUP_KEYS) {
			if (!Object.hasOwn(node, key)) continue;
			const value = node[key];
			if (key === 'not') pending.push(value);
			else if (Array.isArray(value)) {
				if (value.length > RULE_LIMITS.maxNodes) return value.length;
				pending.push(...value);
			}
		}
	}
	return count;
}

function walk(
	node: unknown,
	path: string,
	depth: number,
	registry: ConditionRegistry<ConditionSpec>,
	issues: Issue[],
): void {
	const here = path || '(root)';
	if (issues.length >= RULE_LIMITS.maxIssues) return;
	if (depth > MAX_DEPTH)
		return void issues.push({ path: here, message: `rule is nested deeper than ${MAX_DEPTH} levels` });
	if (!isObject(node))
		return void issues.push({
			path: here,
			message: 'rule must be an object',
			expected: '{ all }, { any }, { not } or a condition',
		});
	if ('type' in node) {
		const spec = typeof node.type === 'string' ? registry.get(node.type) : undefined;
		if (!spec)
			return void issues.push({
				path: childPath(path, 'type'),
				message: `unknown condition type ${JSON.stringify(node.type)}`,
				expected: registry.types().join(', '),
			});
		return void issues.push(...spec.validate(node as Condition, path));
	}
	const group = GROUP_KEYS.find((key) => key in node);
	if (!group) return void issues.push({ path: here, message: 'rule needs "all", "any", "not" or "type"' });
	issues.push(...unknownKeys(node, [group], path));
	const groupPath = childPath(path, group);
	if (group === 'not') return walk(node.not, groupPath, depth + 1, registry, issues);
	const children = node[group];
	if (!Array.isArray(children))
		return void issues.push({ path: groupPath, message: `"${group}" must be an array of rules` });
	if (children.length === 0) return void issues.push({ path: groupPath, message: 'empty group' });
	if (children.length > RULE_LIMITS.maxChildren)
		return void issues.push({
			path: groupPath,
			message: `a group holds at most ${RULE_LIMITS.maxChildren} rules (got ${children.length})`,
			expected: `1-${RULE_LIMITS.maxChildren} rules; nest groups for more`,
		});
	children.forEach((child, i) => walk(child, `${groupPath}[${i}]`, depth + 1, registry, issues));
}

/** Calls `visit` for each leaf condition with its path. */
export function forEachCondition(rule: Rule, visit: (cond: Condition, path: string) => void, path = ''): void {
	if (!isObject(rule)) return;
	if ('type' in rule) return visit(rule as Condition, path);
	for (const key of GROUP_KEYS) {
		const value = (rule as Record<string, unknown>)[key];
		if (key === 'not' && value !== undefined) forEachCondition(value as Rule, visit, childPath(path, key));
		else if (Array.isArray(value))
			value.forEach((child, i) => forEachCondition(child as Rule, visit, `${childPath(path, key)}[${i}]`));
	}
}

/** Follows segment references depth-first; reports each cycle once, at the referencing condition in `rule`. */
function findCycles(rule: Rule, resolve: (id: SegmentId) => Rule | null, ownId?: SegmentId): Issue[] {
	const issues: Issue[] = [];
	const acyclic = new Set<string>();
	const referenced = (r: Rule) => {
		const ids: SegmentId[] = [];
		forEachCondition(r, (cond) => cond.type === 'segment' && ids.push(cond.segment as SegmentId));
		return ids;
	};
	// Returns the cycle (as a list of ids) reachable from `id`, or null.
	const cycleFrom = (id: SegmentId, stack: SegmentId[]): SegmentId[] | null => {
		const key = String(id);
		const at = stack.findIndex((s) => String(s) === key);
		if (at >= 0) return [...stack.slice(at), id];
		if (acyclic.has(key)) return null;
		const target = resolve(id);
		for (const next of target ? referenced(target) : []) {
			const cycle = cycleFrom(next, [...stack, id]);
			if (cycle) return cycle;
		}
		acyclic.add(key);
		return null;
	};
	forEachCondition(rule, (cond, path) => {
		if (cond.type !== 'segment') return;
		const cycle = cycleFrom(cond.segment as SegmentId, ownId === undefined ? [] : [ownId]);
		if (cycle)
			issues.push({
				path: childPath(path, 'segment'),
				message: `segment cycle: ${cycle.join(' → ')}`,
				expected: 'a segment that does not refer back to this one',
			});
	});
	return issues;
}

/** The condition types a rule uses anywhere (under all/any/not too). */
export function conditionTypes(rule: Rule): Set<string> {
	const types = new Set<string>();
	forEachCondition(rule, (cond) => types.add(cond.type));
	return types;
}

/** Tables whose changes can change who matches `rule` (unknown condition types contribute nothing). */
export function tablesRead(
	rule: Rule,
	registry: ConditionRegistry<ConditionSpec> = builtinConditionSpecs,
): Set<string> {
	const tables = new Set<string>();
	forEachCondition(rule, (cond) => registry.get(cond.type)?.reads.forEach((t) => tables.add(t)));
	return tables;
}
