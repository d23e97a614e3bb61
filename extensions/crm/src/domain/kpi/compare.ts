// A KPI against the previous period and against its goal (crm_settings.kpi_goals). Pure.
import type { KpiDefinition } from './definitions';

export interface Change {
	/** value − previous. */
	absolute: number;
	/** (value − previous) ÷ |previous|; null when previous is 0. */
	relative: number | null;
	/** better / worse given the KPI's direction; flat when equal. */
	trend: 'better' | 'worse' | 'flat';
}

export function change(
	value: number | null,
	previous: number | null,
	direction: KpiDefinition['direction'],
): Change | null {
	if (value === null || previous === null) return null;
	const absolute = value - previous;
	const relative = previous === 0 ? null : absolute / Math.abs(previous);
	const up = absolute > 1e-12 ? 1 : absolute < -1e-12 ? -1 : 0;
	const trend = up === 0 ? 'flat' : up > 0 === (direction === 'up') ? 'better' : 'worse';
	return { absolute, relative, trend };
}

/**
 * A goal as set in crm_settings.kpi_goals: a target value (`0.4`, or `{ "target": 0.4 }`), or a change relative to
 * the previous period (`{ "change": 0.2 }` = "+20 % on the previous period").
 */
export type GoalSpec = number | { target: number } | { change: number };

export interface GoalProgress {
	target: number;
	/** Set when the goal is relative to the previous period. */
	relativeChange: number | null;
	/** How far along: value ÷ target for up-KPIs, target ÷ value for down-KPIs; 1 = met exactly. Not clamped. */
	progress: number;
	met: boolean;
}

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** Reads one entry of kpi_goals; anything else than the three shapes is no goal. */
export function parseGoal(value: unknown): GoalSpec | null {
	if (finite(value)) return value;
	if (value && typeof value === 'object') {
		const spec = value as Record<string, unknown>;
		if (finite(spec.target)) return { target: spec.target };
		if (finite(spec.change)) return { change: spec.change };
	}
	return null;
}

/** kpi_goals as stored (an object, or its JSON text) → the valid goals by KPI id. */
export function parseGoals(stored: unknown): Map<string, GoalSpec> {
	let value = stored;
	if (typeof value === 'string') {
		try {
			value = JSON.parse(value);
		} catch {
			return new Map();
		}
	}
	const goals = new Map<string, GoalSpec>();
	if (!value || typeof value !== 'object' || Array.isArray(value)) return goals;
	for (const [id, spec] of Object.entries(value)) {
		const goal = parseGoal(spec);
		if (goal !== null) goals.set(id, goal);
	}
	return goals;
}

export function goalProgress(
	spec: GoalSpec | null | undefined,
	value: number | null,
	previous: number | null,
	direction: KpiDefinition['direction'],
): GoalProgress | null {
	if (spec === null || spec === undefined) return null;
	let target: number;
	let relativeChange: number | null = null;
	if (typeof spec === 'number') target = spec;
	else if ('target' in spec) target = spec.target;
	else {
		if (previous === null) return null;
		relativeChange = spec.change;
		target = previous + Math.abs(previous) * spec.change;
	}
	if (value === null) return { target, relativeChange, progress: 0, met: false };
	const met = direction === 'up' ? value >= target : value <= target;
	let progress: number;
	if (direction === 'up') progress = target > 0 ? Math.max(0, value) / target : met ? 1 : 0;
	else progress = value > 0 ? Math.max(0, target) / value : met ? 1 : 0;
	return { target, relativeChange, progress, met };
}
