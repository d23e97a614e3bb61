// Fuzzing the CRM's HTTP endpoints on a real Directus (seeded; CRM_FUZZ_SEED to vary): every body is accepted or
// refused with a 4xx naming the problem, never a 500, and a refused request leaves the tables it touches unchanged.
import { aggregate, createItem, readSingleton } from '@directus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootCrm, directDatabase, type CrmInstance } from '../harness/crm.ts';
import { fuzzer } from '../fuzz/generators.ts';

const CASES = Number(process.env.CRM_FUZZ_CASES ?? 150);
let crm: CrmInstance;
let token: string;
let customer: number;
let staticSegment: number;

beforeAll(async () => {
	// The public pages' rate limit is off here so the fuzzer reaches the token checks rather than 429s.
	crm = await bootCrm('fuzz-endpoints', { env: { CRM_PUBLIC_RATE_LIMIT: '0' } });
	token = (await crm.client.getToken()) as string;
	customer = (
		(await crm.client.request(
			createItem('crm_customers' as never, { full_name: '퍼즈 고객', email: 'fuzz@example.kr' } as never),
		)) as { id: number }
	).id;
	staticSegment = (
		(await crm.client.request(createItem('crm_segments' as never, { name: '퍼즈 명단', kind: 'static' } as never))) as {
			id: number;
		}
	).id;
});
afterAll(async () => {
	await crm?.stop();
});

const count = async (collection: string) =>
	Number(
		(
			(await crm.client.request(aggregate(collection as never, { aggregate: { count: '*' } } as never))) as {
				count: string;
			}[]
		)[0].count,
	);

/** The recommendation settings: a refused update of the singleton must leave every value as it was. */
const recommendationSettings = async () => {
	const row = (await crm.client.request(
		readSingleton(
			'crm_settings' as never,
			{
				fields: [
					'rec_min_support',
					'rec_min_confidence',
					'rec_min_lift',
					'rec_min_pairs',
					'rec_window_days',
					'rec_max_per_product',
					'rec_basket',
				],
			} as never,
		),
	)) as Record<string, unknown>;
	return JSON.stringify(row);
};

/** The general settings (time zone, quiet hours, survey links, thresholds, days): a refused PATCH changes none. */
const generalSettings = async () =>
	JSON.stringify(
		await crm.client.request(
			readSingleton(
				'crm_settings' as never,
				{
					fields: [
						'timezone',
						'quiet_hours_start',
						'quiet_hours_end',
						'survey_link_days',
						'nps_low_threshold',
						'frequency_cap_per_week',
						'points_expiry_days',
						'tier_grace_days',
						'currency',
					],
				} as never,
			),
		),
	);

