import { describe, expect, it } from 'vitest';
import { bonusAwards, earnForOrder } from './earn';
import { isBirthdayMonth } from './rule-filters';
import type { Award, EarningContext, EarningRule, OrderForEarning, OrderLineFacts } from './types';
import { seededRandom as mulberry32 } from '../shared/seeded-random';

function rule(overrides: Partial<EarningRule> & Pick<EarningRule, 'id'>): EarningRule {
	return {
		name: `Rule ${overrides.id}`,
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
		priority: 100,
		stacking: 'additive',
		...overrides,
	};
}
const multiplier = (id: number, factor: number, overrides: Partial<EarningRule> = {}) =>
	rule({ id, kind: 'multiplier', points: 0, perAmount: null, factor, name: `×${factor}`, ...overrides });
const bonus = (id: number, points: number, overrides: Partial<EarningRule> = {}) =>
	rule({ id, kind: 'bonus', points, perAmount: null, event: 'first_purchase', ...overrides });
const line = (lineTotal: number, overrides: Partial<OrderLineFacts> = {}): OrderLineFacts => ({
	kind: 'product',
	product: 'SKU-1',
	category: 'shoes',
	quantity: 1,
	lineTotal,
	...overrides,
});

// Monday 2026-03-02 15:30 UTC is already Tuesday 00:30 in Seoul.
const MONDAY_UTC_TUESDAY_SEOUL = new Date('2026-03-02T15:30:00Z');
const order = (lines: OrderLineFacts[], overrides: Partial<OrderForEarning> = {}): OrderForEarning => ({
	orderedAt: MONDAY_UTC_TUESDAY_SEOUL,
	channel: 'web',
	lines,
	total: lines.reduce((sum, l) => sum + l.lineTotal, 0),
	...overrides,
});
const ctx = (overrides: Partial<EarningContext> = {}): EarningContext => ({
	tierCode: null,
	tierMultiplier: 1,
	timeZone: 'Asia/Seoul',
	earnedTodayByRule: {},
	earnedTotalByRule: {},
	...overrides,
});
const points = (awards: Award[]) => awards.map((a) => [a.ruleId, a.points]);

describe('earnForOrder: spend rules', () => {
	it('earns points per amount and explains them', () => {
		expect(earnForOrder([rule({ id: 1 })], order([line(45_000)]), ctx())).toEqual([
			{ ruleId: 1, points: 45, detail: '₩45,000 × 1 pt / ₩1,000' },
		]);
		const [award] = earnForOrder(
			[rule({ id: 1 })],
			order([line(45_000)]),
			ctx({ tierCode: 'gold', tierMultiplier: 1.5 }),
		);
		expect(award).toEqual({ ruleId: 1, points: 67, detail: '₩45,000 × 1 pt / ₩1,000 × tier 1.5' });
	});

	it('only product lines with a positive total earn', () => {
		const lines = [
			line(10_000),
			line(-2_000, { kind: 'discount' }),
			line(3_000, { kind: 'shipping' }),
			line(5_000, { kind: 'reward' }),
			line(0),
			line(-500),
			line(Number.NaN),
		];
		expect(points(earnForOrder([rule({ id: 1 })], order(lines), ctx()))).toEqual([[1, 10]]);
		expect(earnForOrder([rule({ id: 1 })], order([line(5_000, { kind: 'shipping' })]), ctx())).toEqual([]);
	});

	it('floors the rule total once, so small lines add up', () => {
		expect(points(earnForOrder([rule({ id: 1 })], order([line(999), line(999), line(999)]), ctx()))).toEqual([[1, 2]]);
		expect(earnForOrder([rule({ id: 1 })], order([line(999)]), ctx())).toEqual([]);
	});

	it('does not lose a point to float noise (3000 × 2.3 / 100 = 68.999…)', () => {
		expect(points(earnForOrder([rule({ id: 1, points: 2.3, perAmount: 100 })], order([line(3000)]), ctx()))).toEqual([
			[1, 69],
		]);
	});

	it('skips rules that cannot earn instead of failing', () => {
		const broken = [
			rule({ id: 1, perAmount: 0 }),
			rule({ id: 2, perAmount: null }),
			rule({ id: 3, formula: 'floor(' }),
		];
		expect(earnForOrder(broken, order([line(10_000)]), ctx())).toEqual([]);
	});
});

