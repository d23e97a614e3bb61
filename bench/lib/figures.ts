// The benchmarked figures: each runs the extension's own SQL and a hand-written baseline on the same data.
import type { Knex } from 'knex';
import type { ExtensionCode } from './load-extension-code.ts';
import { compareAll, comparePair, median, timeMs, type Pair } from './timing.ts';

const DAY_MS = 86_400_000;
const PURCHASES = "('paid', 'fulfilled')";

/** orders count ≥ 3 and orders sum ≥ 300000 in the last 180 days, and bought category 'coffee' ever. */
export const SEGMENT_RULE = {
	all: [
		{ type: 'orders', metric: 'count', op: 'gte', value: 3, window: { lastDays: 180 } },
		{ type: 'orders', metric: 'sum', op: 'gte', value: 300000, window: { lastDays: 180 } },
		{ type: 'bought', category: 'coffee' },
	],
};

/** The same rule written by hand: windowed GROUP BY / HAVING, then a semi-join for the category. */
function handWrittenSegment(knex: Knex, now: Date, customer?: number): Knex.Raw {
	const one = customer === undefined ? '' : 'AND o.customer = ?';
	const sql = `SELECT w.customer FROM (
			SELECT o.customer FROM crm_orders o
			WHERE o.status IN ${PURCHASES} AND o.ordered_at >= ? ${one}
			GROUP BY o.customer HAVING count(*) >= 3 AND sum(o.total) >= 300000
		) w
		WHERE EXISTS (
			SELECT 1 FROM crm_order_lines l JOIN crm_orders o ON o.id = l."order" LEFT JOIN crm_products p ON p.id = l.product
			WHERE o.customer = w.customer AND o.status IN ${PURCHASES} AND l.kind = 'product' AND COALESCE(l.category, p.category) = 'coffee')`;
	const from = new Date(now.getTime() - 180 * DAY_MS);
	return knex.raw(sql, customer === undefined ? [from] : [from, customer]);
}

async function countRows(knex: Knex, query: Knex.QueryBuilder | Knex.Raw): Promise<number> {
	const row = await knex
		.count({ n: '*' })
		.from(knex.raw('(?) AS q', [query]))
		.first();
	return Number(row?.n ?? 0);
}

export async function segmentRefresh(
	knex: Knex,
	code: ExtensionCode,
	now: Date,
	runs: number,
): Promise<Pair & { members: number }> {
	const compiled = () => code.compileSegmentQuery(knex, SEGMENT_RULE, { now });
	const members = await countRows(knex, compiled());
	const expected = await countRows(knex, handWrittenSegment(knex, now));
	if (members !== expected) throw new Error(`segment: compiled query counts ${members}, hand-written ${expected}`);
	const pair = await comparePair(
		runs,
		() => countRows(knex, compiled()),
		() => countRows(knex, handWrittenSegment(knex, now)),
	);
	return { ...pair, members };
}

export async function incrementalSegment(
	knex: Knex,
	code: ExtensionCode,
	now: Date,
	customers: number,
	calls: number,
): Promise<Pair> {
	const ids = Array.from({ length: calls }, (_, i) => 1 + Math.floor(((i + 0.5) * customers) / calls));
	const compiled: number[] = [];
	const baseline: number[] = [];
	for (const id of ids.slice(0, 10))
		await code.compileSegmentQuery(knex, SEGMENT_RULE, { now }).where('crm_customers.id', id); // warm-up
	for (const id of ids) {
		let a = 0;
		let b = 0;
		compiled.push(
			await timeMs(
				async () =>
					(a = (await code.compileSegmentQuery(knex, SEGMENT_RULE, { now }).where('crm_customers.id', id)).length),
			),
		);
		baseline.push(await timeMs(async () => (b = (await handWrittenSegment(knex, now, id)).rows.length)));
		if (a !== b)
			throw new Error(
				`incremental: customer ${id} is ${a ? '' : 'not '}matched by the compiled query but the hand-written one disagrees`,
			);
	}
	const candidateMs = median(compiled);
	const baselineMs = median(baseline);
	return { candidateMs, baselineMs, ratio: candidateMs / baselineMs };
}

