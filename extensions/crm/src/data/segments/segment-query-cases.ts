// Test-only: dialect-independent expectations for compiled segment queries, run on SQLite and PostgreSQL.
import type { Knex } from 'knex';
import { expect, it } from 'vitest';
import type { Rule } from '../../domain/segments/rule-types';
import { builtinConditionSpecs } from '../../domain/segments/builtin-condition-specs';
import { createSegmentConditionRegistry, segmentConditions } from './builtin-condition-handlers';
import type { ConditionHandler } from './condition-handler';
import { compileSegmentQuery, countMatching, InvalidSegmentRuleError } from './segment-query';
import { NOW } from './segment-test-fixture';

type Case = [name: string, rule: Rule, ids: number[], now?: string];

const field = (f: string, op: string, value?: unknown): Rule => ({
	type: 'field',
	field: f,
	op,
	...(value === undefined ? {} : { value }),
});
const orders = (metric: string, op: string, value: unknown, window?: unknown): Rule => ({
	type: 'orders',
	metric,
	op,
	value,
	...(window ? { window } : {}),
});
const noOrderIn90Days = orders('count', 'eq', 0, { lastDays: 90 });

export const CASES: Case[] = [
	['field eq', field('stage', 'eq', 'vip'), [1, 6]],
	['field neq keeps empty values', field('stage', 'neq', 'lead'), [1, 3, 4, 5, 6]],
	['field in', field('stage', 'in', ['lead', 'customer']), [2, 3, 4]],
	['field not_in keeps empty values', field('stage', 'not_in', ['customer']), [1, 2, 5, 6]],
	['contains is case-insensitive', field('email', 'contains', 'EXAMPLE'), [1, 4]],
	['contains escapes LIKE wildcards', field('email', 'contains', '%'), []],
	['starts_with', field('email', 'starts_with', 'bob'), [2]],
	['string is_empty covers null and blank', field('email', 'is_empty'), [3, 6]],
	['string is_not_empty', field('email', 'is_not_empty'), [1, 2, 4, 5]],
	['number between', field('total_spent', 'between', [100000, 50000]), [3, 4, 6]],
	['number gt', field('order_count', 'gt', 1), [1, 4]],
	['number is_empty', field('last_nps', 'is_empty'), [3, 4, 5, 6]],
	['boolean true', field('consent_email', 'eq', true), [1, 4, 6]],
	['boolean false includes unknown', field('consent_email', 'eq', false), [2, 3, 5]],
	['timestamp within_last_days', field('last_order_at', 'within_last_days', 30), [1, 4, 6]],
	['timestamp not_within_last_days includes never', field('last_order_at', 'not_within_last_days', 30), [2, 3, 5]],
	['timestamp after a date is after that whole day', field('date_created', 'after', '2026-01-01'), [4, 6]],
	['timestamp before', field('date_created', 'before', '2026-01-01'), [1, 3, 5]],
	['timestamp between whole days', field('date_created', 'between', ['2026-01-01', '2026-01-01']), [2]],
	['date before', field('birthday', 'before', '1986-01-01'), [2, 4]],
	['date between', field('birthday', 'between', ['1990-01-01', '1999-12-31']), [1, 3, 6]],
	['birthday wraps over New Year', field('birthday', 'birthday_in_next_days', 7), [1, 2], '2026-12-28T09:00:00Z'],
	[
		'Feb 29 birthday counts on Feb 28 in a non-leap year',
		field('birthday', 'birthday_in_next_days', 3),
		[3, 6],
		'2027-02-25T09:00:00Z',
	],
	[
		'Feb 29 birthday is on Feb 29 in a leap year',
		field('birthday', 'birthday_in_next_days', 3),
		[6],
		'2028-02-25T09:00:00Z',
	],
	[
		'birthday leap-year window reaching Feb 29',
		field('birthday', 'birthday_in_next_days', 3),
		[3, 6],
		'2028-02-26T09:00:00Z',
	],
	[
		'birthday this month (Feb 29 counts in every February)',
		field('birthday', 'birthday_this_month'),
		[3, 6],
		'2027-02-10T09:00:00Z',
	],
	['birthday this month in December', field('birthday', 'birthday_this_month'), [1], '2026-12-05T09:00:00Z'],
	['birthday today only', field('birthday', 'birthday_in_next_days', 0), [4], '2026-06-15T09:00:00Z'],
	[
		'3+ orders totalling 300000+ in 180 days',
		{ all: [orders('count', 'gte', 3, { lastDays: 180 }), orders('sum', 'gte', 300000, { lastDays: 180 })] },
		[1],
	],
	['no order in 90 days includes zero-order customers', noOrderIn90Days, [2, 3, 5]],
	['orders avg (no orders never matches)', orders('avg', 'gte', 50000), [1, 3, 6]],
	['not is the exact complement of a NULL-prone condition', { not: orders('avg', 'gte', 50000) }, [2, 4, 5]],
	['orders last_date within_last_days', orders('last_date', 'within_last_days', 30), [1, 4, 6]],
	['orders first_date before', orders('first_date', 'before', '2025-12-01'), [3]],
	[
		'orders sum in a from/to window (to is a whole day)',
		orders('sum', 'gt', 0, { from: '2026-01-01', to: '2026-02-27' }),
		[1, 4],
	],
	['window to includes its whole day', orders('count', 'gt', 0, { from: '2026-02-28', to: '2026-02-28' }), [6]],
	['bought product', { type: 'bought', product: 101 }, [1, 4]],
	['bought category falls back to the product category', { type: 'bought', category: 'makeup' }, [1]],
	['bought ignores refunded orders', { type: 'bought', category: 'hair' }, [3]],
	['bought minQuantity', { type: 'bought', product: 101, minQuantity: 2 }, [1]],
	['bought in window', { type: 'bought', product: 101, window: { lastDays: 15 } }, [1]],
	['bought anything', { type: 'bought' }, [1, 3, 4]],
	['interaction channel', { type: 'interaction', channel: 'kakao' }, [1, 5]],
	['interaction minCount', { type: 'interaction', channel: 'kakao', minCount: 2 }, [1]],
	['interaction window', { type: 'interaction', channel: 'kakao', window: { lastDays: 30 } }, [1]],
	['interaction type', { type: 'interaction', interactionType: 'call' }, [2]],
	['feedback last_nps uses the latest answer', { type: 'feedback', metric: 'last_nps', op: 'lte', value: 6 }, [2]],
	['feedback last_nps high', { type: 'feedback', metric: 'last_nps', op: 'gte', value: 9 }, [1]],
	['feedback avg_csat', { type: 'feedback', metric: 'avg_csat', op: 'gte', value: 4 }, [1]],
	['feedback avg_csat low', { type: 'feedback', metric: 'avg_csat', op: 'lt', value: 4 }, [4]],
	['segment membership (current members only)', { type: 'segment', segment: 7 }, [1, 3]],
	[
		'nested all/any/not',
		{
			all: [
				{ any: [field('stage', 'eq', 'vip'), { type: 'bought', category: 'hair' }] },
				{ not: field('consent_email', 'eq', false) },
			],
		},
		[1, 6],
	],
	['tier (a customer column the builder offers by name)', field('tier', 'eq', 3), [1, 6]],
	['tier in, and empty', { any: [field('tier', 'in', [2]), field('tier', 'is_empty')] }, [2, 3, 4, 5]],
	['referrals: at least one referred customer who bought', { type: 'referrals' }, [1, 3, 6]],
	['referrals: buyers only by default', { type: 'referrals', minCount: 2 }, []],
	[
		'referrals: everyone referred counts with buyersOnly false',
		{ type: 'referrals', minCount: 3, buyersOnly: false },
		[1],
	],
	[
		"referrals in the last 60 days (by the referred customer's creation)",
		{ type: 'referrals', buyersOnly: false, window: { lastDays: 60 } },
		[6],
	],
	[
		'referrals in a from/to window (to is a whole day)',
		{ type: 'referrals', buyersOnly: false, window: { from: '2026-01-01', to: '2026-01-02' } },
		[1, 3],
	],
	['not referrals is the exact complement', { not: { type: 'referrals' } }, [2, 4, 5]],
	[
		'any of conditions from different tables',
		{
			any: [
				{ type: 'segment', segment: 8 },
				{ type: 'interaction', channel: 'email' },
			],
		},
		[4, 5],
	],
];

