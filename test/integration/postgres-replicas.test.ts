// Production topology, natively: PostgreSQL + Redis + two Directus processes with the CRM (as docker-compose.yml runs it).
import { createItem, customEndpoint, readItem, readItems, updateItem } from '@directus/sdk';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminClientWithLogin } from '../../scripts/lib/admin-client.ts';
import { directusCli, startDirectus, type RunningDirectus } from '../../scripts/lib/directus-process.ts';
import { installCrm } from '../../scripts/lib/install-crm.ts';
import { ADMIN, bootCrm, freePort, type CrmInstance } from '../harness/crm.ts';
import { startRedis, type RunningRedis } from '../harness/redis.ts';

let primary: CrmInstance;
let redis: RunningRedis;
let replica: RunningDirectus;

beforeAll(async () => {
	const redisDir = resolve(process.cwd(), '.tmp/test', `redis-${process.pid}`);
	redis = await startRedis(redisDir, await freePort());
	const shared = {
		REDIS: redis.url,
		REDIS_ENABLED: 'true',
		SYNCHRONIZATION_STORE: 'redis',
		CACHE_STORE: 'redis',
		CACHE_ENABLED: 'true',
		CACHE_AUTO_PURGE: 'true',
		MESSENGER_STORE: 'redis',
	};
	primary = await bootCrm('pg', { db: 'postgres', env: shared });
	replica = await startDirectus(
		{ ...primary.env, PORT: String(await freePort()) },
		{ logFile: resolve(primary.dir, 'replica.log') },
	);
});
afterAll(async () => {
	await replica?.stop();
	await primary?.stop();
	await redis?.stop();
});

