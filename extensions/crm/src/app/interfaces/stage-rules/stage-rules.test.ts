import { describe, expect, it } from 'vitest';
import { defaultStageRules } from '../../../domain/stages/defaults';
import { parseStageRules } from '../../../domain/stages/validate';
import { ASSIGNABLE_STAGES, readStageRules, toStored, withMode, withRule } from './stage-rules';

const regular = (value: number, days: number) => ({
	type: 'orders',
	metric: 'count',
	op: 'gte',
	value,
	window: { lastDays: days },
});

describe('stage rules form', () => {
	it('shows the built-in rules while nothing is stored, one row per stage, lowest first', () => {
		for (const stored of [null, '', '[]', []]) {
			const state = readStageRules(stored);
			expect(state.defaults).toBe(true);
			expect(state.issues).toEqual([]);
			expect(state.rows.map((row) => [row.stage, row.mode])).toEqual([
				['customer', 'rule'],
				['regular', 'rule'],
				['advocate', 'rule'],
				['partner', 'manual'],
			]);
		}
		expect(readStageRules(null).rows[1]!.rule).toEqual({ all: [regular(3, 180)] });
	});

	it('stores the built-in rules unchanged when nothing was edited (apart from the bare rules becoming groups)', () => {
		const stored = toStored(readStageRules(null).rows);
		expect(parseStageRules(stored)).toEqual({ rules: stored, defaults: false });
		expect(stored.map((rule) => rule.stage)).toEqual(defaultStageRules().map((rule) => rule.stage));
		expect(stored.find((rule) => rule.stage === 'partner')).toEqual({ stage: 'partner', rule: null, manual: true });
	});

	it('changes one stage rule and drops its stale label', () => {
		const rows = withRule(readStageRules(null).rows, 'regular', { all: [regular(4, 180)] });
		const stored = toStored(rows);
		expect(stored.find((rule) => rule.stage === 'regular')).toEqual({
			stage: 'regular',
			rule: { all: [regular(4, 180)] },
		});
		expect(stored.find((rule) => rule.stage === 'customer')?.label).toBe('≥ 1 paid order');
		expect(parseStageRules(stored)).toMatchObject({ defaults: false });
	});

	it('leaves out stages not used and rules without conditions; keeps manual stages', () => {
		let rows = withMode(readStageRules(null).rows, 'advocate', 'off');
		rows = withRule(rows, 'regular', null);
		rows = withMode(rows, 'customer', 'manual');
		expect(toStored(rows)).toEqual([
			{ stage: 'partner', rule: null, manual: true },
			{ stage: 'customer', rule: null, manual: true },
		]);
	});

	it('reads a stored list and reports a broken one while offering the built-in rules', () => {
		const state = readStageRules(JSON.stringify([{ stage: 'regular', rule: regular(5, 90) }]));
		expect(state.defaults).toBe(false);
		expect(state.rows.map((row) => row.mode)).toEqual(['off', 'rule', 'off', 'off']);
		expect(state.rows[1]!.rule).toEqual({ all: [regular(5, 90)] });
		const broken = readStageRules('{"stage":');
		expect(broken.issues).toEqual([{ path: '', message: 'is not valid JSON' }]);
		expect(broken.rows.length).toBe(ASSIGNABLE_STAGES.length);
	});
});
