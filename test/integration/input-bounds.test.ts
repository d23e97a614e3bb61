// Issue #15 part B on a real Directus (SQLite): every hostile input of the findings is a 4xx naming the field, never a
// 500, writes nothing, and leaves the server answering /server/ping within a second while it is processed.
import { aggregate, createItem, readItems, readSingleton, updateSingleton } from '@directus/sdk';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootCrm, directDatabase, type CrmInstance } from '../harness/crm.ts';
import { eventsApiToken, postEvents } from './events-api-helpers.ts';

let crm: CrmInstance;
let token: string;
let eventsToken: string;
let customer: number;

beforeAll(async () => {
	crm = await bootCrm('input-bounds');
	token = (await crm.client.getToken()) as string;
	eventsToken = await eventsApiToken(crm, 'input-bounds-events');
	customer = (
		(await crm.client.request(
			createItem('crm_customers' as never, { full_name: '경계 고객', email: 'bounds@example.kr' } as never),
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
		body: typeof body === 'string' ? body : JSON.stringify(body),
	});
	return {
		status: response.status,
		body: (await response.json().catch(() => null)) as { errors?: { message: string }[] },
	};
}

/** Sends `body` while pinging the server; the ping must answer within a second (the event loop is not blocked). */
async function sendWhilePinging(method: string, path: string, body: unknown) {
	const request = send(method, path, body);
	const started = Date.now();
	const ping = await fetch(`${crm.url}/server/ping`);
	const pingMs = Date.now() - started;
	expect(ping.status).toBe(200);
	expect(pingMs, `${path}: /server/ping took ${pingMs} ms`).toBeLessThan(1000);
	return request;
}

const message = (answer: { body: { errors?: { message: string }[] } }) => answer.body?.errors?.[0]?.message ?? '';

describe('crm_settings validated on save (finding 11)', () => {
	const fields = ['timezone', 'survey_link_days', 'quiet_hours_start', 'nps_low_threshold', 'points_expiry_days'];
	const settings = async () =>
		JSON.stringify(await crm.client.request(readSingleton('crm_settings' as never, { fields } as never)));

	it('refuses an unknown zone, 1e9 days, 25:99 and "abc" with a 400 naming each field, and changes nothing', async () => {
		const before = await settings();
		for (const [patch, field] of [
			[{ timezone: 'Mars/Olympus_Mons' }, 'timezone'],
			[{ survey_link_days: 1e9 }, 'survey_link_days'],
			[{ quiet_hours_start: '25:99' }, 'quiet_hours_start'],
			[{ nps_low_threshold: 'abc' }, 'nps_low_threshold'],
			[{ points_expiry_days: -1, timezone: 'UTC' }, 'points_expiry_days'],
		] as const) {
			const answer = await send('PATCH', '/items/crm_settings', patch);
			expect(answer.status, JSON.stringify(patch)).toBe(400);
			expect(message(answer)).toContain(`${field}: `);
			expect(message(answer)).toMatch(/[가-힣]/);
		}
		expect(await settings()).toBe(before);
		await crm.client.request(
			updateSingleton('crm_settings' as never, { timezone: 'Asia/Seoul', survey_link_days: 14 } as never),
		);
		expect(JSON.parse(await settings())).toMatchObject({ timezone: 'Asia/Seoul', survey_link_days: 14 });
	});
});

describe('orders through the items API (finding 6)', () => {
	it('refuses total 0 with a 1e18 line, and lines added later beyond the total', async () => {
		const before = await Promise.all([count('crm_orders'), count('crm_order_lines')]);
		const at = '2026-02-01T10:00:00Z';
		const huge = await send('POST', '/items/crm_orders', {
			customer,
			ordered_at: at,
			status: 'paid',
			total: 0,
			lines: [{ kind: 'product', product_name: 'x', quantity: 1, unit_price: 1e18, line_total: 1e18 }],
		});
		expect(huge.status).toBe(400);
		expect(message(huge)).toMatch(/lines\[0\]\.(unit_price|line_total)/);
		const mismatch = await send('POST', '/items/crm_orders', {
			customer,
			ordered_at: at,
			status: 'paid',
			total: 0,
			lines: [{ kind: 'product', product_name: 'x', quantity: 1, line_total: 500_000 }],
		});
		expect(mismatch.status).toBe(400);
		expect(message(mismatch)).toMatch(/total: .*add up to 500000/);
		expect(await Promise.all([count('crm_orders'), count('crm_order_lines')])).toEqual(before);

		const ok = await send('POST', '/items/crm_orders', {
			customer,
			ordered_at: at,
			status: 'paid',
			total: 18_000,
			lines: [
				{ kind: 'product', product_name: '녹차', quantity: 1, line_total: 20_000 },
				{ kind: 'discount', product_name: '할인', quantity: 1, line_total: -5_000 },
				{ kind: 'shipping', product_name: '배송비', quantity: 1, line_total: 3_000 },
			],
		});
		expect(ok.status, message(ok)).toBe(200);
		const order = (ok.body as unknown as { data: { id: number } }).data.id;
		const later = await send('POST', '/items/crm_order_lines', {
			order,
			kind: 'product',
			product_name: 'y',
			quantity: 1,
			line_total: 1e9,
		});
		expect(later.status).toBe(400);
		expect(message(later)).toMatch(/total: .*more than the order total/);
		const lines = (await crm.client.request(
			readItems('crm_order_lines' as never, { filter: { order: { _eq: order } } } as never),
		)) as unknown[];
		expect(lines).toHaveLength(3);
	});
});

describe('hostile rules, templates and events: 4xx, nothing written, the server keeps answering', () => {
	const rule = {
		type: 'field',
		field: 'email',
		op: 'in',
		value: Array.from({ length: 40_000 }, (_, i) => `user${i}@example.kr`),
	};

	it('a 40,000-value rule, 1,100 children and lastDays 1e300: refused on save and in preview (findings 5, 15)', async () => {
		const before = await count('crm_segments');
		const wide = {
			any: Array.from({ length: 1100 }, () => ({ type: 'field', field: 'stage', op: 'eq', value: 'customer' })),
		};
		const forever = { type: 'orders', metric: 'count', op: 'gte', value: 1, window: { lastDays: 1e300 } };
		for (const hostile of [rule, wide, forever]) {
			const saved = await sendWhilePinging('POST', '/items/crm_segments', {
				name: 'hostile',
				kind: 'dynamic',
				rule: hostile,
			});
			expect(saved.status).toBe(400);
			expect(message(saved)).toMatch(/rule/);
			const preview = await sendWhilePinging('POST', '/crm/segments/preview', { rule: hostile });
			expect(preview.status).toBe(400);
		}
		const stage = await send('PATCH', '/items/crm_settings', { stage_rules: [{ stage: 'customer', rule: forever }] });
		expect(stage.status).toBe(400);
		expect(message(stage)).toMatch(/lastDays/);
		const followup = await send('POST', '/items/crm_followup_rules', {
			name: 'hostile',
			trigger: 'order_paid',
			action: 'task',
			condition: rule,
		});
		expect(followup.status).toBe(400);
		expect(await count('crm_segments')).toBe(before);
	});

	it('a 700 KB template and 3,000-deep nesting: refused with its line, the server keeps answering (finding 8)', async () => {
		const before = await count('crm_templates');
		const template = (body: string) => ({
			key: `t${body.length}`,
			name: 't',
			kind: 'email',
			purpose: 'service',
			subject: 's',
			body,
		});
		const huge = await sendWhilePinging('POST', '/items/crm_templates', template('{{first_name}} '.repeat(47_000)));
		expect(huge.status).toBe(400);
		expect(message(huge)).toMatch(/body: .*at most 100000/);
		const deep = `${'{{#if first_name}}'.repeat(3000)}x${'{{/if}}'.repeat(3000)}`;
		const nested = await sendWhilePinging('POST', '/items/crm_templates', template(deep));
		expect(nested.status).toBe(400);
		expect(message(nested)).toMatch(/nested deeper than 20/);
		expect(await count('crm_templates')).toBe(before);
	});

	it('events API: constructor/__proto__ fields and NUL refused, nothing stored (finding 13)', async () => {
		const before = await count('crm_customers');
		const proto = await postEvents(
			crm.url,
			eventsToken,
			'{"type":"customer.upsert","idempotency_key":"proto-1","data":{"external_id":"P-1","constructor":1,"__proto__":{"x":1}}}',
		);
		expect(proto.status).toBe(400);
		expect(proto.body.data![0].errors!.map((e) => e.path)).toEqual(['data.constructor', 'data.__proto__']);
		const nul = await postEvents(crm.url, eventsToken, {
			type: 'customer.upsert',
			idempotency_key: 'nul-1',
			data: { external_id: 'N-1', full_name: '김\u0000민준' },
		});
		expect(nul.status).toBe(400);
		expect(nul.body.data![0].errors![0].path).toBe('data.full_name');
		expect(await count('crm_customers')).toBe(before);
	});
});

describe('CSV import preview (findings 10, 16)', () => {
	type Preview = {
		data: {
			rows: number;
			mapping: Record<string, string>;
			valid_rows: number;
			warnings: { encoding: { en: string; ko: string } | null; formula_cells: number };
			events: { data: Record<string, unknown> }[];
		};
	};
	const preview = async (csv: string) => {
		const answer = await send('POST', '/crm/import/preview', { kind: 'customers', csv });
		return { status: answer.status, data: (answer.body as unknown as Preview).data, message: message(answer) };
	};

	it('ignores headers named constructor, toString and __proto__ instead of a 500', async () => {
		const answer = await preview('constructor,toString,__proto__,이름,email\na,b,c,김민준,kim@example.kr\n');
		expect(answer.status, answer.message).toBe(200);
		expect(answer.data.mapping).toEqual({ 이름: 'full_name', email: 'email' });
		expect(answer.data.valid_rows).toBe(1);
	});

	it('previews 50,000 rows on SQLite (look-ups chunked under the variable limit)', async () => {
		const rows = Array.from({ length: 50_000 }, (_, i) => `u${i}@e.kr`);
		const answer = await preview(`email\n${rows.join('\n')}\n`);
		expect(answer.status, answer.message).toBe(200);
		expect(answer.data.rows).toBe(50_000);
	});

	it('gives formula cells a leading apostrophe and flags U+FFFD (EUC-KR read as UTF-8)', async () => {
		const answer = await preview(
			'이름,email\n"=HYPERLINK(""http://x"",""y"")",f@example.kr\n\uFFFD\uFFFD,g@example.kr\n',
		);
		expect(answer.status, answer.message).toBe(200);
		expect(answer.data.events[0].data.full_name).toBe(`'=HYPERLINK("http://x","y")`);
		expect(answer.data.warnings.formula_cells).toBe(1);
		expect(answer.data.warnings.encoding?.ko).toMatch(/UTF-8/);
	});
});

describe('failure isolation (finding 5)', () => {
	it('a segment whose rule fails to compile never stops the next one; its failure is kept on it, without SQL', async () => {
		const db = await directDatabase(crm);
		try {
			const now = Date.now();
			// Saved before the bounds existed (straight into the database): a 1e300-day window no longer compiles.
			const [bad] = await db('crm_segments')
				.insert({
					name: 'old bad rule',
					kind: 'dynamic',
					status: 'active',
					refresh: 'nightly',
					member_count: 0,
					rule: JSON.stringify({ type: 'orders', metric: 'count', op: 'gte', value: 1, window: { lastDays: 1e300 } }),
					date_created: now,
				})
				.returning('id');
			const badId = Number(typeof bad === 'object' ? bad.id : bad);
			const good = (
				(await crm.client.request(
					createItem(
						'crm_segments' as never,
						{
							name: 'buyers',
							kind: 'dynamic',
							rule: { type: 'orders', metric: 'count', op: 'gte', value: 1 },
						} as never,
					),
				)) as { id: number }
			).id;
			const buyer = (
				(await crm.client.request(
					createItem('crm_customers' as never, { full_name: '격리 고객', email: 'isolation@example.kr' } as never),
				)) as { id: number }
			).id;
			const order = await send('POST', '/items/crm_orders', {
				customer: buyer,
				ordered_at: '2026-02-02T10:00:00Z',
				status: 'paid',
				total: 10_000,
				lines: [{ kind: 'product', product_name: '녹차', quantity: 1, line_total: 10_000 }],
			});
			expect(order.status, message(order)).toBe(200);
			// The per-customer evaluation runs after the write (an action hook): wait for its result.
			let member: unknown;
			let badRow: { last_error: string | null } | undefined;
			for (let attempt = 0; attempt < 100 && !(member && badRow?.last_error); attempt++) {
				member = await db('crm_segment_members')
					.first('id')
					.where({ segment: good, customer: buyer })
					.whereNull('left_at');
				badRow = await db('crm_segments').first('last_error').where('id', badId);
				if (!(member && badRow?.last_error)) await new Promise((resolve) => setTimeout(resolve, 100));
			}
			expect(member, 'the good segment was still evaluated').toBeTruthy();
			expect(badRow?.last_error).toMatch(/lastDays/);
			expect(badRow?.last_error).not.toMatch(/select|isolation@example\.kr/i);
			// Logged with the segment's id and the reason, never the statement with its bound values.
			const log = readFileSync(resolve(crm.dir, 'directus.log'), 'utf8');
			expect(log).toContain(`crm: segment ${badId} evaluation of customer ${buyer} failed`);
			expect(log).not.toContain('isolation@example.kr');
		} finally {
			await db.destroy();
		}
	});
});