describe('CRM on PostgreSQL with Redis and two Directus replicas', () => {
	it('both replicas report a healthy CRM on PostgreSQL', async () => {
		for (const url of [primary.url, replica.url]) {
			const health = await (await fetch(`${url}/crm/health`)).json();
			expect(health).toMatchObject({ status: 'ok', database: 'pg', schema: { applied: '5' } });
		}
	});

	it('the snapshot is idempotent on PostgreSQL', async () => {
		const result = await directusCli(
			['schema', 'apply', '--yes', resolve(process.cwd(), 'snapshots/crm.postgres.json')],
			primary.env,
			{ quiet: true },
		);
		expect(result.code).toBe(0);
		expect(result.output).toContain('No changes to apply');
		const lines: string[] = [];
		await installCrm(primary.client, primary.url, (line) => lines.push(line));
		expect(lines).toEqual([]);
	});

	it('orders sent to both replicas concurrently keep exact customer stats', async () => {
		const onReplica = await adminClientWithLogin(replica.url, ADMIN.email, ADMIN.password);
		const customer = await primary.client.request(
			createItem('crm_customers' as never, { full_name: '박지우', email: 'jiwoo@example.kr' } as never),
		);
		const orders = Array.from({ length: 20 }, (_, i) => ({
			customer: customer.id,
			status: 'paid',
			total: 1000 + i,
			ordered_at: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
		}));
		await Promise.all(
			orders.map((order, i) =>
				(i % 2 ? onReplica : primary.client).request(createItem('crm_orders' as never, order as never)),
			),
		);
		for (const client of [primary.client, onReplica]) {
			const row = (await client.request(
				readItem('crm_customers' as never, customer.id, {
					fields: ['order_count', 'total_spent', 'last_order_at'],
				} as never),
			)) as Record<string, unknown>;
			expect(row.order_count).toBe(20);
			expect(Number(row.total_spent)).toBe(orders.reduce((sum, o) => sum + o.total, 0));
			expect(new Date(row.last_order_at as string).toISOString()).toBe('2026-01-20T00:00:00.000Z');
		}
	});

	it('refreshes a segment and RFM scores on PostgreSQL', async () => {
		const segment = await primary.client.request(
			createItem(
				'crm_segments' as never,
				{
					name: 'Ten or more',
					kind: 'dynamic',
					rule: { type: 'orders', metric: 'count', op: 'gte', value: 10 },
				} as never,
			),
		);
		const refreshed = (await primary.client.request(
			customEndpoint({ path: `/crm/segments/${segment.id}/refresh`, method: 'POST' }),
		)) as { members: number; entered: number };
		expect(refreshed).toMatchObject({ members: 1, entered: 1 });
		const again = (await primary.client.request(
			customEndpoint({ path: `/crm/segments/${segment.id}/refresh`, method: 'POST' }),
		)) as { members: number; entered: number };
		expect(again).toMatchObject({ members: 1, entered: 0 });
		const rfm = (await primary.client.request(
			customEndpoint({ path: '/crm/rfm/refresh', method: 'POST', body: JSON.stringify({ windowDays: 3650 }) }),
		)) as { cells: Record<string, number> };
		expect(Object.values(rfm.cells).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
		const grid = (await primary.client.request(customEndpoint({ path: '/crm/rfm/grid', method: 'GET' }))) as {
			cells: { customers: number }[];
			unscored: number;
		};
		expect(grid.cells).toHaveLength(25);
		expect(grid.cells.reduce((sum, cell) => sum + cell.customers, 0) + grid.unscored).toBe(
			Object.values(rfm.cells).reduce((a, b) => a + b, 0),
		);
	});

	const ledgerOf = async (customer: number) =>
		(await primary.client.request(
			readItems('crm_points_ledger' as never, { filter: { customer: { _eq: customer } }, limit: -1 } as never),
		)) as { kind: string; points: number; order: number | null }[];
	const settled = async (orderIds: number[], timeoutMs = 20_000) => {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			const pending = (await primary.client.request(
				readItems(
					'crm_orders' as never,
					{ filter: { id: { _in: orderIds }, points_pending: { _eq: true } }, fields: ['id'] } as never,
				),
			)) as unknown[];
			if (!pending.length) return;
			await new Promise((r) => setTimeout(r, 200));
		}
		throw new Error('orders were not settled in time');
	};
	const line = (total: number) => [
		{ kind: 'product', product_name: 'Item', quantity: 1, unit_price: total, line_total: total },
	];

	it('orders and the same refund sent to both replicas keep the points ledger exact', async () => {
		const onReplica = await adminClientWithLogin(replica.url, ADMIN.email, ADMIN.password);
		const customer = await primary.client.request(
			createItem('crm_customers' as never, { full_name: '이도윤' } as never),
		);
		const created = (await Promise.all(
			Array.from({ length: 20 }, (_, i) =>
				(i % 2 ? onReplica : primary.client).request(
					createItem(
						'crm_orders' as never,
						{
							customer: customer.id,
							status: 'paid',
							total: 10_000,
							ordered_at: new Date(Date.now() - i * 60_000).toISOString(),
							lines: line(10_000),
						} as never,
					),
				),
			),
		)) as { id: number }[];
		await settled(created.map((order) => order.id));
		const earned = (await ledgerOf(customer.id)).filter((row) => row.kind === 'earn');
		expect(earned.filter((row) => row.points === 100)).toHaveLength(20);
		expect(earned).toHaveLength(21); // + one first-purchase bonus

		const target = created[3].id;
		await Promise.all(
			[primary.client, onReplica, primary.client, onReplica].map((client) =>
				client.request(updateItem('crm_orders' as never, target, { status: 'refunded' } as never)),
			),
		);
		await settled([target]);
		const rows = await ledgerOf(customer.id);
		expect(rows.filter((row) => row.kind === 'reverse').map((row) => row.points)).toEqual([-100]);
		const balance = (await primary.client.request(
			readItem('crm_customers' as never, customer.id, { fields: ['points_balance'] } as never),
		)) as { points_balance: number };
		expect(balance.points_balance).toBe(rows.reduce((sum, row) => sum + row.points, 0));
	});

	it('an order whose replica is killed (SIGKILL) right after saving it is settled once by the survivor', async () => {
		const onReplica = await adminClientWithLogin(replica.url, ADMIN.email, ADMIN.password);
		const customer = await primary.client.request(
			createItem('crm_customers' as never, { full_name: '최하준' } as never),
		);
		const orders = (await Promise.all(
			Array.from({ length: 5 }, (_, i) =>
				onReplica.request(
					createItem(
						'crm_orders' as never,
						{
							customer: customer.id,
							status: 'paid',
							total: 20_000,
							ordered_at: new Date(Date.now() - i * 60_000).toISOString(),
							lines: line(20_000),
						} as never,
					),
				),
			),
		)) as { id: number }[];
		await replica.kill();
		// The survivor's one-minute sweeper settles whatever the killed process left pending.
		await settled(
			orders.map((order) => order.id),
			150_000,
		);
		const rows = await ledgerOf(customer.id);
		expect(rows.filter((row) => row.kind === 'earn' && row.points === 200)).toHaveLength(5);
		expect(rows.filter((row) => row.kind === 'earn')).toHaveLength(6);
		expect(await primary.client.request(customEndpoint({ path: '/crm/loyalty/reconcile', method: 'GET' }))).toEqual({
			ok: true,
			drift: [],
		});
	}, 200_000);
});
