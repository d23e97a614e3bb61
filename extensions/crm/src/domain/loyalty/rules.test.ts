import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_PRIORITY, validateEarningRule, type RuleFieldError } from './rules';
import type { EarningRule } from './types';

const spendRow = { id: 7, name: '1 pt per ₩1,000', kind: 'spend', points: 1, per_amount: 1000 };

function valid(raw: Record<string, unknown>): EarningRule {
	const result = validateEarningRule(raw);
	if ('errors' in result) throw new Error(JSON.stringify(result.errors));
	return result.rule;
}

function errors(raw: Record<string, unknown>): RuleFieldError[] {
	const result = validateEarningRule(raw);
	if ('rule' in result) throw new Error(`expected errors for ${JSON.stringify(raw)}`);
	return result.errors;
}

const fields = (raw: Record<string, unknown>) =>
	errors(raw)
		.map((e) => e.field)
		.sort();

describe('validateEarningRule: a minimal spend rule', () => {
	it('fills the documented defaults', () => {
		expect(valid(spendRow)).toEqual({
			id: 7,
			name: '1 pt per ₩1,000',
			kind: 'spend',
			points: 1,
			perAmount: 1000,
			factor: null,
			formula: null,
			event: null,
			tiers: null,
			categories: null,
			products: null,
			channels: null,
			weekdays: null,
			startsAt: null,
			endsAt: null,
			capPerOrder: null,
			capPerDay: null,
			capPerCustomer: null,
			priority: DEFAULT_RULE_PRIORITY,
			stacking: 'additive',
		});
		expect(DEFAULT_RULE_PRIORITY).toBe(100);
	});

	it('accepts PostgreSQL decimals as strings and keeps string ids', () => {
		const rule = valid({
			...spendRow,
			id: 'a1b2',
			points: '1.50',
			per_amount: ' 1000.00 ',
			priority: '5',
			cap_per_order: '300',
		});
		expect(rule).toMatchObject({ id: 'a1b2', points: 1.5, perAmount: 1000, priority: 5, capPerOrder: 300 });
	});

	it('allows a missing id (validating before insert)', () => {
		expect(valid({ ...spendRow, id: undefined }).id).toBe('');
	});
});

describe('validateEarningRule: lists and dates in every shape the database returns', () => {
	it('reads arrays, JSON strings and comma-separated strings, trimming and de-duplicating', () => {
		const rule = valid({
			...spendRow,
			tiers: ['gold', ' vip ', 'gold'],
			categories: '["shoes","bags"]',
			products: 'SKU-1, SKU-2,,',
			channels: 'web',
		});
		expect(rule.tiers).toEqual(['gold', 'vip']);
		expect(rule.categories).toEqual(['shoes', 'bags']);
		expect(rule.products).toEqual(['SKU-1', 'SKU-2']);
		expect(rule.channels).toEqual(['web']);
	});

	it('treats empty lists as "any"', () => {
		const rule = valid({ ...spendRow, tiers: [], categories: '', products: '[]', channels: ' , ', weekdays: [] });
		expect([rule.tiers, rule.categories, rule.products, rule.channels, rule.weekdays]).toEqual([
			null,
			null,
			null,
			null,
			null,
		]);
	});

	it('reads weekdays as numbers or strings, sorted', () => {
		expect(valid({ ...spendRow, weekdays: ['7', '6'] }).weekdays).toEqual([6, 7]);
		expect(valid({ ...spendRow, weekdays: '[2,1,2]' }).weekdays).toEqual([1, 2]);
		expect(valid({ ...spendRow, weekdays: '3,5' }).weekdays).toEqual([3, 5]);
	});

	it('rejects weekdays outside 1..7 and malformed lists', () => {
		for (const weekdays of [[0], [8], ['mon'], '1.5', [-1]])
			expect(fields({ ...spendRow, weekdays }), JSON.stringify(weekdays)).toEqual(['weekdays']);
		expect(fields({ ...spendRow, tiers: '["gold"' })).toEqual(['tiers']);
		expect(fields({ ...spendRow, tiers: 5 })).toEqual(['tiers']);
		expect(fields({ ...spendRow, categories: [{ code: 'x' }] })).toEqual(['categories']);
	});

	it('reads dates as Date, ISO string, epoch ms number or digit string', () => {
		const at = new Date('2026-03-01T00:00:00Z');
		for (const value of [at, '2026-03-01T00:00:00Z', '2026-03-01T09:00:00+09:00', at.getTime(), String(at.getTime())]) {
			expect(valid({ ...spendRow, starts_at: value }).startsAt?.toISOString(), String(value)).toBe(at.toISOString());
		}
		expect(valid({ ...spendRow, starts_at: '', ends_at: null })).toMatchObject({ startsAt: null, endsAt: null });
	});

	it('rejects invalid dates and an end before the start, but allows equal bounds', () => {
		expect(fields({ ...spendRow, starts_at: 'next tuesday' })).toEqual(['starts_at']);
		expect(fields({ ...spendRow, ends_at: new Date('x') })).toEqual(['ends_at']);
		const backwards = errors({ ...spendRow, starts_at: '2026-03-02T00:00:00Z', ends_at: '2026-03-01T00:00:00Z' });
		expect(backwards).toEqual([{ field: 'ends_at', message: 'ends_at is before starts_at' }]);
		expect(
			valid({ ...spendRow, starts_at: '2026-03-01T00:00:00Z', ends_at: '2026-03-01T00:00:00Z' }).endsAt,
		).not.toBeNull();
	});
});

