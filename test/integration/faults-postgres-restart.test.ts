// PostgreSQL restarted under load (PostgreSQL + Redis + two Directus processes): while two clients stream paid orders
// through POST /crm/events, PostgreSQL is shut down (fast) and started again on the same data directory. Requests fail
// with a clean 5xx while it is down (no hang), both processes recover without a restart, the client resends what failed
// with the same idempotency keys, and the database ends exact: every order once, customer stats and the points ledger
// matching the orders, nothing left pending.
import { customEndpoint } from '@directus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootReplicas, type Replicas } from '../harness/replicas.ts';
import { eventsApiToken, postEvents } from './events-api-helpers.ts';

let stack: Replicas;
let token: string;
const CUSTOMERS = ['FR-1', 'FR-2', 'FR-3', 'FR-4'];
/** A request answered by neither a status nor an error within this long counts as hung (the assertion is that none is). */
const CLIENT_TIMEOUT_MS = 30_000;

beforeAll(async () => {
	stack = await bootReplicas('faults-pg-restart');
	token = await eventsApiToken(stack.primary, 'faults-pg-restart-token');
	for (const [i, externalId] of CUSTOMERS.entries()) {
		const reply = await postEvents(stack.primary.url, token, {
			type: 'customer.upsert',
			idempotency_key: `fr-customer-${i}`,
			data: { external_id: externalId, full_name: `고객 ${i + 1}` },
		});
		expect(reply.status).toBe(201);
	}
});
afterAll(async () => {
	await stack?.stop();
});

interface SentOrder {
	key: string;
	externalId: string;
	customer: string;
	total: number;
	body: unknown;
}
type Answer =
	| { status: number; outcome?: string; order?: number; code?: string }
	| { failure: 'timeout' | 'network'; message: string };
type Phase = 'before' | 'halting' | 'down' | 'resuming' | 'after';
interface Attempt {
	key: string;
	lane: number;
	phase: Phase;
	answer: Answer;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ok = (answer: Answer) => 'status' in answer && (answer.status === 200 || answer.status === 201);

function orderEvent(n: number): SentOrder {
	const total = 1000 * (1 + (n % 7));
	const customer = CUSTOMERS[n % CUSTOMERS.length];
	const externalId = `FR-O${n}`;
	const data = {
		external_id: externalId,
		customer: { external_id: customer },
		ordered_at: new Date(Date.now() - n * 1000).toISOString(),
		total,
		lines: [{ product_name: '머그컵', quantity: 1, unit_price: total }],
	};
	return {
		key: `fr-order-${n}`,
		externalId,
		customer,
		total,
		body: { type: 'order.paid', idempotency_key: `fr-order-${n}`, data },
	};
}

/** One POST with a client timeout; never throws, so the stream goes on whatever the server does. */
async function send(url: string, body: unknown): Promise<Answer> {
	try {
		const res = await fetch(`${url}/crm/events`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
			body: JSON.stringify(body),
			signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
		});
		const json = (await res.json().catch(() => ({}))) as {
			data?: { status: string; result?: { order?: number } }[];
			errors?: { extensions?: { code?: string } }[];
		};
		return {
			status: res.status,
			outcome: json.data?.[0]?.status,
			order: json.data?.[0]?.result?.order,
			code: json.errors?.[0]?.extensions?.code,
		};
	} catch (error) {
		const e = error as Error;
		return {
			failure: e.name === 'TimeoutError' ? 'timeout' : 'network',
			message: `${e.message} ${String((e as { cause?: unknown }).cause ?? '')}`,
		};
	}
}

const waitUntil = async (check: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000) => {
	const deadline = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await sleep(100);
	}
};

