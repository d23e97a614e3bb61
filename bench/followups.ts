// `npm run bench:followups [-- --messages N] [-- --runs R]`: the follow-up message path measured against baselines in
// the same run. (1) Render cost: the CRM's composeMessage (context, subject, escaped body, Korean advertising rules)
// vs the same subject and body through bare compiled Handlebars. (2) Rendered and queued: compose N messages and
// insert them as outbox rows (unique dedupe key, ON CONFLICT DO NOTHING) on a throw-away PostgreSQL, vs inserting
// the same number of pre-rendered rows. Writes bench/report-followups.md.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Handlebars from 'handlebars';
import knexFactory from 'knex';
import { startTempPostgres } from '../scripts/lib/postgres.ts';
import { comparePair } from './lib/timing.ts';
import { register } from 'tsx/esm/api';

register();
const templates = await import(new URL('../extensions/crm/src/domain/templates/index.ts', import.meta.url).href);

const { values } = parseArgs({ options: { messages: { type: 'string', default: '20000' }, runs: { type: 'string', default: '5' } } });
const messages = Number(values.messages);
const runs = Number(values.runs);

const SUBJECT = '{{first_name}}님, 주문해 주셔서 감사합니다';
const BODY = '<p>{{first_name}}님, {{last_order.products}} 주문이 잘 도착했나요?</p><p>누적 포인트: {{points.balance}}</p>';
const customers = Array.from({ length: 1000 }, (_, i) => ({ id: i + 1, full_name: `김민준${i}`, first_name: `민준${i}`, language: 'ko-KR', points_balance: i * 10, tags: [] }));
const order = { id: 1, total: 45000, currency: 'KRW', ordered_at: '2026-03-01T01:00:00Z', status: 'paid', lines: [{ product_name: '아메리카노', quantity: 2, line_total: 9000 }, { product_name: '베이글', quantity: 1, line_total: 3500 }] };
const sender = { name: '카페 모카', email: 'hello@example.com', phone: '02-123-4567', address: '서울시 중구' };
const cache = new templates.TemplateCache();
const template = { id: 1, date_updated: '2026-01-01', subject: SUBJECT, body: BODY, language: 'ko-KR' };

const compose = (i: number) =>
	templates.composeMessage({
		template, channel: 'email', marketing: true, sender, unsubscribeUrl: `https://crm.example.com/crm/unsubscribe?token=t${i}`, timeZone: 'Asia/Seoul', currency: 'KRW', cache,
		context: { customer: customers[i % customers.length], lastOrder: order, today: '2026-03-02' },
	});
const bareSubject = Handlebars.compile(SUBJECT, { noEscape: true });
const bareBody = Handlebars.compile(BODY);
const bare = (i: number) => {
	const c = customers[i % customers.length];
	const context = { first_name: c.first_name, last_order: { products: '아메리카노 외 1건' }, points: { balance: c.points_balance } };
	return { subject: bareSubject(context), body: bareBody(context) };
};

// The template engine alone (safe runtime options, our helpers, cached compile), on the same variables as bare.
const format = { locale: 'ko-KR', timeZone: 'Asia/Seoul', currency: 'KRW' };
const engine = (i: number) => {
	const c = customers[i % customers.length];
	const context = { first_name: c.first_name, last_order: { products: '아메리카노 외 1건' }, points: { balance: c.points_balance } };
	return { subject: cache.get('1:subject', template.date_updated, SUBJECT, { escape: false })(context, format), body: cache.get('1:body', template.date_updated, BODY, { escape: true })(context, format) };
};
const render = await comparePair(runs, async () => { for (let i = 0; i < messages; i++) engine(i); }, async () => { for (let i = 0; i < messages; i++) bare(i); });
const full = await comparePair(runs, async () => { for (let i = 0; i < messages; i++) compose(i); }, async () => { for (let i = 0; i < messages; i++) bare(i); });

const pg = await startTempPostgres('crm-bench-followups-');
const knex = knexFactory({ client: 'pg', connection: { host: '127.0.0.1', port: pg.port, user: 'postgres', database: 'directus' }, pool: { min: 1, max: 2 } });
let queued;
try {
	await knex.schema.createTable('outbox', (t) => {
		t.increments('id');
		t.string('dedupe_key').notNullable().unique();
		t.integer('customer').notNullable();
		t.string('status', 32).notNullable();
		t.timestamp('due_at', { useTz: true }).notNullable().index();
		t.string('subject');
		t.text('body');
	});
	let round = 0;
	const insertAll = async (rows: Record<string, unknown>[]) => {
		for (let start = 0; start < rows.length; start += 500) await knex('outbox').insert(rows.slice(start, start + 500)).onConflict('dedupe_key').ignore();
	};
	const due = new Date('2026-03-05T00:00:00Z');
	queued = await comparePair(
		runs,
		async () => {
			round += 1;
			const rows = [];
			for (let i = 0; i < messages; i++) {
				const message = compose(i);
				rows.push({ dedupe_key: `c:${round}:${i}`, customer: (i % 1000) + 1, status: 'scheduled', due_at: due, subject: message.subject, body: message.body });
			}
			await insertAll(rows);
		},
		async () => {
			round += 1;
			const rows = Array.from({ length: messages }, (_, i) => ({ dedupe_key: `b:${round}:${i}`, customer: (i % 1000) + 1, status: 'scheduled', due_at: due, subject: 'x', body: 'y' }));
			await insertAll(rows);
		},
		() => knex('outbox').truncate(),
	);
} finally {
	await knex.destroy();
	await pg.stop();
}

const perSecond = (ms: number) => Math.round((messages / ms) * 1000);
const report = [
	'# Follow-up messages: render cost and rendered-and-queued throughput',
	'',
	`${messages} messages per run, median of ${runs} alternating runs, Node ${process.version}, PostgreSQL for the queue.`,
	'',
	'| figure | CRM | baseline | ratio | goal |',
	'|---|---:|---:|---:|---|',
	`| template render (CRM engine vs bare Handlebars, same variables) | ${render.candidateMs.toFixed(0)} ms (${perSecond(render.candidateMs)}/s) | ${render.baselineMs.toFixed(0)} ms | ${render.ratio.toFixed(2)}x | ≤ 2x |`,
	`| whole message (context, subject, body, Korean advertising rules, text part) vs bare Handlebars | ${full.candidateMs.toFixed(0)} ms (${perSecond(full.candidateMs)}/s) | ${full.baselineMs.toFixed(0)} ms | ${full.ratio.toFixed(2)}x | (informational) |`,
	`| rendered and queued (compose + outbox insert vs plain insert) | ${queued!.candidateMs.toFixed(0)} ms (${perSecond(queued!.candidateMs)}/s) | ${queued!.baselineMs.toFixed(0)} ms | ${queued!.ratio.toFixed(2)}x | ≥ 2,000 messages/s |`,
	'',
].join('\n');
writeFileSync(resolve(import.meta.dirname, 'report-followups.md'), report);
console.log(report);