describe('validateEarningRule: per-kind requirements', () => {
	it('requires a known kind', () => {
		expect(errors({ ...spendRow, kind: undefined })).toEqual([
			{ field: 'kind', message: 'kind is required (spend, multiplier, bonus)' },
		]);
		expect(errors({ ...spendRow, kind: 'cashback' })[0]).toMatchObject({
			field: 'kind',
			message: expect.stringMatching(/"cashback"/),
		});
	});

	it('requires a name', () => {
		expect(fields({ ...spendRow, name: '  ' })).toEqual(['name']);
		expect(fields({ ...spendRow, name: undefined })).toEqual(['name']);
	});

	it('spend: needs per_amount > 0 and points > 0 unless a formula is set', () => {
		expect(fields({ ...spendRow, per_amount: 0 })).toEqual(['per_amount']);
		expect(fields({ ...spendRow, per_amount: null })).toEqual(['per_amount']);
		expect(fields({ ...spendRow, points: 0 })).toEqual(['points']);
		expect(fields({ ...spendRow, points: null, per_amount: null })).toEqual(['per_amount', 'points']);
		const withFormula = valid({ ...spendRow, points: null, per_amount: null, formula: '  floor(amount / 1000) ' });
		expect(withFormula).toMatchObject({ formula: 'floor(amount / 1000)', points: 0, perAmount: null });
	});

	it('spend: the formula must compile, and the message carries the position', () => {
		const [error] = errors({ ...spendRow, formula: 'floor(amount / 1000' });
		expect(error.field).toBe('formula');
		expect(error.message).toMatch(/unbalanced parenthesis.*at position 5/);
		expect(errors({ ...spendRow, formula: 'amount * bogus' })[0].message).toMatch(
			/unknown identifier "bogus".*position 9/,
		);
		expect(fields({ ...spendRow, formula: 12 })).toEqual(['formula']);
		expect(valid({ ...spendRow, formula: '   ' }).formula).toBeNull();
	});

	it('multiplier: needs factor > 0, drops points and rejects caps', () => {
		const multiplier = { id: 2, name: 'Double Tuesday', kind: 'multiplier', factor: '2', points: 1, per_amount: 1000 };
		expect(valid(multiplier)).toMatchObject({ factor: 2, points: 0, perAmount: null, formula: null });
		expect(valid({ ...multiplier, factor: 0.5 }).factor).toBe(0.5);
		expect(fields({ ...multiplier, factor: 0 })).toEqual(['factor']);
		expect(fields({ ...multiplier, factor: null })).toEqual(['factor']);
		expect(fields({ ...multiplier, cap_per_order: 10, cap_per_customer: 0 })).toEqual([
			'cap_per_customer',
			'cap_per_order',
		]);
	});

	it('bonus: needs a known event and points > 0; drops spend-only fields', () => {
		const bonus = {
			id: 3,
			name: 'Welcome',
			kind: 'bonus',
			event: 'first_purchase',
			points: 500,
			per_amount: 1000,
			formula: 'broken(',
		};
		expect(valid(bonus)).toMatchObject({
			event: 'first_purchase',
			points: 500,
			perAmount: null,
			formula: null,
			factor: null,
		});
		expect(fields({ ...bonus, event: null })).toEqual(['event']);
		expect(fields({ ...bonus, event: 'anniversary' })).toEqual(['event']);
		expect(fields({ ...bonus, points: 0 })).toEqual(['points']);
	});

	it('keeps event and factor only on the kinds that use them', () => {
		expect(valid({ ...spendRow, event: 'review', factor: 3 })).toMatchObject({ event: null, factor: null });
	});
});