describe('earnForOrder: filters', () => {
	it('applies dates half-open: startsAt included, endsAt excluded', () => {
		const at = MONDAY_UTC_TUESDAY_SEOUL;
		const within = rule({ id: 1, startsAt: at, endsAt: new Date(at.getTime() + 1) });
		const ended = rule({ id: 2, endsAt: at });
		const future = rule({ id: 3, startsAt: new Date(at.getTime() + 1) });
		expect(points(earnForOrder([within, ended, future], order([line(1000)]), ctx()))).toEqual([[1, 1]]);
	});

	it('reads the weekday in the CRM time zone', () => {
		const tuesdays = rule({ id: 1, weekdays: [2] });
		const mondays = rule({ id: 2, weekdays: [1, 3] });
		expect(points(earnForOrder([tuesdays, mondays], order([line(1000)]), ctx()))).toEqual([[1, 1]]);
		expect(points(earnForOrder([tuesdays, mondays], order([line(1000)]), ctx({ timeZone: 'UTC' })))).toEqual([[2, 1]]);
	});

	it('matches channels and tiers; a filter never matches a missing value', () => {
		const web = rule({ id: 1, channels: ['web', 'app'] });
		const gold = rule({ id: 2, tiers: ['gold'] });
		expect(points(earnForOrder([web, gold], order([line(1000)]), ctx()))).toEqual([[1, 1]]);
		expect(
			points(earnForOrder([web, gold], order([line(1000)], { channel: 'store' }), ctx({ tierCode: 'gold' }))),
		).toEqual([[2, 1]]);
		expect(earnForOrder([web, gold], order([line(1000)], { channel: null }), ctx({ tierCode: 'silver' }))).toEqual([]);
	});

	it('counts only the lines matching the categories and products filters', () => {
		const lines = [
			line(10_000, { category: 'shoes', product: 'A' }),
			line(20_000, { category: 'bags', product: 'B' }),
			line(40_000, { category: null, product: 'C' }),
		];
		const shoes = rule({ id: 1, categories: ['shoes'] });
		const bagsOrC = rule({ id: 2, products: ['B', 'C'] });
		const bagsAndB = rule({ id: 3, categories: ['bags'], products: ['B'] });
		const nothing = rule({ id: 4, categories: ['hats'] });
		expect(points(earnForOrder([shoes, bagsOrC, bagsAndB, nothing], order(lines), ctx()))).toEqual([
			[1, 10],
			[2, 60],
			[3, 20],
		]);
	});
});

describe('earnForOrder: multipliers', () => {
	const base = rule({ id: 1 });
	const lines = [line(10_000, { category: 'shoes' }), line(20_000, { category: 'bags' })];

	it('raise points on the lines they match and award nothing themselves', () => {
		const awards = earnForOrder(
			[base, multiplier(10, 2, { categories: ['shoes'], name: 'Shoe week' })],
			order(lines),
			ctx(),
		);
		expect(awards).toEqual([{ ruleId: 1, points: 40, detail: '₩30,000 × 1 pt / ₩1,000 × 2 on ₩10,000 (Shoe week)' }]);
	});

	it('add up when additive: each adds factor − 1 to a base of 1', () => {
		const awards = earnForOrder(
			[base, multiplier(10, 2, { name: 'A' }), multiplier(11, 3, { name: 'B' })],
			order(lines),
			ctx(),
		);
		expect(awards).toEqual([{ ruleId: 1, points: 120, detail: '₩30,000 × 1 pt / ₩1,000 × 4 (A, B)' }]);
	});

	it('count only the largest best_of factor, on top of the additive ones', () => {
		const best = [multiplier(10, 2, { stacking: 'best_of' }), multiplier(11, 3, { stacking: 'best_of' })];
		expect(points(earnForOrder([base, ...best], order(lines), ctx()))).toEqual([[1, 90]]);
		expect(points(earnForOrder([base, ...best, multiplier(12, 1.5)], order(lines), ctx()))).toEqual([[1, 105]]);
	});

	it('respect their own filters, and combine with the tier multiplier', () => {
		const inactive = multiplier(10, 5, { endsAt: new Date('2026-01-01T00:00:00Z') });
		const wrongTier = multiplier(11, 5, { tiers: ['vip'] });
		expect(
			points(earnForOrder([base, inactive, wrongTier], order(lines), ctx({ tierCode: 'gold', tierMultiplier: 1.5 }))),
		).toEqual([[1, 45]]);
		expect(points(earnForOrder([base, multiplier(12, 2)], order(lines), ctx({ tierMultiplier: 1.5 })))).toEqual([
			[1, 90],
		]);
	});

	it('never make points negative, even with factors below 1', () => {
		expect(earnForOrder([base, multiplier(10, 0.1), multiplier(11, 0.1)], order(lines), ctx())).toEqual([]);
		expect(points(earnForOrder([base, multiplier(10, 0.5)], order(lines), ctx()))).toEqual([[1, 15]]);
	});
});

