// Follow-ups on a real Directus 12 (SQLite) with a real SMTP server receiving the mail: order paid + 3 days → one
// advertising e-mail in Korean with the legal marks; transactional mail unmarked; quiet hours at planning and at
// sending (injected clock, CRM_TEST_CLOCK=1); missing consent cancelled with its reason; SMTP down retried then
// failed, 550 failed at once; templates and rules checked when saved; 29 February birthdays; tasks and tags.
import { readMe, updateSingleton } from '@directus/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bootCrm, type CrmInstance } from '../harness/crm.ts';
import { smtpEnv, startSmtpSink, type SmtpSink } from '../harness/smtp.ts';
import { DAY, followupHelpers, MINUTE, nextSeoul } from './followups-helpers.ts';
import { planningSuite } from './followups-planning-suite.ts';

let crm: CrmInstance;
let smtp: SmtpSink;
const h = followupHelpers(() => crm);
const mailsTo = (email: string) => smtp.messages.filter((mail) => mail.to.includes(email));
const seoul = (iso: string) => new Date(`${iso}+09:00`);

beforeAll(async () => {
	smtp = await startSmtpSink();
	crm = await bootCrm('followups', {
		env: { ...smtpEnv(smtp), PUBLIC_URL: 'https://crm.example.kr', CRM_TEST_CLOCK: '1' },
	});
	await crm.client.request(
		updateSingleton(
			'crm_settings' as never,
			{
				timezone: 'Asia/Seoul',
				sender_name: '해오름상점',
				sender_email: 'hello@haeoreum.kr',
				sender_phone: '02-123-4567',
				sender_address: '서울시 중구 세종대로 1',
				frequency_cap_per_week: 5,
			} as never,
		),
	);
});
afterAll(async () => {
	await crm?.stop();
	await smtp?.stop();
});

