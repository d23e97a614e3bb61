import { describe, expect, it } from 'vitest';
import { KPI_DEFINITIONS } from '../../../domain/kpi/definitions';
import { parseGoals } from '../../../domain/kpi/compare';
import { newRow, pickableKpis, readGoals, readInput, toStoredGoals } from './goals';

describe('KPI goals form', () => {
	it('reads every stored shape into rows, ratios and changes as percentages', () => {
		expect(readGoals({ retention_rate: 0.4, nps: { target: 50 }, revenue: { change: 0.2 }, bogus: 3 })).toEqual([
			{ kpi: 'revenue', kind: 'change', input: 20 },
			{ kpi: 'retention_rate', kind: 'target', input: 40 },
			{ kpi: 'nps', kind: 'target', input: 50 },
		]);
		expect(readGoals('{"aov": 55000}')).toEqual([{ kpi: 'aov', kind: 'target', input: 55000 }]);
		expect(readGoals(null)).toEqual([]);
		expect(readGoals('{not json')).toEqual([]);
	});

	it('stores rows as the goals the KPI report reads, skipping empty rows and repeats', () => {
		const stored = toStoredGoals([
			{ kpi: 'retention_rate', kind: 'target', input: 40 },
			{ kpi: 'revenue', kind: 'change', input: 20 },
			{ kpi: 'aov', kind: 'target', input: null },
			{ kpi: 'revenue', kind: 'target', input: 1 },
			{ kpi: 'constructor', kind: 'target', input: 1 },
		]);
		expect(stored).toEqual({ retention_rate: { target: 0.4 }, revenue: { change: 0.2 } });
		expect(parseGoals(stored)).toEqual(
			new Map<string, unknown>([
				['retention_rate', { target: 0.4 }],
				['revenue', { change: 0.2 }],
			]),
		);
		for (const goals of [{ nps: { target: 50 }, churn_rate: { target: 0.07 }, aov: { change: -0.05 } }])
			expect(toStoredGoals(readGoals(goals))).toEqual(goals);
	});

	it('reads typed numbers as finite and bounded', () => {
		expect(readInput('12.5')).toBe(12.5);
		expect(readInput('')).toBeNull();
		expect(readInput('abc')).toBeNull();
		expect(readInput(Infinity)).toBeNull();
		expect(readInput(1e13)).toBeNull();
		expect(readInput(-20)).toBe(-20);
	});

	it('offers each KPI once and stops adding rows when every KPI has a goal', () => {
		const rows = [{ kpi: 'revenue', kind: 'target' as const, input: 1 }];
		expect(pickableKpis(rows, -1)).not.toContain('revenue');
		expect(pickableKpis(rows, 0)).toContain('revenue');
		expect(newRow(rows)).toEqual({ kpi: 'active_customers', kind: 'target', input: null });
		const all = KPI_DEFINITIONS.map((d) => ({ kpi: d.id, kind: 'target' as const, input: 1 }));
		expect(newRow(all)).toBeNull();
	});
});