describe('earnForOrder: formulas', () => {
	const formula = (source: string, overrides: Partial<EarningRule> = {}) =>
		rule({ id: 5, points: 0, perAmount: null, formula: source, ...overrides });

	it('runs once over the counted lines with amount, quantity and lines', () => {
		const lines = [
			line(30_000, { quantity: 2 }),
			line(15_000, { quantity: 1 }),
			line(9_000, { kind: 'shipping', quantity: 1 }),
		];
		const [award] = earnForOrder([formula('floor(amount / 1000) * 2 + 10')], order(lines), ctx());
		expect(award).toEqual({ ruleId: 5, points: 100, detail: 'formula = 100 pts on ₩45,000' });
		expect(points(earnForOrder([formula('quantity * 100 + lines')], order(lines), ctx()))).toEqual([[5, 302]]);
		expect(
			points(
				earnForOrder(
					[formula('amount', { categories: ['bags'] })],
					order([...lines, line(7, { category: 'bags' })]),
					ctx(),
				),
			),
		).toEqual([[5, 7]]);
	});

	it('shares its result by amount so multipliers still apply per line, then applies the tier', () => {
		const lines = [line(10_000, { category: 'shoes' }), line(30_000, { category: 'bags' })];
		const doubleShoes = multiplier(10, 2, { categories: ['shoes'] });
		expect(points(earnForOrder([formula('100'), doubleShoes], order(lines), ctx()))).toEqual([[5, 125]]);
		expect(points(earnForOrder([formula('100'), doubleShoes], order(lines), ctx({ tierMultiplier: 1.5 })))).toEqual([
			[5, 187],
		]);
	});

	it('awards nothing for an order without counted lines, or a negative result', () => {
		expect(earnForOrder([formula('10')], order([line(5_000, { kind: 'shipping' })]), ctx())).toEqual([]);
		expect(earnForOrder([formula('10 - amount')], order([line(5_000)]), ctx())).toEqual([]);
		expect(earnForOrder([formula('amount / (lines - 1)')], order([line(5_000)]), ctx())).toEqual([]);
	});
});

describe('earnForOrder: stacking, caps and order', () => {
	const lines = [line(100_000)];

	it('applies every additive rule and only the best best_of rule', () => {
		const rules = [
			rule({ id: 1 }),
			rule({ id: 2, points: 2 }),
			rule({ id: 3, stacking: 'best_of', points: 3 }),
			rule({ id: 4, stacking: 'best_of', points: 5 }),
		];
		expect(points(earnForOrder(rules, order(lines), ctx()))).toEqual([
			[1, 100],
			[2, 200],
			[4, 500],
		]);
	});

	it('breaks best_of ties by lower priority, then lower id (numerically for integer ids)', () => {
		const tied = [
			rule({ id: 10, stacking: 'best_of' }),
			rule({ id: 9, stacking: 'best_of' }),
			rule({ id: 8, stacking: 'best_of', priority: 200 }),
		];
		expect(points(earnForOrder(tied, order(lines), ctx()))).toEqual([[9, 100]]);
		const byPriority = [
			rule({ id: 1, stacking: 'best_of', priority: 50 }),
			rule({ id: 0, stacking: 'best_of', priority: 60 }),
		];
		expect(points(earnForOrder(byPriority, order(lines), ctx()))).toEqual([[1, 100]]);
	});

	it('compares best_of rules after their caps', () => {
		const rules = [
			rule({ id: 1, stacking: 'best_of', points: 10, capPerOrder: 30 }),
			rule({ id: 2, stacking: 'best_of', points: 0.5 }),
		];
		expect(points(earnForOrder(rules, order(lines), ctx()))).toEqual([[2, 50]]);
	});

	it('applies caps per order, per day and per customer, never below 0', () => {
		const capped = (overrides: Partial<EarningRule>) => rule({ id: 1, ...overrides });
		expect(earnForOrder([capped({ capPerOrder: 30 })], order(lines), ctx())[0]).toEqual({
			ruleId: 1,
			points: 30,
			detail: '₩100,000 × 1 pt / ₩1,000, capped at 30 per order',
		});
		const today = ctx({ earnedTodayByRule: { '1': 170 } });
		expect(earnForOrder([capped({ capPerDay: 200 })], order(lines), today)[0]).toMatchObject({
			points: 30,
			detail: expect.stringMatching(/daily limit of 200/),
		});
		expect(earnForOrder([capped({ capPerDay: 100 })], order(lines), today)).toEqual([]);
		const ever = ctx({ earnedTotalByRule: { '1': 950 } });
		expect(earnForOrder([capped({ capPerCustomer: 1000 })], order(lines), ever)[0]).toMatchObject({
			points: 50,
			detail: expect.stringMatching(/per-customer limit of 1000/),
		});
		expect(
			points(
				earnForOrder(
					[capped({ capPerOrder: 80, capPerDay: 100, capPerCustomer: 1000 })],
					order(lines),
					ctx({ earnedTodayByRule: { '1': 60 }, earnedTotalByRule: { '1': 990 } }),
				),
			),
		).toEqual([[1, 10]]);
		expect(earnForOrder([capped({ capPerOrder: 0 })], order(lines), ctx())).toEqual([]);
		expect(points(earnForOrder([capped({ capPerOrder: 500 })], order(lines), ctx()))).toEqual([[1, 100]]);
	});

	it('sorts awards by priority, then id, and ignores bonus rules', () => {
		const rules = [
			rule({ id: 'b', priority: 5 }),
			rule({ id: 3, priority: 1 }),
			rule({ id: 'a', priority: 5 }),
			bonus(4, 500),
		];
		expect(earnForOrder(rules, order(lines), ctx()).map((a) => a.ruleId)).toEqual([3, 'a', 'b']);
	});
});

