// Issue #15: the CRM enforces its own invariants against every writer (admins included): CRM-owned fields and
// append-only rows refused through the API, outbox rows only cancelled or requeued, advertising decided by the
// template at send time, the ledger computing from itself rather than the cached balance, previews without live links,
// money only with the right to it. One Directus (SQLite) and one SMTP sink for the whole file.
import { createItem, customEndpoint, deleteItem, readItem, updateItem, updateSingleton } from '@directus/sdk';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootCrm, directDatabase, userWithRole, type CrmInstance } from '../harness/crm.ts';
import { smtpEnv, startSmtpSink, type SmtpSink } from '../harness/smtp.ts';
import { followupHelpers, MINUTE, type Row } from './followups-helpers.ts';

let crm: CrmInstance;
let smtp: SmtpSink;
let db: Knex;
type Client = CrmInstance['client'];
let marketing: Client;
let sales: Client;
let events: Client;
const h = followupHelpers(() => crm);

beforeAll(async () => {
	smtp = await startSmtpSink();
	crm = await bootCrm('trust-boundaries', {
		env: { ...smtpEnv(smtp), PUBLIC_URL: 'https://crm.example.kr', CRM_TEST_CLOCK: '1' },
	});
	db = await directDatabase(crm);
	// Three app seats on the core tier: the admin, Marketing and Sales; the Events API role has no app access.
	marketing = (await userWithRole(crm.client, crm.url, 'CRM Marketing', 'trust-marketing')) as Client;
	sales = (await userWithRole(crm.client, crm.url, 'CRM Sales', 'trust-sales')) as Client;
	events = (await userWithRole(crm.client, crm.url, 'CRM Events API', 'trust-events')) as Client;
	await crm.client.request(
		updateSingleton(
			'crm_settings' as never,
			{
				timezone: 'Asia/Seoul',
				sender_name: '해오름상점',
				sender_email: 'hello@haeoreum.kr',
				sender_phone: '02-123-4567',
				sender_address: '서울시 중구 세종대로 1',
			} as never,
		),
	);
});
afterAll(async () => {
	await db?.destroy();
	await crm?.stop();
	await smtp?.stop();
});

/** The HTTP status and first error of a request that should fail (null when it succeeded). */
async function refusal(promise: Promise<unknown>) {
	try {
		await promise;
		return null;
	} catch (error) {
		const e = error as { response?: Response; errors?: { message: string; extensions?: Row }[] };
		return { status: e.response?.status ?? 0, message: e.errors?.map((x) => x.message).join('; ') ?? String(error) };
	}
}
const post = (client: Client, path: string, body: Row) =>
	client.request(customEndpoint({ path, method: 'POST', body: JSON.stringify(body) })) as Promise<Row>;

describe('CRM-owned fields (finding 2)', () => {
	it('refuses computed customer columns to every caller, admins included, and names the field', async () => {
		const c = await h.customer();
		const cases: [Client, Row][] = [
			[crm.client, { points_balance: 1_000_000 }],
			[crm.client, { tier: null, notes: 'x' }],
			[sales, { points_earned: 5 }],
			[sales, { order_count: 99, total_spent: 1e9 }],
			[sales, { rfm_cell: 'champions' }],
			[events, { predicted_clv: 1e9 }],
			[events, { points_balance: -5000 }],
		];
		for (const [client, body] of cases) {
			const refused = await refusal(client.request(updateItem('crm_customers' as never, c.id, body as never)));
			expect(refused, JSON.stringify(body)).toMatchObject({ status: 400 });
			expect(refused!.message).toContain(Object.keys(body)[0]);
		}
		const refusedCreate = await refusal(
			crm.client.request(createItem('crm_customers' as never, { full_name: 'x', points_balance: 50 } as never)),
		);
		expect(refusedCreate).toMatchObject({ status: 400 });
		const stored = (await crm.client.request(readItem('crm_customers' as never, c.id))) as Row;
		expect(stored).toMatchObject({ points_balance: 0, points_earned: 0, order_count: 0, notes: null });
		// What people own stays writable.
		await sales.request(updateItem('crm_customers' as never, c.id, { notes: '메모', stage: 'prospect' } as never));
		const order = await h.paidOrder(c.id);
		const refusedOrder = await refusal(
			crm.client.request(updateItem('crm_orders' as never, order.id, { points_pending: false } as never)),
		);
		expect(refusedOrder?.message).toContain('points_pending');
	});

	it('keeps the ledger and history append-only for everyone', async () => {
		const c = await h.customer();
		await post(crm.client, '/crm/loyalty/adjust', { customer: c.id, points: 100, reason: 'welcome' });
		const [lot] = await db('crm_points_ledger').select('id').where('customer', c.id);
		for (const attempt of [
			() => crm.client.request(updateItem('crm_points_ledger' as never, lot.id, { points: 100000 } as never)),
			() => crm.client.request(deleteItem('crm_points_ledger' as never, lot.id)),
			() =>
				crm.client.request(
					createItem('crm_history' as never, { customer: c.id, kind: 'consent', changed_at: new Date() } as never),
				),
		])
			expect(await refusal(attempt())).toMatchObject({ status: 400 });
		const [sum] = await db('crm_points_ledger').where('customer', c.id).sum({ s: 'points' });
		expect(Number(sum.s)).toBe(100);
	});

	it('earns from the ledger, not a corrupted cached balance: the lot stays spendable and the cache heals', async () => {
		const c = await h.customer();
		// A cached balance gone wrong (as a PATCH could make it before): -5,000 with an empty ledger.
		await db('crm_customers').where('id', c.id).update({ points_balance: -5000 });
		await post(crm.client, '/crm/loyalty/adjust', { customer: c.id, points: 700, reason: 'goodwill' });
		const [lot] = await db('crm_points_ledger').select('points', 'lot_remaining').where('customer', c.id);
		expect(Number(lot.lot_remaining)).toBe(700);
		const [row] = await db('crm_customers').select('points_balance').where('id', c.id);
		expect(Number(row.points_balance)).toBe(700);
		const redeemable = await post(crm.client, '/crm/loyalty/adjust', {
			customer: c.id,
			points: -700,
			reason: 'spent',
		});
		expect(redeemable).toBeTruthy();
		const lots = await db('crm_points_ledger').sum({ s: 'lot_remaining' }).where('customer', c.id);
		expect(Number(lots[0].s)).toBe(0);
	});
});