async function ids(query: Knex.QueryBuilder): Promise<number[]> {
	const rows = await query;
	return rows.map((row: { id: unknown }) => Number(row.id)).sort((a: number, b: number) => a - b);
}

/** Registers the shared assertions; `db()` returns the seeded database (called inside each test). */
export function segmentQueryCases(db: () => Knex): void {
	for (const [name, rule, expected, now] of CASES) {
		it(name, async () => {
			expect(await ids(compileSegmentQuery(db(), rule, { now: now ? new Date(now) : NOW }))).toEqual(expected);
		});
	}

	// The incremental path compiles a different (correlated) form: it must agree with the set form for every case.
	it('evaluating one customer at a time gives the same members for every case', async () => {
		for (const [name, rule, expected, now] of CASES) {
			const matched: number[] = [];
			for (const customer of [1, 2, 3, 4, 5, 6]) {
				if ((await compileSegmentQuery(db(), rule, { now: now ? new Date(now) : NOW, customer })).length)
					matched.push(customer);
			}
			expect({ name, matched }).toEqual({ name, matched: expected });
		}
	});

	// The referrals condition against SQL written by hand: a correlated COUNT per customer, windows computed here.
	it('referrals agree with a hand-written correlated count for every variant', async () => {
		const DAY = 86_400_000;
		const variants: [Rule, { minCount: number; buyersOnly: boolean; from?: number; to?: number }][] = [
			[{ type: 'referrals' }, { minCount: 1, buyersOnly: true }],
			[
				{ type: 'referrals', minCount: 2, buyersOnly: false },
				{ minCount: 2, buyersOnly: false },
			],
			[
				{ type: 'referrals', minCount: 1, window: { lastDays: 100 } },
				{ minCount: 1, buyersOnly: true, from: NOW.getTime() - 100 * DAY },
			],
			[
				{ type: 'referrals', buyersOnly: false, window: { lastDays: 80 } },
				{ minCount: 1, buyersOnly: false, from: NOW.getTime() - 80 * DAY },
			],
			[
				{ type: 'referrals', buyersOnly: false, window: { from: '2025-06-01', to: '2026-01-01' } },
				{ minCount: 1, buyersOnly: false, from: Date.UTC(2025, 5, 1), to: Date.UTC(2026, 0, 2) },
			],
		];
		for (const [rule, v] of variants) {
			const knex = db();
			const where = ['r.referred_by = c.id'];
			const bindings: (number | Date)[] = [];
			const stamp = (ms: number) => (String(knex.client.config.client).includes('sqlite') ? ms : new Date(ms));
			if (v.buyersOnly) where.push('r.order_count > 0');
			if (v.from !== undefined) {
				where.push('r.date_created >= ?');
				bindings.push(stamp(v.from));
			}
			if (v.to !== undefined) {
				where.push('r.date_created < ?');
				bindings.push(stamp(v.to));
			}
			const result = await knex.raw(
				`SELECT c.id FROM crm_customers c WHERE (SELECT COUNT(*) FROM crm_customers r WHERE ${where.join(' AND ')}) >= ? ORDER BY c.id`,
				[...bindings, v.minCount],
			);
			const byHand = ((Array.isArray(result) ? result : result.rows) as { id: unknown }[]).map((row) => Number(row.id));
			expect({ rule, ids: await ids(compileSegmentQuery(knex, rule, { now: NOW })) }).toEqual({ rule, ids: byHand });
		}
	});

	it('countMatching counts in the database', async () => {
		expect(await countMatching(db(), noOrderIn90Days, { now: NOW })).toBe(3);
	});

	it('binds every user value instead of writing it into the SQL', () => {
		const rule: Rule = {
			all: [
				field('stage', 'in', ['vip_tier_x', 'gold_tier_y']),
				field('email', 'contains', "o'brien; drop"),
				orders('sum', 'gte', 314159, { lastDays: 180 }),
				{ type: 'bought', category: 'zz_category', product: 987654 },
				{ type: 'interaction', channel: 'chan_q', interactionType: 'type_q', minCount: 42 },
				{ type: 'feedback', metric: 'avg_csat', op: 'gte', value: 4.75 },
				{ type: 'segment', segment: 123456 },
				field('birthday', 'birthday_in_next_days', 11),
			],
		};
		const { sql, bindings } = compileSegmentQuery(db(), rule, { now: NOW }).toSQL();
		for (const literal of [
			'vip_tier_x',
			'gold_tier_y',
			'brien',
			'314159',
			'zz_category',
			'987654',
			'chan_q',
			'type_q',
			'42',
			'4.75',
			'123456',
			'03-15',
			'03-26',
			String(NOW.getTime() - 180 * 86_400_000),
		]) {
			expect(sql).not.toContain(literal);
		}
		expect(bindings).toEqual(
			expect.arrayContaining(['vip_tier_x', 314159, 'zz_category', 987654, 42, 4.75, 123456, '03-15', '03-26']),
		);
	});

	it('compiles every condition type the pure validator accepts (the two registries agree)', () => {
		expect(segmentConditions.types().sort()).toEqual(builtinConditionSpecs.types().sort());
	});

	it('rejects invalid rules before querying', () => {
		expect(() => compileSegmentQuery(db(), field('nope', 'eq', 1), { now: NOW })).toThrow(InvalidSegmentRuleError);
	});

	it('compiles conditions registered by other modules', async () => {
		const emailDomain: ConditionHandler = {
			type: 'email_domain',
			reads: ['crm_customers'],
			validate: (cond, path) =>
				typeof cond.domain === 'string' ? [] : [{ path: `${path}.domain`, message: 'domain must be a string' }],
			compile: (cond) => (qb) => qb.whereRaw('LOWER(??) LIKE ?', ['crm_customers.email', `%@${String(cond.domain)}`]),
		};
		const registry = createSegmentConditionRegistry().register(emailDomain);
		const rule: Rule = { any: [{ type: 'email_domain', domain: 'test.org' }, field('stage', 'eq', 'vip')] };
		expect(await ids(compileSegmentQuery(db(), rule, { now: NOW, registry }))).toEqual([1, 2, 5, 6]);
	});
}