describe('validateEarningRule: numbers, caps, priority and stacking', () => {
	it('rejects negative and non-numeric amounts', () => {
		expect(errors({ ...spendRow, points: -1 })).toEqual([
			{ field: 'points', message: 'points must not be negative, got -1' },
		]);
		expect(fields({ ...spendRow, per_amount: 'abc' })).toEqual(['per_amount']);
		expect(fields({ ...spendRow, points: '1,5' })).toEqual(['points']);
		expect(fields({ ...spendRow, points: true })).toEqual(['points']);
		expect(fields({ ...spendRow, points: Number.NaN })).toEqual(['points']);
		expect(fields({ ...spendRow, points: Number.POSITIVE_INFINITY })).toEqual(['points']);
		expect(fields({ ...spendRow, factor: 'x' })).toEqual(['factor']); // reported even where the field is unused
	});

	it('accepts caps that are whole numbers ≥ 0', () => {
		expect(valid({ ...spendRow, cap_per_order: 0, cap_per_day: '50', cap_per_customer: 10_000 })).toMatchObject({
			capPerOrder: 0,
			capPerDay: 50,
			capPerCustomer: 10_000,
		});
		expect(fields({ ...spendRow, cap_per_order: -1 })).toEqual(['cap_per_order']);
		expect(fields({ ...spendRow, cap_per_day: 1.5 })).toEqual(['cap_per_day']);
		expect(fields({ ...spendRow, cap_per_customer: 'lots' })).toEqual(['cap_per_customer']);
	});

	it('takes integer priorities (negative allowed) and the two stacking modes', () => {
		expect(valid({ ...spendRow, priority: -5, stacking: 'best_of' })).toMatchObject({
			priority: -5,
			stacking: 'best_of',
		});
		expect(valid({ ...spendRow, priority: null, stacking: '' })).toMatchObject({ priority: 100, stacking: 'additive' });
		expect(fields({ ...spendRow, priority: 1.5 })).toEqual(['priority']);
		expect(fields({ ...spendRow, stacking: 'max' })).toEqual(['stacking']);
	});

	it('reports every problem at once, one entry per field', () => {
		const all = errors({
			kind: 'spend',
			points: -2,
			per_amount: 'x',
			cap_per_day: -1,
			weekdays: [9],
			stacking: 'x',
			starts_at: 'nope',
		});
		expect(all.map((e) => e.field).sort()).toEqual([
			'cap_per_day',
			'name',
			'per_amount',
			'points',
			'stacking',
			'starts_at',
			'weekdays',
		]);
		for (const error of all) expect(error.message.length).toBeGreaterThan(5);
	});
});