describe('outbox (finding 3)', () => {
	it('lets staff only cancel a scheduled row or requeue a failed one', async () => {
		const template = await h.template({ subject: '안내', body: '{{first_name}}님 안녕하세요' });
		const rule = await h.rule({ trigger: 'order_paid', delay_minutes: 60, template: template.id });
		const c = await h.customer();
		await h.paidOrder(c.id);
		const row = await h.outboxRow(c.id, rule.id);
		expect(row.status).toBe('scheduled');
		for (const body of [
			{ status: 'scheduled', marketing: false },
			{ due_at: new Date().toISOString() },
			{ body: 'x' },
		]) {
			const refused = await refusal(marketing.request(updateItem('crm_outbox' as never, row.id, body as never)));
			expect(refused, JSON.stringify(body)).toMatchObject({ status: 400 });
		}
		expect(
			await refusal(marketing.request(updateItem('crm_outbox' as never, row.id, { status: 'sent' } as never))),
		).toMatchObject({ status: 400 });
		expect(await refusal(crm.client.request(deleteItem('crm_outbox' as never, row.id)))).toMatchObject({
			status: 400,
		});
		expect(
			await refusal(
				crm.client.request(
					createItem(
						'crm_outbox' as never,
						{
							dedupe_key: 'forged',
							customer: c.id,
							channel: 'email',
							due_at: new Date().toISOString(),
						} as never,
					),
				),
			),
		).toMatchObject({ status: 400 });
		await marketing.request(updateItem('crm_outbox' as never, row.id, { status: 'cancelled' } as never));
		// A cancelled row stays cancelled; a failed one may be requeued.
		expect(
			await refusal(marketing.request(updateItem('crm_outbox' as never, row.id, { status: 'scheduled' } as never))),
		).toMatchObject({ status: 400 });
		await db('crm_outbox').where('id', row.id).update({ status: 'failed' });
		await marketing.request(updateItem('crm_outbox' as never, row.id, { status: 'scheduled' } as never));
		const [after] = await db('crm_outbox').select('status', 'marketing').where('id', row.id);
		expect(after.status).toBe('scheduled');
		await db('crm_outbox').where('id', row.id).update({ status: 'cancelled' });
		await h.archive(rule.id);
	});

	it("decides advertising from the template at send time, not from the row's flag", async () => {
		const template = await h.template({ subject: '할인', body: '{{first_name}}님 특가 안내' });
		const rule = await h.rule({ trigger: 'order_paid', delay_minutes: 0, template: template.id });
		const c = await h.customer({ consent_email: false });
		await h.paidOrder(c.id);
		const row = await h.outboxRow(c.id, rule.id);
		// The row says "not advertising" (as the PATCH in the report made it): consent must still be asked.
		await db('crm_outbox').where('id', row.id).update({ marketing: false, status: 'scheduled' });
		await h.dispatch(new Date(new Date(row.due_at).getTime() + MINUTE));
		const [after] = await db('crm_outbox').select('status', 'last_error').where('id', row.id);
		expect(after).toMatchObject({ status: 'cancelled', last_error: 'no consent to advertising by email' });
		expect(smtp.messages.filter((mail) => mail.to.includes(c.email))).toHaveLength(0);
		await h.archive(rule.id);
	});
});

