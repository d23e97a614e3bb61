// The SMTP server down for a while (PostgreSQL + Redis + two Directus processes, a real SMTP server): follow-up
// e-mails due while it is down fail, stay queued with the error visible and are rescheduled with backoff (1, then 5
// minutes); nothing is resent before its retry time; once the server is back on the same port, both replicas
// dispatching at once deliver every message exactly once. Time is driven through the dispatcher's `now`
// (CRM_TEST_CLOCK=1), as the follow-up tests do.
import { customEndpoint, updateSingleton } from '@directus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminClient } from '../../scripts/lib/admin-client.ts';
import { bootReplicas, type Replicas } from '../harness/replicas.ts';
import { smtpEnv, startSmtpSink, type SmtpSink } from '../harness/smtp.ts';
import { DAY, followupHelpers, MINUTE, nextSeoul, type Row } from './followups-helpers.ts';

let stack: Replicas;
let smtp: SmtpSink;
let onReplica: AdminClient;
const h = followupHelpers(() => stack.primary);
const COUNT = 12;

beforeAll(async () => {
	smtp = await startSmtpSink();
	stack = await bootReplicas('faults-smtp', {
		...smtpEnv(smtp),
		PUBLIC_URL: 'https://crm.example.kr',
		CRM_TEST_CLOCK: '1',
	});
	onReplica = await stack.replicaClient();
	await stack.primary.client.request(
		updateSingleton(
			'crm_settings' as never,
			{ timezone: 'Asia/Seoul', sender_name: '해오름상점', sender_email: 'hello@haeoreum.kr' } as never,
		),
	);
});
afterAll(async () => {
	await stack?.stop();
	await smtp?.stop();
});

type Summary = { claimed: number; sent: number; retry: number; failed: number };
const dispatchOn = (client: AdminClient, now: Date, limit: number) =>
	client.request(
		customEndpoint({
			path: '/crm/followups/dispatch',
			method: 'POST',
			body: JSON.stringify({ now: now.toISOString(), limit }),
		}),
	) as Promise<Summary>;
/** Both replicas dispatch the same due rows at once, in small batches. */
const dispatchBoth = async (now: Date) => {
	const results = await Promise.all(
		Array.from({ length: 6 }, (_, i) => dispatchOn(i % 2 ? onReplica : stack.primary.client, now, 3)),
	);
	return results.reduce(
		(total, r) => ({
			claimed: total.claimed + r.claimed,
			sent: total.sent + r.sent,
			retry: total.retry + r.retry,
			failed: total.failed + r.failed,
		}),
		{ claimed: 0, sent: 0, retry: 0, failed: 0 },
	);
};
/** Outbox rows read straight from PostgreSQL (the dispatcher writes with SQL; Directus's Redis cache may lag). */
const outbox = (rule: number): Promise<Row[]> => stack.db('crm_outbox').select('*').where('rule', rule).orderBy('id');

describe('SMTP server down, then back (two replicas, PostgreSQL + Redis)', () => {
	it('keeps the messages queued with the error while it is down and delivers each exactly once when it returns', async () => {
		const template = await h.template({
			purpose: 'transactional',
			subject: '주문 확인 {{first_name}}',
			body: '{{first_name}}님, 주문이 확인되었습니다.',
		});
		const due = nextSeoul(12, 0, 2 * DAY);
		const rule = await h.rule({
			trigger: 'order_paid',
			delay_minutes: Math.ceil((due.getTime() - Date.now()) / MINUTE),
			template: template.id,
		});
		const customers: Row[] = [];
		for (let i = 0; i < COUNT; i++) customers.push(await h.customer({ first_name: `고객${i}` }));
		await Promise.all(customers.map((c) => h.paidOrder(c.id)));
		const planned = await h.eventually(
			async () => ((await outbox(rule.id)).length === COUNT ? outbox(rule.id) : null),
			30_000,
		);
		const dueAt = new Date(Math.max(...planned.map((row) => new Date(row.due_at).getTime())));

		const port = smtp.port;
		await smtp.stop();
		// First attempt: refused; every row back in the queue a minute later, the error on the row.
		const first = new Date(dueAt.getTime() + MINUTE);
		expect(await dispatchBoth(first)).toEqual({ claimed: COUNT, sent: 0, retry: COUNT, failed: 0 });
		for (const row of await outbox(rule.id)) {
			expect(row).toMatchObject({ status: 'scheduled', attempts: 1, claimed_by: null });
			expect(row.last_error).toMatch(/^attempt 1: .*(ECONNREFUSED|connect)/i);
			expect(new Date(row.due_at).getTime()).toBe(first.getTime() + MINUTE);
		}
		// Second attempt, still down: five minutes more.
		const second = new Date(first.getTime() + MINUTE);
		expect(await dispatchBoth(second)).toEqual({ claimed: COUNT, sent: 0, retry: COUNT, failed: 0 });
		for (const row of await outbox(rule.id)) {
			expect(row).toMatchObject({ status: 'scheduled', attempts: 2 });
			expect(row.last_error).toMatch(/^attempt 2: .*(ECONNREFUSED|connect)/i);
			expect(new Date(row.due_at).getTime()).toBe(second.getTime() + 5 * MINUTE);
		}

		// The server is back on the same port; before the retry time nothing is sent.
		smtp = await startSmtpSink(port);
		expect(await dispatchBoth(new Date(second.getTime() + 4 * MINUTE))).toMatchObject({ claimed: 0, sent: 0 });
		expect(smtp.messages).toHaveLength(0);
		expect(await dispatchBoth(new Date(second.getTime() + 5 * MINUTE))).toEqual({
			claimed: COUNT,
			sent: COUNT,
			retry: 0,
			failed: 0,
		});
		await smtp.waitFor(COUNT);

		const rows = await outbox(rule.id);
		for (const row of rows) expect(row).toMatchObject({ status: 'sent', attempts: 3, last_error: null });
		// Exactly one mail per customer, with the row's own Message-ID; one timeline entry per message.
		expect(customers.map((c) => smtp.messages.filter((mail) => mail.to.includes(c.email)).length)).toEqual(
			customers.map(() => 1),
		);
		expect(smtp.messages.map((mail) => mail.messageId).sort()).toEqual(
			rows.map((row) => `<crm-outbox-${row.id}@haeoreum.kr>`).sort(),
		);
		expect(smtp.messages.find((mail) => mail.to.includes(customers[0].email))?.subject).toBe('주문 확인 고객0');
		const logged = await stack
			.db('crm_interactions')
			.select('source_key')
			.whereIn(
				'source_key',
				rows.map((row) => `outbox:${row.id}`),
			);
		expect(logged).toHaveLength(COUNT);

		// A later pass sends nothing again.
		expect(await dispatchBoth(new Date(second.getTime() + 30 * MINUTE))).toMatchObject({ claimed: 0, sent: 0 });
		expect(smtp.messages).toHaveLength(COUNT);
		await h.archive(rule.id);
	});
});