describe('bonusAwards', () => {
	const at = MONDAY_UTC_TUESDAY_SEOUL;

	it('gives active bonus rules for the event, fixed points (no tier multiplier), floored', () => {
		const rules = [
			bonus(1, 500),
			bonus(2, 300, { event: 'review' }),
			bonus(3, 99.9),
			rule({ id: 4 }),
			bonus(5, 1000, { startsAt: new Date(at.getTime() + 1) }),
		];
		expect(bonusAwards(rules, 'first_purchase', at, ctx({ tierMultiplier: 2 }))).toEqual([
			{ ruleId: 1, points: 500, detail: 'first purchase bonus' },
			{ ruleId: 3, points: 99, detail: 'first purchase bonus' },
		]);
	});

	it('checks weekday and tier, and channel only when the trigger has one', () => {
		const rules = [
			bonus(1, 10, { weekdays: [2] }),
			bonus(2, 20, { tiers: ['gold'] }),
			bonus(3, 30, { channels: ['app'] }),
		];
		expect(points(bonusAwards(rules, 'first_purchase', at, ctx()))).toEqual([
			[1, 10],
			[3, 30],
		]);
		expect(points(bonusAwards(rules, 'first_purchase', at, ctx({ timeZone: 'UTC', tierCode: 'gold' }), 'web'))).toEqual(
			[[2, 20]],
		);
		expect(points(bonusAwards(rules, 'first_purchase', at, ctx(), null))).toEqual([[1, 10]]);
	});

	it('applies caps and best_of stacking', () => {
		const rules = [
			bonus(1, 100, { capPerCustomer: 100 }),
			bonus(2, 50, { stacking: 'best_of' }),
			bonus(3, 70, { stacking: 'best_of' }),
		];
		expect(points(bonusAwards(rules, 'first_purchase', at, ctx()))).toEqual([
			[1, 100],
			[3, 70],
		]);
		expect(points(bonusAwards(rules, 'first_purchase', at, ctx({ earnedTotalByRule: { '1': 100 } })))).toEqual([
			[3, 70],
		]);
	});
});

describe('isBirthdayMonth', () => {
	it('compares the month in the CRM time zone, ignoring the year', () => {
		const lateFebUtc = new Date('2026-02-28T16:00:00Z'); // 1 March in Seoul
		expect(isBirthdayMonth('1990-03-15', lateFebUtc, 'Asia/Seoul')).toBe(true);
		expect(isBirthdayMonth('1990-03-15', lateFebUtc, 'UTC')).toBe(false);
		expect(isBirthdayMonth('2000-02-29', lateFebUtc, 'UTC')).toBe(true);
		expect(isBirthdayMonth('1985-12-01T00:00:00Z', new Date('2026-12-31T12:00:00Z'), 'UTC')).toBe(true);
	});

	it('is false for missing or malformed birthdays', () => {
		const at = new Date('2026-03-10T00:00:00Z');
		for (const birthday of [null, '', 'March', '1990-13-01', '1990-00-10', '03-10', '1990-3-10'])
			expect(isBirthdayMonth(birthday, at, 'UTC'), String(birthday)).toBe(false);
	});
});

