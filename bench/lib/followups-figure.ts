// Follow-up figure: the message path up to the outbox, against baselines in the same run. (1) Render cost: the CRM's
// template engine (safe runtime options, its helpers, cached compile) vs bare compiled Handlebars on the same
// variables; (2) the whole message (composeMessage: context, subject, escaped body, Korean advertising rules, text
// part); (3) rendered and queued: compose N messages and insert them as outbox rows (unique dedupe key, ON CONFLICT
// DO NOTHING) vs inserting N pre-rendered rows. Sending through a provider is not part of it.
import Handlebars from 'handlebars';
import type { Knex } from 'knex';
import type { ExtensionCode } from './load-extension-code.ts';
import { comparePair, type Pair } from './timing.ts';

const SUBJECT = '{{first_name}}님, 주문해 주셔서 감사합니다';
const BODY =
	'<p>{{first_name}}님, {{last_order.products}} 주문이 잘 도착했나요?</p><p>누적 포인트: {{points.balance}}</p>';
const OUTBOX = 'bench_outbox';

export interface FollowupsFigure {
	messages: number;
	render: Pair;
	full: Pair;
	queued: Pair;
}

export async function followupsFigure(
	knex: Knex,
	code: ExtensionCode,
	messages: number,
	runs: number,
): Promise<FollowupsFigure> {
	const templates = code.templates;
	const customers = Array.from({ length: 1000 }, (_, i) => ({
		id: i + 1,
		full_name: `김민준${i}`,
		first_name: `민준${i}`,
		language: 'ko-KR',
		points_balance: i * 10,
		tags: [],
	}));
	const order = {
		id: 1,
		total: 45000,
		currency: 'KRW',
		ordered_at: '2026-03-01T01:00:00Z',
		status: 'paid',
		lines: [
			{ product_name: '아메리카노', quantity: 2, line_total: 9000 },
			{ product_name: '베이글', quantity: 1, line_total: 3500 },
		],
	};
	const sender = { name: '카페 모카', email: 'hello@example.com', phone: '02-123-4567', address: '서울시 중구' };
	const cache = new templates.TemplateCache();
	const template = { id: 1, date_updated: '2026-01-01', subject: SUBJECT, body: BODY, language: 'ko-KR' };
	const compose = (i: number) =>
		templates.composeMessage({
			template,
			channel: 'email',
			marketing: true,
			sender,
			unsubscribeUrl: `https://crm.example.com/crm/unsubscribe?token=t${i}`,
			timeZone: 'Asia/Seoul',
			currency: 'KRW',
			cache,
			context: { customer: customers[i % customers.length], lastOrder: order, today: '2026-03-02' },
		});
	const variables = (i: number) => {
		const c = customers[i % customers.length];
		return {
			first_name: c.first_name,
			last_order: { products: '아메리카노 외 1건' },
			points: { balance: c.points_balance },
		};
	};
	const bareSubject = Handlebars.compile(SUBJECT, { noEscape: true });
	const bareBody = Handlebars.compile(BODY);
	const bare = (i: number) => ({ subject: bareSubject(variables(i)), body: bareBody(variables(i)) });
	const format = { locale: 'ko-KR', timeZone: 'Asia/Seoul', currency: 'KRW' };
	const engine = (i: number) => ({
		subject: cache.get('1:subject', template.date_updated, SUBJECT, { escape: false })(variables(i), format),
		body: cache.get('1:body', template.date_updated, BODY, { escape: true })(variables(i), format),
	});
	const each = (fn: (i: number) => unknown) => async () => {
		for (let i = 0; i < messages; i++) fn(i);
	};
	const render = await comparePair(runs, each(engine), each(bare));
	const full = await comparePair(runs, each(compose), each(bare));

	await knex.schema.dropTableIfExists(OUTBOX);
	await knex.schema.createTable(OUTBOX, (t) => {
		t.increments('id');
		t.string('dedupe_key').notNullable().unique();
		t.integer('customer').notNullable();
		t.string('status', 32).notNullable();
		t.timestamp('due_at', { useTz: true }).notNullable().index();
		t.string('subject');
		t.text('body');
	});
	try {
		let round = 0;
		const due = new Date('2026-03-05T00:00:00Z');
		const insertAll = async (rows: Record<string, unknown>[]) => {
			for (let start = 0; start < rows.length; start += 500)
				await knex(OUTBOX)
					.insert(rows.slice(start, start + 500))
					.onConflict('dedupe_key')
					.ignore();
		};
		const row = (key: string, i: number, subject: string, body: string) => ({
			dedupe_key: key,
			customer: (i % 1000) + 1,
			status: 'scheduled',
			due_at: due,
			subject,
			body,
		});
		const queued = await comparePair(
			runs,
			async () => {
				round += 1;
				const rows = [];
				for (let i = 0; i < messages; i++) {
					const message = compose(i);
					rows.push(row(`c:${round}:${i}`, i, message.subject, message.body));
				}
				await insertAll(rows);
			},
			async () => {
				round += 1;
				await insertAll(Array.from({ length: messages }, (_, i) => row(`b:${round}:${i}`, i, 'x', 'y')));
			},
			() => knex(OUTBOX).truncate(),
		);
		return { messages, render, full, queued };
	} finally {
		await knex.schema.dropTableIfExists(OUTBOX);
	}
}
