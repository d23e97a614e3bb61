// Follow-up delivery on the production topology (PostgreSQL + Redis + two Directus processes) with a real SMTP
// server: both replicas dispatching the same due rows concurrently send each message exactly once (FOR UPDATE SKIP
// LOCKED claims), and a replica killed (SIGKILL) in the middle of a send loses nothing it had merely claimed and
// never resends the one message whose outcome is unknown.
import { customEndpoint } from '@directus/sdk';
import knexFactory, { type Knex } from 'knex';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminClientWithLogin } from '../../scripts/lib/admin-client.ts';
import { startDirectus, type RunningDirectus } from '../../scripts/lib/directus-process.ts';
import { ADMIN, bootCrm, freePort, type CrmInstance } from '../harness/crm.ts';
import { startRedis, type RunningRedis } from '../harness/redis.ts';
import { smtpEnv, startSmtpSink, type SmtpSink } from '../harness/smtp.ts';
import { DAY, followupHelpers, MINUTE, nextSeoul } from './followups-helpers.ts';
import { planningSuite } from './followups-planning-suite.ts';

let primary: CrmInstance;
let replica: RunningDirectus;
let redis: RunningRedis;
let smtp: SmtpSink;
let db: Knex;
const h = followupHelpers(() => primary);
/** Outbox state read straight from PostgreSQL: the dispatcher writes with SQL, and Directus's Redis cache may lag. */
const outbox = (rule: number) => db('crm_outbox').select('*').where('rule', rule).orderBy('id');

beforeAll(async () => {
	smtp = await startSmtpSink();
	redis = await startRedis(resolve(process.cwd(), '.tmp/test', `redis-followups-${process.pid}`), await freePort());
	const env = {
		REDIS: redis.url,
		REDIS_ENABLED: 'true',
		SYNCHRONIZATION_STORE: 'redis',
		CACHE_STORE: 'redis',
		CACHE_ENABLED: 'true',
		CACHE_AUTO_PURGE: 'true',
		MESSENGER_STORE: 'redis',
		...smtpEnv(smtp),
		PUBLIC_URL: 'https://crm.example.kr',
		CRM_TEST_CLOCK: '1',
		CRM_OUTBOX_LEASE_SECONDS: '5',
	};
	primary = await bootCrm('followups-pg', { db: 'postgres', env });
	replica = await startDirectus(
		{ ...primary.env, PORT: String(await freePort()) },
		{ logFile: resolve(primary.dir, 'replica.log') },
	);
	const pg = primary.postgres!.env;
	db = knexFactory({
		client: 'pg',
		connection: {
			host: pg.DB_HOST,
			port: Number(pg.DB_PORT),
			database: pg.DB_DATABASE,
			user: pg.DB_USER,
			password: pg.DB_PASSWORD,
		},
	});
});
afterAll(async () => {
	await db?.destroy();
	await replica?.stop();
	await primary?.stop();
	await redis?.stop();
	await smtp?.stop();
});

/** Plans one transactional e-mail per new customer, all due at the same moment (a weekday noon, well in the future). */
async function planMany(count: number, label: string) {
	await h.archiveAll();
	const template = await h.template({
		purpose: 'transactional',
		subject: `${label} {{first_name}}`,
		body: '{{first_name}}님, 감사합니다.',
	});
	const due = nextSeoul(12, 0, 2 * DAY);
	const rule = await h.rule({
		trigger: 'order_paid',
		delay_minutes: Math.ceil((due.getTime() - Date.now()) / MINUTE),
		template: template.id,
	});
	const customers = [];
	for (let i = 0; i < count; i++) customers.push(await h.customer({ first_name: `${label}${i}` }));
	await Promise.all(customers.map((c) => h.paidOrder(c.id)));
	const rows = await h.eventually(async () => {
		const planned = await outbox(rule.id);
		return planned.length === count ? planned : null;
	}, 30_000);
	const dueAt = new Date(Math.max(...rows.map((row) => new Date(row.due_at).getTime())));
	return { rule, customers, dueAt };
}

const mailsFor = (emails: string[]) =>
	emails.map((email) => smtp.messages.filter((mail) => mail.to.includes(email)).length);