describe('follow-ups (SQLite, real SMTP)', () => {
	beforeEach(() => h.archiveAll());
	planningSuite(() => crm);

	it('sends exactly one advertising e-mail three days after an order is paid, in Korean with (광고), sender and free opt-out', async () => {
		const template = await h.template({
			subject: '{{first_name}}님, 구매 감사합니다',
			body: '{{first_name}}님, {{formatDate last_order.ordered_at}}에 구매하신 {{list last_order.product_names}} 잘 받으셨나요?\n\n결제 금액: {{formatCurrency last_order.total}}',
		});
		const rule = await h.rule({ trigger: 'order_paid', delay_minutes: 3 * 24 * 60, template: template.id });
		const c = await h.customer();
		const order = await h.paidOrder(c.id);
		const row = await h.outboxRow(c.id, rule.id);
		const due = new Date(row.due_at);
		expect(row).toMatchObject({
			status: 'scheduled',
			channel: 'email',
			dedupe_key: `rule:${rule.id}:customer:${c.id}:order:${order.id}`,
		});
		expect(due.getTime()).toBeGreaterThanOrEqual(Date.now() + 3 * DAY - 5 * MINUTE);

		await h.dispatch(new Date(due.getTime() - DAY));
		expect(mailsTo(c.email)).toHaveLength(0);
		await h.dispatch(due);
		await h.dispatch(new Date(due.getTime() + MINUTE));
		await smtp.waitFor(1);
		const [mail] = mailsTo(c.email);
		expect(mailsTo(c.email)).toHaveLength(1);
		expect(mail.subject).toBe('(광고) [해오름상점] 민준님, 구매 감사합니다');
		expect(mail.html).toContain('텀블러, 머그컵 잘 받으셨나요?');
		expect(mail.html).toContain('45,000원');
		expect(mail.html).toContain('발신자: 해오름상점 | 서울시 중구 세종대로 1 | 전화 02-123-4567 | hello@haeoreum.kr');
		expect(mail.html).toMatch(/<a href="https:\/\/crm\.example\.kr\/crm\/unsubscribe\?token=[^"]+">수신거부<\/a>/);
		expect(mail.text).toContain('수신거부는 무료입니다');
		expect(mail.messageId).toBe(`<crm-outbox-${row.id}@haeoreum.kr>`);

		const [sent] = await h.outboxOf(c.id);
		expect(sent).toMatchObject({ status: 'sent', attempts: 1, last_error: null, marketing: true });
		expect(sent.provider_id).toBeTruthy();
		const [logged] = await h.rows('crm_interactions', { source_key: { _eq: `outbox:${row.id}` } });
		expect(logged).toMatchObject({
			customer: c.id,
			type: 'message',
			direction: 'outbound',
			channel: 'email',
			subject: mail.subject,
		});

		// The same order paid again or delivered: still one row for this rule.
		await h.update('crm_orders', order.id, { status: 'fulfilled' });
		expect((await h.outboxOf(c.id)).filter((r) => r.rule === rule.id)).toHaveLength(1);
		await h.archive(rule.id);
	});

	it('plans a transactional reply in the transaction that closes an inquiry, and sends it without advertising marks', async () => {
		const template = await h.template({
			purpose: 'transactional',
			subject: '문의 답변 안내',
			body: '{{first_name}}님, "{{interaction.subject}}" 문의가 처리되었습니다.',
		});
		const rule = await h.rule({ trigger: 'inquiry_closed', delay_minutes: 60, template: template.id });
		const c = await h.customer({ consent_email: false });
		const inquiry = await h.create('crm_interactions', {
			customer: c.id,
			channel: 'web',
			type: 'inquiry',
			status: 'open',
			subject: '배송 <긴급> 문의',
			occurred_at: new Date().toISOString(),
		});
		expect(await h.outboxOf(c.id)).toHaveLength(0);
		await h.update('crm_interactions', inquiry.id, { status: 'done' });
		const [row] = await h.outboxOf(c.id); // planned by the filter hook: present as soon as the update answered
		expect(row).toMatchObject({
			rule: rule.id,
			marketing: false,
			dedupe_key: `rule:${rule.id}:customer:${c.id}:interaction:${inquiry.id}`,
		});
		await h.dispatch(new Date(new Date(row.due_at).getTime() + MINUTE));
		const mail = (await h.eventually(async () => (mailsTo(c.email).length ? mailsTo(c.email) : null)))[0];
		expect(mail.subject).toBe('문의 답변 안내');
		expect(mail.html).toContain('민준님, "배송 &lt;긴급&gt; 문의" 문의가 처리되었습니다.');
		expect(mail.html).not.toContain('수신거부');
		await h.archive(rule.id);
	});

	it('keeps advertising out of 21:00-08:00 local time without night consent, when planning and when sending', async () => {
		const template = await h.template({ subject: '저녁 특가', body: '{{first_name}}님께만 드리는 혜택' });
		const evening = nextSeoul(20, 0, DAY);
		const night = nextSeoul(22, 30, DAY);
		const atEight = await h.rule({
			trigger: 'order_paid',
			delay_minutes: Math.ceil((evening.getTime() - Date.now()) / MINUTE),
			template: template.id,
		});
		const atHalfTen = await h.rule({
			trigger: 'order_paid',
			delay_minutes: Math.ceil((night.getTime() - Date.now()) / MINUTE),
			template: template.id,
		});
		const day = await h.customer();
		const owl = await h.customer({ consent_night: true });
		for (const c of [day, owl]) await h.paidOrder(c.id);
		const morning = new Date(Date.UTC(night.getUTCFullYear(), night.getUTCMonth(), night.getUTCDate() + 1, 8 - 9, 0));
		// Planning: 22:30 is quiet, so the customer without night consent waits until 08:00 the next morning.
		expect(new Date((await h.outboxRow(day.id, atHalfTen.id)).due_at).toISOString()).toBe(morning.toISOString());
		expect(new Date((await h.outboxRow(owl.id, atHalfTen.id)).due_at).getTime()).toBeLessThan(
			night.getTime() + 2 * MINUTE,
		);
		// Sending: due at 20:00 but dispatched at 21:30 (a backlog): deferred to 08:00, the night owl gets it now.
		const late = new Date(evening.getTime() + 90 * MINUTE);
		const dueDay = await h.outboxRow(day.id, atEight.id);
		await h.dispatch(late);
		const deferred = (await h.outboxOf(day.id)).find((r) => r.id === dueDay.id)!;
		expect(deferred).toMatchObject({
			status: 'scheduled',
			attempts: 0,
			last_error: 'deferred: quiet hours (no night-time consent)',
		});
		expect(new Date(deferred.due_at).toISOString()).toBe(morning.toISOString());
		expect((await h.outboxOf(owl.id)).find((r) => r.rule === atEight.id)).toMatchObject({ status: 'sent' });
		expect(mailsTo(day.email)).toHaveLength(0);
		await h.dispatch(morning);
		expect((await h.outboxOf(day.id)).map((r) => r.status)).toEqual(['sent', 'sent']);
		await h.eventually(async () => mailsTo(day.email).length === 2);
		for (const rule of [atEight, atHalfTen]) await h.archive(rule.id);
	});

	it('cancels advertising without consent for the channel and records why', async () => {
		const template = await h.template({ subject: '신상품', body: '새 상품' });
		const rule = await h.rule({ trigger: 'order_paid', delay_minutes: 24 * 60, template: template.id });
		const c = await h.customer({ consent_email: false });
		await h.paidOrder(c.id);
		const row = await h.outboxRow(c.id, rule.id);
		await h.dispatch(new Date(new Date(row.due_at).getTime() + MINUTE));
		expect((await h.outboxOf(c.id))[0]).toMatchObject({
			status: 'cancelled',
			last_error: 'no consent to advertising by email',
			attempts: 0,
		});
		expect(mailsTo(c.email)).toHaveLength(0);
		await h.archive(rule.id);
	});

	it('retries while the SMTP server is down (1, 5, 25, 125 min), then fails with the error visible; a 550 fails at once', async () => {
		const template = await h.template({ purpose: 'transactional', subject: '주문 확인', body: '감사합니다' });
		const rule = await h.rule({ trigger: 'order_paid', delay_minutes: 2 * 24 * 60, template: template.id });
		const c = await h.customer();
		await h.paidOrder(c.id);
		const row = await h.outboxRow(c.id, rule.id);
		const port = smtp.port;
		await smtp.stop();
		let at = new Date(new Date(row.due_at).getTime() + MINUTE);
		for (const wait of [1, 5, 25, 125]) {
			await h.dispatch(at);
			const current = (await h.outboxOf(c.id))[0];
			expect(current.status).toBe('scheduled');
			expect(current.last_error).toMatch(/ECONNREFUSED|connect/i);
			expect(new Date(current.due_at).getTime()).toBe(at.getTime() + wait * MINUTE);
			at = new Date(current.due_at);
		}
		await h.dispatch(at);
		const failed = (await h.outboxOf(c.id))[0];
		expect(failed).toMatchObject({ status: 'failed', attempts: 5 });
		expect(failed.last_error).toMatch(/^attempt 5: .*(ECONNREFUSED|connect)/i);

		smtp = await startSmtpSink(port);
		smtp.refuse = true;
		const other = await h.customer();
		await h.paidOrder(other.id);
		const refused = await h.outboxRow(other.id, rule.id);
		await h.dispatch(new Date(new Date(refused.due_at).getTime() + MINUTE));
		expect((await h.outboxOf(other.id))[0]).toMatchObject({ status: 'failed', attempts: 1 });
		expect((await h.outboxOf(other.id))[0].last_error).toMatch(/550/);
		smtp.refuse = false;
		await h.archive(rule.id);
	});

	it('rejects a template naming an unknown variable and a rule without its template, and previews for a customer', async () => {
		const bad = await h.failure(h.template({ subject: '안녕하세요', body: '{{frist_name}}님' }));
		expect(bad.status).toBe(400);
		expect(bad.message).toContain('body: line 1, column 3: unknown variable "frist_name" (did you mean "first_name"?)');
		expect((await h.failure(h.template({ body: '{{> footer}}' }))).message).toContain('partials');
		expect((await h.failure(h.rule({ trigger: 'order_paid', action: 'email' }))).message).toContain(
			'template: an email rule needs a template',
		);
		const c = await h.customer();
		await h.paidOrder(c.id);
		const data = await h.call('/crm/templates/preview', {
			customer: c.id,
			source: {
				kind: 'sms',
				purpose: 'marketing',
				body: '{{first_name}}님 {{formatCurrency last_order.total}} 결제 감사',
			},
		});
		expect(data.body).toMatch(
			/^\(광고\) 해오름상점 02-123-4567\n민준님 45,000원 결제 감사\n무료수신거부 https:\/\/crm\.example\.kr\/crm\/unsubscribe\?token=/,
		);
	});

	it('greets a 29 February birthday on 28 February in a non-leap year, once', async () => {
		const template = await h.template({ subject: '생일 축하합니다', body: '{{first_name}}님 생일 축하드려요' });
		const rule = await h.rule({ trigger: 'birthday', delay_minutes: 9 * 60, template: template.id });
		const leapling = await h.customer({ birthday: '1992-02-29' });
		const plan = (iso: string) => h.call('/crm/followups/plan', { now: seoul(iso).toISOString() });
		await plan('2027-02-27T10:00:00');
		expect(await h.outboxOf(leapling.id)).toHaveLength(0);
		await plan('2027-02-28T00:30:00');
		await plan('2027-02-28T13:00:00');
		const rows = await h.outboxOf(leapling.id);
		expect(rows).toHaveLength(1);
		expect(rows[0].dedupe_key).toBe(`rule:${rule.id}:customer:${leapling.id}:birthday:2027`);
		expect(new Date(rows[0].due_at).toISOString()).toBe(seoul('2027-02-28T09:00:00').toISOString());
		await plan('2028-02-28T12:00:00');
		expect(await h.outboxOf(leapling.id)).toHaveLength(1);
		await plan('2028-02-29T12:00:00');
		expect((await h.outboxOf(leapling.id)).map((r) => r.dedupe_key.split(':').pop())).toEqual(['2027', '2028']);
		await h.archive(rule.id);
	});

	it('creates an open task for the assignee on a low score and tags the customer', async () => {
		const me = (await crm.client.request(readMe({ fields: ['id'] }))) as { id: string };
		const task = await h.rule({ trigger: 'low_score', action: 'task', name: '저점 고객 연락', task_assignee: me.id });
		const tag = await h.rule({ trigger: 'low_score', action: 'tag', tag: 'detractor' });
		const c = await h.customer();
		await h.create('crm_feedback', { customer: c.id, kind: 'nps', score: 3, answered_at: new Date().toISOString() });
		for (const rule of [task, tag]) await h.outboxRow(c.id, rule.id);
		await h.dispatch(new Date(Date.now() + MINUTE));
		const tasks = await h.rows('crm_interactions', {
			customer: { _eq: c.id },
			source_key: { _starts_with: 'outbox:' },
		});
		expect(tasks).toHaveLength(1);
		expect(tasks[0]).toMatchObject({
			type: 'task',
			status: 'open',
			subject: '저점 고객 연락',
			assignee: me.id,
			direction: 'internal',
		});
		expect((await h.rows('crm_customers', { id: { _eq: c.id } }))[0].tags).toContain('detractor');
		for (const rule of [task, tag]) await h.archive(rule.id);
	});
});