describe('PostgreSQL restarted under load (two replicas, Redis)', () => {
	it('fails cleanly while PostgreSQL is down, recovers without a Directus restart, and loses or doubles nothing', async () => {
		const urls = [stack.primary.url, stack.replica.url];
		const sent = new Map<string, SentOrder>();
		const attempts: Attempt[] = [];
		let phase: Phase = 'before';
		let next = 0;
		let streaming = true;
		const successes = (p: Phase, lane?: number) =>
			attempts.filter((a) => a.phase === p && (lane === undefined || a.lane === lane) && ok(a.answer)).length;

		// Two lanes, one per Directus process, each sending a new order every ~50 ms until told to stop.
		const lane = async (index: number) => {
			while (streaming) {
				const order = orderEvent(next++);
				sent.set(order.key, order);
				const at = phase;
				attempts.push({ key: order.key, lane: index, phase: at, answer: await send(urls[index], order.body) });
				await sleep(50);
			}
		};
		const lanes = [lane(0), lane(1)];

		await waitUntil(() => successes('before') >= 12, '12 orders before the outage');
		phase = 'halting';
		await stack.primary.postgres!.halt();
		phase = 'down';
		await waitUntil(() => attempts.filter((a) => a.phase === 'down').length >= 6, 'requests during the outage');
		phase = 'resuming';
		await stack.primary.postgres!.resume();
		phase = 'after';
		// Directus recovers by itself: both processes accept orders again.
		await waitUntil(
			() => successes('after', 0) >= 6 && successes('after', 1) >= 6,
			'orders on both processes after the restart',
		);
		streaming = false;
		await Promise.all(lanes);

		// While PostgreSQL was down every request was answered, with a clean 5xx and a JSON error; none hung.
		const down = attempts.filter((a) => a.phase === 'down');
		expect(down.length).toBeGreaterThanOrEqual(6);
		for (const attempt of down) {
			expect(attempt.answer).toMatchObject({ status: expect.any(Number) });
			expect((attempt.answer as { status: number }).status).toBeGreaterThanOrEqual(500);
			expect((attempt.answer as { code?: string }).code).toBeTruthy();
		}
		expect(attempts.filter((a) => 'failure' in a.answer)).toEqual([]);
		for (const process of [stack.primary.directus, stack.replica]) expect(process.child.exitCode).toBeNull();
		for (const url of urls)
			expect(await (await fetch(`${url}/crm/health`)).json()).toMatchObject({ status: 'ok', database: 'pg' });

		// The client resends every order whose answer it did not get, with the same idempotency key.
		const settledKeys = new Set(attempts.filter((a) => ok(a.answer)).map((a) => a.key));
		const retried = [...sent.keys()].filter((key) => !settledKeys.has(key));
		expect(retried.length).toBeGreaterThanOrEqual(down.length);
		for (const [i, key] of retried.entries()) {
			let answer: Answer = { failure: 'network', message: 'not sent' };
			for (let round = 0; round < 20 && !ok(answer); round++) {
				answer = await send(urls[i % 2], sent.get(key)!.body);
				if (!ok(answer)) await sleep(250);
			}
			expect(answer).toMatchObject({ status: expect.any(Number) });
			expect(['processed', 'replayed']).toContain((answer as { outcome: string }).outcome);
		}

		// Every order exactly once, each key journalled once as processed.
		const { db } = stack;
		const externalIds = [...sent.values()].map((order) => order.externalId);
		const orders = await db('crm_orders')
			.select('id', 'external_id', 'customer', 'total', 'status')
			.whereIn('external_id', externalIds);
		expect(orders).toHaveLength(sent.size);
		expect(new Set(orders.map((order) => order.external_id)).size).toBe(sent.size);
		expect(orders.every((order) => order.status === 'paid')).toBe(true);
		const journal = await db('crm_events')
			.select('idempotency_key', 'status')
			.whereIn('idempotency_key', [...sent.keys()]);
		expect(journal).toHaveLength(sent.size);
		expect(journal.every((row) => row.status === 'processed')).toBe(true);

		// Customer stats match the orders the client sent.
		const customers = await db('crm_customers')
			.select('id', 'external_id', 'order_count', 'total_spent')
			.whereIn('external_id', CUSTOMERS)
			.orderBy('external_id');
		expect(
			customers.map((c) => ({
				external_id: c.external_id,
				order_count: Number(c.order_count),
				total_spent: Number(c.total_spent),
			})),
		).toEqual(
			CUSTOMERS.map((externalId) => {
				const mine = [...sent.values()].filter((order) => order.customer === externalId);
				return {
					external_id: externalId,
					order_count: mine.length,
					total_spent: mine.reduce((sum, order) => sum + order.total, 0),
				};
			}),
		);

		// Loyalty: orders left pending by the outage are settled by the one-minute sweeper; then one earn entry per
		// paid order, one first-purchase bonus per customer, balance = sum of the ledger.
		const ids = orders.map((order) => Number(order.id));
		await waitUntil(
			async () =>
				(await db('crm_orders').whereIn('id', ids).where('points_pending', true).count({ n: '*' }))[0].n === '0',
			'the sweeper to settle every order',
			150_000,
		);
		const ledger = await db('crm_points_ledger')
			.select('customer', 'order', 'kind', 'points', 'source_key')
			.whereIn(
				'customer',
				customers.map((c) => c.id),
			);
		const perOrder = new Map<number, number>();
		for (const row of ledger.filter((r) => r.kind === 'earn' && String(r.source_key).startsWith('earn:order:')))
			perOrder.set(Number(row.order), (perOrder.get(Number(row.order)) ?? 0) + 1);
		expect(ids.filter((id) => perOrder.get(id) !== 1)).toEqual([]);
		expect(ledger.filter((row) => row.order !== null && !ids.includes(Number(row.order)))).toEqual([]);
		expect(ledger.filter((row) => row.kind !== 'earn')).toEqual([]);
		expect(
			ledger
				.filter((row) => String(row.source_key).startsWith('bonus:first_purchase:'))
				.map((row) => Number(row.customer))
				.sort(),
		).toEqual(customers.map((c) => Number(c.id)).sort());
		for (const customer of customers) {
			const { points_balance } = await db('crm_customers').first('points_balance').where('id', customer.id);
			expect(Number(points_balance)).toBe(
				ledger.filter((row) => row.customer === customer.id).reduce((sum, row) => sum + Number(row.points), 0),
			);
		}
		expect(
			await stack.primary.client.request(customEndpoint({ path: '/crm/loyalty/reconcile', method: 'GET' })),
		).toEqual({ ok: true, drift: [] });
	}, 300_000);
});