const NTILE_SCORES = `SELECT customer, ntile(5) OVER (ORDER BY recency_days DESC) AS r, ntile(5) OVER (ORDER BY frequency) AS f,
		ntile(5) OVER (ORDER BY monetary) AS m
	FROM (SELECT customer, floor(extract(epoch FROM (CAST(? AS timestamptz) - max(ordered_at))) / 86400) AS recency_days,
			count(*) AS frequency, sum(total) AS monetary
		FROM crm_orders WHERE status IN ${PURCHASES} AND ordered_at > ? AND ordered_at <= ? GROUP BY customer) g`;

/** A single NTILE(5) per measure over the grouped window, written into crm_customers with UPDATE … FROM. */
function ntileUpdate(knex: Knex, now: Date, windowDays: number): Knex.Raw {
	const from = new Date(now.getTime() - windowDays * DAY_MS);
	return knex.raw(
		`UPDATE crm_customers c SET rfm_r = s.r, rfm_f = s.f, rfm_m = s.m, rfm_at = ? FROM (${NTILE_SCORES}) s WHERE c.id = s.customer`,
		[now, now, from, now],
	);
}

/** The same, over every customer (LEFT JOIN): also clears and stamps those without a purchase, as the CRM does. */
function ntileUpdateAll(knex: Knex, now: Date, windowDays: number): Knex.Raw {
	const from = new Date(now.getTime() - windowDays * DAY_MS);
	return knex.raw(
		`UPDATE crm_customers c SET rfm_r = s.r, rfm_f = s.f, rfm_m = s.m, rfm_at = ?
		FROM (SELECT c2.id AS customer, n.r, n.f, n.m FROM crm_customers c2 LEFT JOIN (${NTILE_SCORES}) n ON n.customer = c2.id) s WHERE c.id = s.customer`,
		[now, now, from, now],
	);
}

export async function rfmRescoring(
	knex: Knex,
	code: ExtensionCode,
	now: Date,
	runs: number,
): Promise<Pair & { scored: number; sameRowsMs: number }> {
	const vacuum = () => knex.raw('VACUUM crm_customers');
	const t = await compareAll(
		runs,
		{
			crm: () => code.applyRfmScores(knex, { now, windowDays: 365 }),
			ntile: () => ntileUpdate(knex, now, 365),
			ntileAll: () => ntileUpdateAll(knex, now, 365),
		},
		vacuum,
	);
	await code.applyRfmScores(knex, { now, windowDays: 365 });
	const row = await knex('crm_customers').whereNotNull('rfm_r').count({ n: '*' }).first();
	return {
		candidateMs: t.crm,
		baselineMs: t.ntile,
		ratio: t.crm / t.ntile,
		sameRowsMs: t.ntileAll,
		scored: Number(row?.n ?? 0),
	};
}

/**
 * The per-order UPDATE the customer-stats hook runs (a purchase gained, then the same purchase lost, which also
 * re-reads first/last purchase from the customer's other orders) vs a plain single-row UPDATE of the order.
 * Median µs per call; each call is its own autocommitted statement, like the baseline.
 */
export async function statsHookCost(knex: Knex, code: ExtensionCode, calls: number) {
	const orders: { id: number; customer: number; ordered_at: Date }[] = await knex('crm_orders')
		.select('id', 'customer', 'ordered_at')
		.whereIn('status', ['paid', 'fulfilled'])
		.whereRaw('id % 97 = 0')
		.orderBy('id')
		.limit(calls + 20);
	const plain: number[] = [];
	const gained: number[] = [];
	const lost: number[] = [];
	const stamp = new Date();
	for (const [i, o] of orders.entries()) {
		const us = async (fn: () => Promise<unknown>) => (await timeMs(fn)) * 1000;
		const run = async () => {
			plain.push(await us(() => knex('crm_orders').where('id', o.id).update({ date_updated: stamp })));
			gained.push(
				await us(() =>
					code.applyStatsDelta(knex, {
						customer: o.customer,
						orders: 1,
						spent: 1000,
						gainedPurchaseAt: o.ordered_at,
						lostPurchaseAt: null,
					}),
				),
			);
			lost.push(
				await us(() =>
					code.applyStatsDelta(
						knex,
						{ customer: o.customer, orders: -1, spent: -1000, gainedPurchaseAt: null, lostPurchaseAt: o.ordered_at },
						[-1],
					),
				),
			);
		};
		await run();
		if (i < 20) [plain, gained, lost].forEach((list) => list.pop()); // first 20 are warm-up
	}
	const plainUs = median(plain);
	return { calls: plain.length, plainUs, gainedUs: median(gained), lostUs: median(lost) };
}