describe('earnForOrder: properties on seeded random rule sets', () => {
	const random = mulberry32(42);
	const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
	const maybe = <T>(value: T): T | null => (random() < 0.3 ? value : null);
	const categories = ['shoes', 'bags', 'hats'];

	function randomRules(): EarningRule[] {
		return Array.from({ length: int(1, 6) }, (_, i) => {
			const kind = (['spend', 'spend', 'multiplier', 'bonus'] as const)[int(0, 3)];
			return rule({
				id: i + 1,
				kind,
				priority: int(1, 3) * 10,
				stacking: random() < 0.4 ? 'best_of' : 'additive',
				points: kind === 'multiplier' ? 0 : int(1, 5) / 2,
				perAmount: int(1, 10) * 100,
				factor: kind === 'multiplier' ? int(5, 30) / 10 : null,
				formula: kind === 'spend' && random() < 0.2 ? 'floor(amount / 500) + lines' : null,
				categories: maybe([categories[int(0, 2)]]),
				channels: maybe(['web']),
				tiers: maybe(['gold']),
				capPerOrder: kind !== 'multiplier' ? maybe(int(0, 200)) : null,
				capPerDay: kind !== 'multiplier' ? maybe(int(0, 300)) : null,
			});
		});
	}
	function randomLines(): OrderLineFacts[] {
		return Array.from({ length: int(0, 5) }, () =>
			line(int(-2, 60) * 500, {
				category: categories[int(0, 2)],
				quantity: int(1, 3),
				kind: random() < 0.8 ? 'product' : 'discount',
			}),
		);
	}

	it('awards positive integers within caps, sorted, with at most one best_of spend rule, unmoved by non-earning lines', () => {
		for (let i = 0; i < 400; i++) {
			const rules = randomRules();
			const lines = randomLines();
			const context = ctx({
				tierCode: random() < 0.5 ? 'gold' : null,
				tierMultiplier: int(10, 20) / 10,
				earnedTodayByRule: { '1': int(0, 100) },
			});
			const placed = order(lines, { channel: random() < 0.5 ? 'web' : 'store' });
			const awards = earnForOrder(rules, placed, context);
			const byId = new Map(rules.map((r) => [r.id, r]));
			for (const award of awards) {
				const awarded = byId.get(award.ruleId)!;
				expect(awarded.kind).toBe('spend');
				expect(Number.isInteger(award.points) && award.points > 0).toBe(true);
				if (awarded.capPerOrder !== null) expect(award.points).toBeLessThanOrEqual(awarded.capPerOrder);
				if (awarded.capPerDay !== null)
					expect(award.points).toBeLessThanOrEqual(
						awarded.capPerDay - (context.earnedTodayByRule[String(award.ruleId)] ?? 0),
					);
			}
			const keys = awards.map((a) => [byId.get(a.ruleId)!.priority, a.ruleId as number]);
			expect(keys).toEqual([...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
			expect(awards.filter((a) => byId.get(a.ruleId)!.stacking === 'best_of').length).toBeLessThanOrEqual(1);
			const noise = [
				line(9_000, { kind: 'shipping' }),
				line(-5_000, { kind: 'discount' }),
				line(3_000, { kind: 'reward' }),
				line(0),
			];
			expect(earnForOrder(rules, { ...placed, lines: [...noise, ...lines] }, context)).toEqual(awards);
		}
	});

	it('matches a straightforward reference for unfiltered additive spend rules without multipliers', () => {
		for (let i = 0; i < 300; i++) {
			const lines = randomLines();
			const points = int(1, 9) / 4;
			const perAmount = int(1, 20) * 50;
			const tier = int(10, 30) / 10;
			const eligible = lines
				.filter((l) => l.kind === 'product' && l.lineTotal > 0)
				.reduce((sum, l) => sum + l.lineTotal, 0);
			const expected = Math.floor(Math.round(((eligible * points) / perAmount) * tier * 1e6) / 1e6);
			const awards = earnForOrder([rule({ id: 1, points, perAmount })], order(lines), ctx({ tierMultiplier: tier }));
			expect(awards.reduce((sum, a) => sum + a.points, 0)).toBe(expected);
		}
	});

	it('never lowers an additive award when the tier multiplier rises', () => {
		for (let i = 0; i < 300; i++) {
			const rules = randomRules().map((r) => ({ ...r, stacking: 'additive' as const }));
			const placed = order(randomLines());
			const low = earnForOrder(rules, placed, ctx({ tierMultiplier: 1 }));
			const high = new Map(earnForOrder(rules, placed, ctx({ tierMultiplier: 1.5 })).map((a) => [a.ruleId, a.points]));
			for (const award of low) expect(high.get(award.ruleId)).toBeGreaterThanOrEqual(award.points);
		}
	});
});