async function send(method: string, path: string, body: unknown) {
	const response = await fetch(`${crm.url}${path.replace(':static', String(staticSegment))}`, {
		method,
		headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	return { status: response.status, body: await response.json().catch(() => null) };
}

const TARGETS: {
	path: string;
	method?: string;
	touches: string[];
	state?: () => Promise<unknown>;
	seed: () => unknown;
}[] = [
	{
		path: '/crm/events',
		touches: ['crm_events', 'crm_orders', 'crm_customers', 'crm_interactions'],
		seed: () => ({
			events: [
				{
					type: 'order.placed',
					idempotency_key: 'fz',
					data: {
						external_id: 'F-1',
						customer: { id: customer },
						ordered_at: '2026-02-01T10:00:00Z',
						total: 1000,
						lines: [{ product_name: 'x', quantity: 1, unit_price: 1000 }],
					},
				},
			],
		}),
	},
	{
		path: '/crm/segments/preview',
		touches: ['crm_segments'],
		seed: () => ({
			rule: {
				all: [
					{ type: 'orders', metric: 'count', op: 'gte', value: 1 },
					{ type: 'field', field: 'email', op: 'contains', value: 'a' },
				],
			},
		}),
	},
	{
		path: '/crm/loyalty/adjust',
		touches: ['crm_points_ledger'],
		seed: () => ({ customer, points: -5, reason: 'fuzz' }),
	},
	{ path: '/crm/loyalty/redeem', touches: ['crm_points_ledger', 'crm_coupons'], seed: () => ({ customer, reward: 1 }) },
	{
		path: '/crm/loyalty/preview',
		touches: ['crm_points_ledger'],
		seed: () => ({ order: { lines: [{ kind: 'product', line_total: 1000 }] } }),
	},
	{ path: '/crm/coupons/consume', touches: ['crm_coupons'], seed: () => ({ code: 'AAAA-BBBB-CCCC', order: 1 }) },
	{
		path: '/crm/import/preview',
		touches: ['crm_customers'],
		seed: () => ({ kind: 'customers', csv: '이름,이메일\n김,a@example.com', mapping: { 이름: 'full_name' } }),
	},
	{
		path: '/items/crm_segments',
		touches: ['crm_segments'],
		seed: () => ({ name: 'fz', kind: 'dynamic', rule: { type: 'field', field: 'stage', op: 'eq', value: 'customer' } }),
	},
	{
		path: '/crm/templates/preview',
		touches: ['crm_outbox'],
		seed: () => ({
			source: {
				kind: 'email',
				purpose: 'marketing',
				subject: '{{first_name}}님, 감사합니다',
				body: '{{formatCurrency 12000}} {{#if first_name}}안녕{{/if}}',
			},
			customer,
		}),
	},
	{
		path: '/crm/surveys/answer',
		touches: ['crm_feedback', 'crm_interactions'],
		seed: () => ({ token: 'eyJ.abc', score: 9, comment: '좋아요' }),
	},
	{ path: '/crm/unsubscribe', touches: ['crm_history'], seed: () => ({ token: 'eyJ.abc' }) },
	{ path: '/crm/stages/refresh', touches: ['crm_history'], seed: () => ({ customer }) },
	{
		path: '/items/crm_templates',
		touches: ['crm_templates'],
		seed: () => ({
			key: 'fz',
			name: 'fz',
			kind: 'email',
			purpose: 'marketing',
			subject: '{{first_name}}',
			body: '{{formatDate last_order.ordered_at}}',
		}),
	},
	{
		path: '/items/crm_followup_rules',
		touches: ['crm_followup_rules'],
		seed: () => ({
			name: 'fz',
			trigger: 'order_paid',
			action: 'email',
			delay_minutes: 60,
			condition: { type: 'field', field: 'stage', op: 'eq', value: 'customer' },
		}),
	},
	{
		path: '/crm/segments/:static/members/import',
		touches: ['crm_segment_members'],
		seed: () => ({ csv: 'email,이름\nfuzz@example.kr,퍼즈\nnobody@example.kr,없음', mode: 'replace', dry_run: false }),
	},
	{
		path: '/items/crm_settings',
		method: 'PATCH',
		touches: [],
		state: recommendationSettings,
		seed: () => ({
			rec_min_support: 0.02,
			rec_min_confidence: 0.2,
			rec_min_lift: 1.1,
			rec_min_pairs: 3,
			rec_window_days: 180,
			rec_max_per_product: 4,
			rec_basket: 'order',
		}),
	},
	{
		path: '/items/crm_settings',
		method: 'PATCH',
		touches: [],
		state: generalSettings,
		seed: () => ({
			timezone: 'Asia/Seoul',
			quiet_hours_start: '21:00',
			quiet_hours_end: '08:00',
			survey_link_days: 30,
			nps_low_threshold: 6,
			frequency_cap_per_week: 3,
			points_expiry_days: 365,
			tier_grace_days: 30,
			currency: 'KRW',
		}),
	},
	{
		path: '/items/crm_orders',
		touches: ['crm_orders', 'crm_order_lines'],
		seed: () => ({
			customer,
			ordered_at: '2026-02-01T10:00:00Z',
			status: 'paid',
			total: 18000,
			discount_total: 5000,
			lines: [
				{ kind: 'product', product_name: '녹차', quantity: 2, unit_price: 10000, line_total: 20000 },
				{ kind: 'discount', product_name: '할인', quantity: 1, line_total: -5000 },
				{ kind: 'shipping', product_name: '배송비', quantity: 1, line_total: 3000 },
			],
		}),
	},
	{
		path: '/items/crm_loyalty_rules',
		touches: ['crm_loyalty_rules'],
		seed: () => ({ name: 'fz', kind: 'spend', points: 1, per_amount: 1000, formula: 'floor(amount / 100)' }),
	},
];

describe('fuzz: CRM endpoints', () => {
	for (const [index, target] of TARGETS.entries()) {
		it(`${target.method ?? 'POST'} ${target.path}: ${CASES} mutated bodies, no 500, refusals write nothing`, async () => {
			const f = fuzzer(1000 + index);
			const statuses = new Map<number, number>();
			for (let n = 0; n < CASES; n++) {
				const body = f.mutate(target.seed());
				// Directus 12.4 itself answers 500 to a batch create containing null or non-object items (items.js reads
				// payload[pk] before any hook runs), so item endpoints are fuzzed with object bodies only.
				if (target.path.startsWith('/items/') && (typeof body !== 'object' || body === null || Array.isArray(body)))
					continue;
				const snapshot = async () => [await Promise.all(target.touches.map(count)), await target.state?.()];
				const before = await snapshot();
				const { status, body: answer } = await send(target.method ?? 'POST', target.path, body);
				statuses.set(status, (statuses.get(status) ?? 0) + 1);
				expect(
					status,
					`case ${n}: ${JSON.stringify(body).slice(0, 300)} → ${JSON.stringify(answer).slice(0, 300)}`,
				).toBeLessThan(500);
				if (status >= 400) {
					expect(answer?.errors?.[0]?.message, `case ${n}`).toBeTruthy();
					expect(await snapshot(), `case ${n}: a refused request wrote rows`).toEqual(before);
				}
			}
			// The fuzzer must reach the refusal paths, not only lucky accepts.
			expect([...statuses.keys()].some((status) => status >= 400)).toBe(true);
		});
	}

	it('leaves every customer with balance = ledger = unspent lots after the whole run', async () => {
		const knex = await directDatabase(crm);
		try {
			const ledger = knex('crm_points_ledger')
				.select('customer')
				.sum({ points: 'points' })
				.sum({ lots: knex.raw('COALESCE(??, 0)', ['lot_remaining']) })
				.groupBy('customer')
				.as('l');
			const rows: { id: number; cached: unknown; points: unknown; lots: unknown }[] = await knex('crm_customers as c')
				.leftJoin(ledger, 'l.customer', 'c.id')
				.select({ id: 'c.id', cached: 'c.points_balance', points: 'l.points', lots: 'l.lots' });
			const moved = rows.filter((row) => row.points != null);
			expect(moved.length, 'the run moved points for someone').toBeGreaterThan(0);
			const off = rows.filter((row) => {
				const balance = Number(row.points ?? 0);
				return Number(row.cached ?? 0) !== balance || Number(row.lots ?? 0) !== Math.max(balance, 0);
			});
			expect(off).toEqual([]);
		} finally {
			await knex.destroy();
		}
	});
});