describe('follow-up dispatch on two replicas (PostgreSQL + Redis)', () => {
	planningSuite(() => primary);

	it('sends every message exactly once while both replicas dispatch the same rows concurrently', async () => {
		const { rule, customers, dueAt } = await planMany(40, '동시');
		const onReplica = await adminClientWithLogin(replica.url, ADMIN.email, ADMIN.password);
		const now = new Date(dueAt.getTime() + MINUTE).toISOString();
		const dispatch = (client: typeof onReplica) =>
			client.request(
				customEndpoint({ path: '/crm/followups/dispatch', method: 'POST', body: JSON.stringify({ now, limit: 3 }) }),
			) as Promise<{ claimed: number; sent: number }>;
		const results = await Promise.all(
			Array.from({ length: 16 }, (_, i) => dispatch(i % 2 ? onReplica : primary.client)),
		);
		// Rows of earlier tests' archived rules are claimed (and cancelled) too; 40 sends, each by one replica.
		expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(40);
		expect(results.filter((_, i) => i % 2 === 1).some((r) => r.claimed > 0)).toBe(true); // the replica
		expect(results.filter((_, i) => i % 2 === 0).some((r) => r.claimed > 0)).toBe(true); // the primary
		await smtp.waitFor(40);
		expect(mailsFor(customers.map((c) => c.email))).toEqual(customers.map(() => 1));
		const rows = await outbox(rule.id);
		expect(rows.every((row) => row.status === 'sent' && row.attempts === 1)).toBe(true);
		const logged = await db('crm_interactions')
			.select('id')
			.whereIn(
				'source_key',
				rows.map((row) => `outbox:${row.id}`),
			);
		expect(logged).toHaveLength(40);
		await h.archive(rule.id);
	});

	it('a replica killed mid-send: the survivor sends what was only claimed, and never resends the message in flight', async () => {
		const { rule, customers, dueAt } = await planMany(8, '종료');
		const onReplica = await adminClientWithLogin(replica.url, ADMIN.email, ADMIN.password);
		const before = smtp.messages.length;
		smtp.delayMs = 4000;
		const now = new Date(dueAt.getTime() + MINUTE);
		const doomed = onReplica
			.request(
				customEndpoint({
					path: '/crm/followups/dispatch',
					method: 'POST',
					body: JSON.stringify({ now: now.toISOString(), limit: 8 }),
				}),
			)
			.catch(() => 'killed');
		// Wait until the replica has claimed the batch and is inside the first SMTP transaction, then kill it.
		await h.eventually(async () => {
			const rows = await outbox(rule.id);
			return (
				rows.filter((row) => row.status === 'sending').length === 8 &&
				rows.filter((row) => row.attempts === 1).length === 1
			);
		}, 20_000);
		await replica.kill();
		expect(await doomed).toBe('killed');
		smtp.delayMs = 0;

		// After the lease (5 s here), the survivor recovers and sends the rest.
		const summary = (await h.call('/crm/followups/dispatch', {
			now: new Date(now.getTime() + MINUTE).toISOString(),
			limit: 50,
		})) as { recovered: { requeued: number; unknown: number }; sent: number };
		expect(summary.recovered).toMatchObject({ requeued: 7, unknown: 1 });
		expect(summary.sent).toBe(7);
		const rows = await outbox(rule.id);
		expect(rows.filter((row) => row.status === 'sent')).toHaveLength(7);
		const [unknown] = rows.filter((row) => row.status === 'failed');
		expect(unknown.last_error).toMatch(
			/^outcome unknown: the sending process stopped after handing this message to the provider/,
		);
		await h.eventually(async () => smtp.messages.length >= before + 7);
		await new Promise((r) => setTimeout(r, 4500)); // the killed sender's message, if the server had it, lands now
		const counts = mailsFor(customers.map((c) => c.email));
		expect(counts.every((n) => n <= 1)).toBe(true);
		const sentCustomers = rows
			.filter((row) => row.status === 'sent')
			.map((row) => customers.findIndex((c) => c.id === row.customer));
		expect(sentCustomers.map((i) => counts[i])).toEqual(sentCustomers.map(() => 1));
		// A later pass changes nothing.
		await h.call('/crm/followups/dispatch', { now: new Date(now.getTime() + 10 * MINUTE).toISOString() });
		expect(mailsFor(customers.map((c) => c.email))).toEqual(counts);
		await h.archive(rule.id);
	}, 120_000);
});
