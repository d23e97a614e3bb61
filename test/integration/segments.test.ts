// Segments on a real Directus: rules validated on save with a path to the bad node, preview, set-wise refresh with
// membership history, events, and the same answers as Directus's own filters.
import { createItem, customEndpoint, deleteItems, readItems, updateItem } from '@directus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../seed/load-demo.ts';
import { bootCrm, type CrmInstance } from '../harness/crm.ts';

let crm: CrmInstance;
const now = new Date();
const repeatBuyers = { all: [{ type: 'orders', metric: 'count', op: 'gte', value: 3, window: { lastDays: 3650 } }] };

beforeAll(async () => {
	crm = await bootCrm('segments');
	await loadDemoData(crm.client, { now, customers: 40, seed: 11, log: () => {} });
});
afterAll(async () => {
	await crm?.stop();
});

const refresh = (id: number) =>
	crm.client.request(customEndpoint({ path: `/crm/segments/${id}/refresh`, method: 'POST' })) as Promise<{
		members: number;
		entered: number;
		left: number;
	}>;
const members = async (segment: number) =>
	(
		(await crm.client.request(
			readItems(
				'crm_segment_members' as never,
				{ filter: { segment: { _eq: segment }, left_at: { _null: true } }, fields: ['customer'], limit: -1 } as never,
			),
		)) as { customer: number }[]
	)
		.map((m) => Number(m.customer))
		.sort((a, b) => a - b);