describe('previews (finding 4)', () => {
	it('render placeholder links that open nothing', async () => {
		const c = await h.customer({ consent_sms: true, phone: '010-1234-5678' });
		const template = await h.template({
			kind: 'survey',
			key: 'trust_nps',
			survey_scale: 'nps',
			purpose: 'transactional',
			subject: '추천하시겠어요?',
			body: '{{first_name}}님, 어떠셨나요? {{survey_url}}',
		});
		const ad = (await post(marketing, '/crm/templates/preview', {
			customer: c.id,
			source: { kind: 'sms', purpose: 'marketing', body: '{{first_name}}님 특가' },
		})) as Row;
		const survey = (await post(marketing, '/crm/templates/preview', { customer: c.id, template: template.id })) as Row;
		const links = [...`${ad.body}\n${survey.body}`.matchAll(/token(?:=|&#x3D;)([A-Za-z0-9._-]+)/g)].map((m) => m[1]);
		expect(links.length, `${ad.body}\n${survey.body}`).toBeGreaterThanOrEqual(2);
		for (const token of links) {
			expect(token).toBe('preview');
			const refused = await refusal(post(crm.client, '/crm/unsubscribe', { token }));
			expect(refused?.status).toBeGreaterThanOrEqual(400);
			expect(refused?.status).toBeLessThan(500);
		}
		const [stored] = await db('crm_customers').select('consent_sms').where('id', c.id);
		expect(Boolean(stored.consent_sms)).toBe(true);
	});
});

describe('money needs the right to it (finding 1)', () => {
	it('refuses a points rule to a role without ledger create, caps awards, and checks the right again on a run', async () => {
		const segment = (await crm.client.request(
			createItem('crm_segments' as never, { name: `trust static ${Date.now()}`, kind: 'static' } as never),
		)) as Row;
		const c = await h.customer();
		await crm.client.request(
			createItem(
				'crm_segment_members' as never,
				{
					segment: segment.id,
					customer: c.id,
					entered_at: new Date().toISOString(),
					source: 'manual',
				} as never,
			),
		);
		const rule = { name: 'points', status: 'active', trigger: 'manual', segment: segment.id, action: 'points' };
		// Marketing may save follow-ups but not mint points.
		expect(
			await refusal(
				marketing.request(createItem('crm_followup_rules' as never, { ...rule, award_points: 500 } as never)),
			),
		).toMatchObject({ status: 403 });
		// Nobody saves an award beyond the per-award cap.
		expect(
			await refusal(
				crm.client.request(createItem('crm_followup_rules' as never, { ...rule, award_points: 500_000_000 } as never)),
			),
		).toMatchObject({ status: 400 });
		const saved = (await crm.client.request(
			createItem('crm_followup_rules' as never, { ...rule, award_points: 500 } as never),
		)) as Row;
		// Marketing can neither turn an existing rule's award up nor run it.
		expect(
			await refusal(
				marketing.request(updateItem('crm_followup_rules' as never, saved.id, { award_points: 90_000 } as never)),
			),
		).toMatchObject({ status: 403 });
		expect(await refusal(post(marketing, `/crm/followups/rules/${saved.id}/run`, { key: 'm' }))).toMatchObject({
			status: 403,
		});
		// A rule saved before the caps existed (written in the database): its run awards nothing beyond the cap.
		await db('crm_followup_rules').where('id', saved.id).update({ award_points: 500_000_000 });
		await post(crm.client, `/crm/followups/rules/${saved.id}/run`, { key: 'a' });
		await h.dispatch(new Date(Date.now() + MINUTE));
		const [row] = await db('crm_outbox').select('status', 'last_error').where({ rule: saved.id, customer: c.id });
		expect(row.status).toBe('failed');
		expect(row.last_error).toContain('award_points');
		const [{ s }] = await db('crm_points_ledger').sum({ s: 'points' }).where('customer', c.id);
		expect(Number(s ?? 0)).toBe(0);
		// Such a rule cannot even be archived through the API until its award is brought within the cap.
		expect(await refusal(h.archive(saved.id))).toMatchObject({ status: 400 });
		await db('crm_followup_rules').where('id', saved.id).update({ status: 'archived' });
	});
});

describe('manual adjustments (finding 12)', () => {
	it('takes safe whole numbers within the cap and a bounded reason; a key reused for another request is a 409', async () => {
		const c = await h.customer();
		for (const body of [
			{ points: 1e308, reason: 'x' },
			{ points: 2 ** 53, reason: 'x' },
			{ points: -1e18, reason: 'x' },
			{ points: 10_000_001, reason: 'x' },
			{ points: 10, reason: 'x'.repeat(501) },
		]) {
			const refused = await refusal(post(crm.client, '/crm/loyalty/adjust', { customer: c.id, ...body }));
			expect(refused, JSON.stringify(body).slice(0, 60)).toMatchObject({ status: 400 });
		}
		const first = { customer: c.id, points: 300, reason: '보상', idempotency_key: `trust-${c.id}` };
		await post(crm.client, '/crm/loyalty/adjust', first);
		expect(await post(crm.client, '/crm/loyalty/adjust', first)).toMatchObject({ replayed: true, balance: 300 });
		expect(await refusal(post(crm.client, '/crm/loyalty/adjust', { ...first, points: 301 }))).toMatchObject({
			status: 409,
		});
		const other = await h.customer();
		expect(await refusal(post(crm.client, '/crm/loyalty/adjust', { ...first, customer: other.id }))).toMatchObject({
			status: 409,
		});
		const [{ s }] = await db('crm_points_ledger').sum({ s: 'points' }).whereIn('customer', [c.id, other.id]);
		expect(Number(s)).toBe(300);
	});
});
