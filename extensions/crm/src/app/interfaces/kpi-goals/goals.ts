// crm_settings.kpi_goals as rows of "KPI + a target, or a change on the previous period", never raw JSON. Pure.
// Ratios and changes are typed as percentages (40 = 0.4) and stored as fractions, as domain/kpi/compare.ts reads them.
import { parseGoals } from '../../../domain/kpi/compare';
import { KPI_DEFINITIONS, kpiDefinition } from '../../../domain/kpi/definitions';

export type GoalKind = 'target' | 'change';

export interface GoalRow {
	kpi: string;
	kind: GoalKind;
	/** As typed: a percentage for ratios and changes, the plain figure otherwise; null while empty. */
	input: number | null;
}

/** At most one goal per KPI, so at most this many rows. */
export const MAX_GOALS = KPI_DEFINITIONS.length;
const MAX_ABS = 1e12;

/** Whether the row's number is typed as a percentage. */
export const inPercent = (kpi: string, kind: GoalKind) => kind === 'change' || kpiDefinition(kpi)?.unit === 'ratio';

const round = (value: number) => Math.round(value * 1e6) / 1e6;

/** The stored goals (an object or its JSON text) → rows, in the KPI catalogue's order; unknown KPIs are left out. */
export function readGoals(stored: unknown): GoalRow[] {
	const goals = parseGoals(stored);
	return KPI_DEFINITIONS.flatMap((definition): GoalRow[] => {
		const goal = goals.get(definition.id);
		if (goal === undefined) return [];
		const kind: GoalKind = typeof goal === 'object' && 'change' in goal ? 'change' : 'target';
		const value = typeof goal === 'number' ? goal : 'change' in goal ? goal.change : goal.target;
		return [{ kpi: definition.id, kind, input: round(inPercent(definition.id, kind) ? value * 100 : value) }];
	});
}

/** A typed number: finite and bounded, else null (the row is then not stored). */
export function readInput(raw: unknown): number | null {
	const value = typeof raw === 'string' ? (raw.trim() === '' ? NaN : Number(raw)) : raw;
	return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_ABS ? value : null;
}

/** Rows → the stored object ({ kpi: { target } | { change } }); rows without a KPI or a number are left out. */
export function toStoredGoals(rows: GoalRow[]): Record<string, { target: number } | { change: number }> {
	const stored: Record<string, { target: number } | { change: number }> = {};
	for (const row of rows) {
		if (!kpiDefinition(row.kpi) || row.input === null || Object.hasOwn(stored, row.kpi)) continue;
		const value = round(inPercent(row.kpi, row.kind) ? row.input / 100 : row.input);
		stored[row.kpi] = row.kind === 'change' ? { change: value } : { target: value };
	}
	return stored;
}

/** The KPIs a row may pick: its own and those no other row has. */
export function pickableKpis(rows: GoalRow[], index: number): string[] {
	const taken = new Set(rows.filter((_, i) => i !== index).map((row) => row.kpi));
	return KPI_DEFINITIONS.map((definition) => definition.id).filter((id) => !taken.has(id));
}

/** A new row for the first KPI without a goal, or null when every KPI has one. */
export function newRow(rows: GoalRow[]): GoalRow | null {
	if (rows.length >= MAX_GOALS) return null;
	const kpi = pickableKpis(rows, -1)[0];
	return kpi ? { kpi, kind: 'target', input: null } : null;
}