describe('segments', () => {
	it('rejects an invalid rule on save with the path to the bad node, and saves nothing', async () => {
		const bad = {
			all: [
				{ type: 'orders', metric: 'count', op: 'gte', value: 3 },
				{ any: [{ type: 'field', field: 'shoe_size', op: 'eq', value: 1 }] },
			],
		};
		const error = await crm.client
			.request(createItem('crm_segments' as never, { name: 'Broken', kind: 'dynamic', rule: bad } as never))
			.catch((e) => e);
		expect(error.response?.status).toBe(400);
		expect(JSON.stringify(error.errors)).toContain('rule.all[1].any[0].field');
		expect(
			await crm.client.request(readItems('crm_segments' as never, { filter: { name: { _eq: 'Broken' } } } as never)),
		).toEqual([]);
	});

	it('previews a rule without saving: count and sample', async () => {
		const preview = (await crm.client.request(
			customEndpoint({ path: '/crm/segments/preview', method: 'POST', body: JSON.stringify({ rule: repeatBuyers }) }),
		)) as { count: number; sample: { id: number }[] };
		const expected = (await crm.client.request(
			readItems('crm_customers' as never, { filter: { order_count: { _gte: 3 } }, fields: ['id'], limit: -1 } as never),
		)) as { id: number }[];
		expect(preview.count).toBe(expected.length);
		expect(preview.sample.length).toBe(Math.min(20, expected.length));
	});

	it('refreshes membership set-wise, matching Directus filters, and keeps history when customers leave', async () => {
		const segment = await crm.client.request(
			createItem(
				'crm_segments' as never,
				{ name: 'Repeat buyers', kind: 'dynamic', rule: repeatBuyers, refresh: 'manual' } as never,
			),
		);
		const first = await refresh(segment.id);
		const expected = (
			(await crm.client.request(
				readItems(
					'crm_customers' as never,
					{ filter: { order_count: { _gte: 3 } }, fields: ['id'], limit: -1 } as never,
				),
			)) as { id: number }[]
		)
			.map((c) => Number(c.id))
			.sort((a, b) => a - b);
		expect(expected.length).toBeGreaterThan(5);
		expect(first).toMatchObject({ members: expected.length, entered: expected.length, left: 0 });
		expect(await members(segment.id)).toEqual(expected);

		expect(await refresh(segment.id)).toMatchObject({ members: expected.length, entered: 0, left: 0 });

		// Refund all of one member's orders: they drop out, and their membership row keeps its dates.
		const leaver = expected[0];
		const orders = (await crm.client.request(
			readItems('crm_orders' as never, { filter: { customer: { _eq: leaver } }, fields: ['id'], limit: -1 } as never),
		)) as { id: number }[];
		for (const order of orders)
			await crm.client.request(updateItem('crm_orders' as never, order.id, { status: 'refunded' } as never));
		// The incremental path takes the customer out right away; a full refresh then finds nothing left to fix.
		await expect.poll(() => members(segment.id), { timeout: 15_000 }).not.toContain(leaver);
		expect(await refresh(segment.id)).toMatchObject({ members: expected.length - 1, entered: 0, left: 0 });
		// Deleted orders are not handled incrementally: the full refresh is the safety net that catches the exit.
		const second = expected[1];
		const secondOrders = (await crm.client.request(
			readItems('crm_orders' as never, { filter: { customer: { _eq: second } }, fields: ['id'], limit: -1 } as never),
		)) as { id: number }[];
		await crm.client.request(
			deleteItems(
				'crm_orders' as never,
				secondOrders.map((o) => o.id),
			),
		);
		expect(await members(segment.id)).toContain(second);
		expect(await refresh(segment.id)).toMatchObject({ members: expected.length - 2, entered: 0, left: 1 });
		expect(await members(segment.id)).not.toContain(second);
		const history = (await crm.client.request(
			readItems(
				'crm_segment_members' as never,
				{
					filter: { segment: { _eq: segment.id }, customer: { _eq: leaver } },
					fields: ['entered_at', 'left_at'],
				} as never,
			),
		)) as { entered_at: string; left_at: string | null }[];
		expect(history).toHaveLength(1);
		expect(history[0].left_at).not.toBeNull();
		const [saved] = (await crm.client.request(
			readItems('crm_segments' as never, { filter: { id: { _eq: segment.id } }, fields: ['member_count'] } as never),
		)) as { member_count: number }[];
		expect(saved.member_count).toBe(expected.length - 2);
	});

	it('refuses a rule that refers to its own segment (cycle)', async () => {
		const a = await crm.client.request(
			createItem('crm_segments' as never, { name: 'A', kind: 'dynamic', rule: repeatBuyers } as never),
		);
		const b = await crm.client.request(
			createItem(
				'crm_segments' as never,
				{ name: 'B', kind: 'dynamic', rule: { type: 'segment', segment: a.id } } as never,
			),
		);
		const error = await crm.client
			.request(updateItem('crm_segments' as never, a.id, { rule: { type: 'segment', segment: b.id } } as never))
			.catch((e) => e);
		expect(error.response?.status).toBe(400);
		expect(JSON.stringify(error.errors)).toMatch(/cycle/);
	});

	it("updates membership incrementally when one customer's orders change (no full refresh)", async () => {
		const segment = await crm.client.request(
			createItem(
				'crm_segments' as never,
				{
					name: 'Big spenders',
					kind: 'dynamic',
					refresh: 'manual',
					rule: { type: 'orders', metric: 'sum', op: 'gte', value: 1000000 },
				} as never,
			),
		);
		await refresh(segment.id);
		const customer = await crm.client.request(createItem('crm_customers' as never, { full_name: '최하은' } as never));
		const order = await crm.client.request(
			createItem(
				'crm_orders' as never,
				{ customer: customer.id, status: 'paid', total: 1500000, ordered_at: new Date().toISOString() } as never,
			),
		);
		// Action hooks run after the response: wait for the change to land.
		await expect.poll(() => members(segment.id), { timeout: 15_000 }).toContain(customer.id);
		await crm.client.request(updateItem('crm_orders' as never, order.id, { status: 'refunded' } as never));
		await expect.poll(() => members(segment.id), { timeout: 15_000 }).not.toContain(customer.id);
		const [saved] = (await crm.client.request(
			readItems('crm_segments' as never, { filter: { id: { _eq: segment.id } }, fields: ['member_count'] } as never),
		)) as { member_count: number }[];
		expect(saved.member_count).toBe((await members(segment.id)).length);
	});
});
