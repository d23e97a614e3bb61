// Issue #15 part B on PostgreSQL, where the database itself refuses what SQLite stores: NUL in text and numbers beyond
// a column's range. Each is refused by the CRM first with a 400 naming the field (never PostgreSQL's 500), and
// nothing is written.
import { aggregate, createItem } from '@directus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootCrm, type CrmInstance } from '../harness/crm.ts';
import { eventsApiToken, postEvents } from './events-api-helpers.ts';

let crm: CrmInstance;
let token: string;
let eventsToken: string;
let customer: number;

beforeAll(async () => {
	crm = await bootCrm('input-bounds-pg', { db: 'postgres' });
	token = (await crm.client.getToken()) as string;
	eventsToken = await eventsApiToken(crm, 'input-bounds-pg-events');
	customer = (
		(await crm.client.request(
			createItem('crm_customers' as never, { full_name: '경계 고객', email: 'bounds-pg@example.kr' } as never),
		)) as { id: number }
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

async function send(method: string, path: string, body: unknown) {
	const response = await fetch(`${crm.url}${path}`, {
		method,
		headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	const json = (await response.json().catch(() => null)) as { errors?: { message: string }[] } | null;
	return { status: response.status, message: json?.errors?.[0]?.message ?? '' };
}

describe('input bounds on PostgreSQL', () => {
	it('NUL and other C0 controls in event text: a 400 naming the field, not a database error (finding 13)', async () => {
		const before = await count('crm_customers');
		for (const [key, name] of [
			['pg-nul', '김\u0000민준'],
			['pg-esc', '김\u001b민준'],
		]) {
			const answer = await postEvents(crm.url, eventsToken, {
				type: 'customer.upsert',
				idempotency_key: key,
				data: { external_id: key, full_name: name },
			});
			expect(answer.status).toBe(400);
			expect(answer.body.data![0].errors![0]).toMatchObject({ path: 'data.full_name' });
		}
		expect(await count('crm_customers')).toBe(before);
	});

	it('numbers beyond the columns: refused in rules, orders and settings before PostgreSQL sees them (findings 6, 11, 15)', async () => {
		const rule = { type: 'field', field: 'order_count', op: 'gt', value: 1e300 };
		const preview = await send('POST', '/crm/segments/preview', { rule });
		expect(preview.status).toBe(400);
		expect(preview.message).toMatch(/value/);
		const forever = await send('POST', '/crm/segments/preview', {
			rule: { type: 'orders', metric: 'count', op: 'gte', value: 1, window: { lastDays: 1e300 } },
		});
		expect(forever.status).toBe(400);
		const before = await count('crm_orders');
		const order = await send('POST', '/items/crm_orders', {
			customer,
			ordered_at: '2026-02-01T10:00:00Z',
			status: 'paid',
			total: 0,
			lines: [{ kind: 'product', product_name: 'x', quantity: 1, line_total: 1e18 }],
		});
		expect(order.status).toBe(400);
		expect(order.message).toMatch(/lines\[0\]\.line_total/);
		expect(await count('crm_orders')).toBe(before);
		const days = await send('PATCH', '/items/crm_settings', { survey_link_days: 1e12 });
		expect(days.status).toBe(400);
		expect(days.message).toMatch(/survey_link_days/);
	});
});
