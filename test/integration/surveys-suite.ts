// Surveys and unsubscribe by signed link on a real Directus 12, shared by the SQLite and PostgreSQL runs: who may
// create links, the Korean answer page, answers stored as feedback (last_nps kept), re-submission updating one row, one open Support task per low
// score for the owner (else the support owner), tampered / expired / malformed links refused with nothing written,
// the per-IP rate limit, and one-click unsubscribe flipping consent once with its history.
import { createItem, createUser, readItem, readItems, updateMe, updateSingleton } from '@directus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootCrm, userWithRole, type CrmInstance } from '../harness/crm.ts';
import { surveyUrl, unsubscribeUrl } from '../../extensions/crm/src/api/signed-links.ts';

type Row = Record<string, any>;
const RATE_LIMIT = 20;
let crm: CrmInstance;
export interface SurveyHelpers {
	crm: () => CrmInstance;
	customer: typeof customer;
	link: typeof link;
	answer: typeof answer;
	send: typeof send;
	freshIp: typeof freshIp;
	feedbackOf: typeof feedbackOf;
	tasksOf: typeof tasksOf;
	rows: typeof rows;
}
let owner: string;
let supportOwner: string;
let nextIp = 1;
/** A fresh client address per test (IP_TRUST_PROXY is on), so each test has its own rate-limit bucket. */
const freshIp = () => `10.1.0.${nextIp++}`;

const create = (collection: string, body: Row) =>
	crm.client.request(createItem(collection as never, body as never)) as Promise<Row>;
const rows = (collection: string, filter: Row) =>
	crm.client.request(readItems(collection as never, { filter, limit: -1, sort: ['id'] } as never)) as Promise<Row[]>;
const customer = (name: string, extra: Row = {}) => create('crm_customers', { full_name: name, ...extra });

async function send(path: string, options: { ip: string; method?: string; form?: Row; json?: Row; token?: string }) {
	const headers: Record<string, string> = { 'x-forwarded-for': options.ip };
	if (options.token) headers.authorization = `Bearer ${options.token}`;
	let body: string | undefined;
	if (options.form) {
		headers['content-type'] = 'application/x-www-form-urlencoded';
		body = new URLSearchParams(options.form).toString();
	}
	if (options.json) {
		headers['content-type'] = 'application/json';
		body = JSON.stringify(options.json);
	}
	const response = await fetch(`${crm.url}${path}`, {
		method: options.method ?? (body ? 'POST' : 'GET'),
		headers,
		body,
	});
	return { status: response.status, text: await response.text(), headers: response.headers };
}

async function link(customerId: number, survey = 'nps_after_purchase', extra: Row = {}) {
	const response = await send('/crm/surveys/links', {
		ip: freshIp(),
		token: 'survey-admin-token',
		json: { customer: customerId, survey, ...extra },
	});
	expect(response.status, response.text).toBe(201);
	const { url, expires_at } = JSON.parse(response.text).data;
	return { url: url as string, token: new URL(url).searchParams.get('token')!, expiresAt: expires_at as string };
}
const answer = (token: string, score: number | string, comment = '', ip = freshIp()) =>
	send('/crm/surveys/answer', { ip, form: { token, score: String(score), comment } });
const feedbackOf = (customerId: number) => rows('crm_feedback', { customer: { _eq: customerId } });
const tasksOf = (customerId: number) =>
	rows('crm_interactions', { customer: { _eq: customerId }, type: { _eq: 'task' } });
const lastNps = async (customerId: number) =>
	((await crm.client.request(readItem('crm_customers' as never, customerId, { fields: ['last_nps'] } as never))) as Row)
		.last_nps;

/** Boots its own CRM and registers the whole suite; `extra` adds database-specific cases with the same helpers. */
export function surveysSuite(db: 'sqlite' | 'postgres', extra?: (h: SurveyHelpers) => void) {
	beforeAll(async () => {
		crm = await bootCrm(`surveys-${db}`, {
			db,
			env: { IP_TRUST_PROXY: 'true', CRM_PUBLIC_RATE_LIMIT: String(RATE_LIMIT) },
		});
		// A static token for the admin, so link requests can be made with plain fetch like the public ones.
		await crm.client.request(updateMe({ token: 'survey-admin-token' } as never));
		owner = (
			(await crm.client.request(
				createUser({ email: 'owner@example.com', first_name: '담당', last_name: '영업' } as never),
			)) as Row
		).id;
		supportOwner = (
			(await crm.client.request(
				createUser({ email: 'support@example.com', first_name: '고객', last_name: '지원' } as never),
			)) as Row
		).id;
		await crm.client.request(
			updateSingleton(
				'crm_settings' as never,
				{ support_owner: supportOwner, nps_low_threshold: 6, survey_link_days: 30 } as never,
			),
		);
		await create('crm_templates', {
			key: 'nps_after_purchase',
			name: '구매 후 NPS',
			kind: 'survey',
			survey_scale: 'nps',
			language: 'ko-KR',
			subject: '저희 매장을 친구에게 추천하시겠어요?',
			body: '{{first_name}}님, 최근 구매는 어떠셨나요?',
		});
		await create('crm_templates', {
			key: 'csat_support',
			name: 'Support CSAT',
			kind: 'survey',
			survey_scale: 'csat',
			language: 'en-US',
			subject: 'How satisfied were you with our support?',
		});
		await create('crm_templates', { key: 'plain_email', name: 'Not a survey', kind: 'email', subject: 'Hi' });
		await userWithRole(crm.client, crm.url, 'CRM Support', 'survey-support-token');
		await userWithRole(crm.client, crm.url, 'CRM Marketing', 'survey-marketing-token');
	});

	afterAll(async () => {
		await crm?.stop();
	});

	describe('survey links', () => {
		it('are created by staff who can create feedback, and refused otherwise or for bad input', async () => {
			const c = await customer('링크 고객');
			const made = await send('/crm/surveys/links', {
				ip: freshIp(),
				token: 'survey-support-token',
				json: { customer: c.id, survey: 'nps_after_purchase' },
			});
			expect(made.status, made.text).toBe(201);
			const { url, expires_at } = JSON.parse(made.text).data;
			expect(url.startsWith(`${crm.url}/crm/surveys/answer?token=`)).toBe(true);
			expect(Math.abs(Date.parse(expires_at) - Date.now() - 30 * 86_400_000)).toBeLessThan(60_000);

			const denied = await send('/crm/surveys/links', {
				ip: freshIp(),
				token: 'survey-marketing-token',
				json: { customer: c.id, survey: 'nps_after_purchase' },
			});
			expect(denied.status).toBe(403);
			expect(
				(await send('/crm/surveys/links', { ip: freshIp(), json: { customer: c.id, survey: 'nps_after_purchase' } }))
					.status,
			).toBe(403);
			const bad = await send('/crm/surveys/links', {
				ip: freshIp(),
				token: 'survey-admin-token',
				json: { customer: 'x', survey: 'has space' },
			});
			expect(bad.status).toBe(400);
			expect(JSON.parse(bad.text).errors.map((e: Row) => e.extensions.field)).toEqual(['customer', 'survey']);
			const notSurvey = await send('/crm/surveys/links', {
				ip: freshIp(),
				token: 'survey-admin-token',
				json: { customer: c.id, survey: 'plain_email' },
			});
			expect([notSurvey.status, JSON.parse(notSurvey.text).errors[0].extensions.field]).toEqual([404, 'survey']);
			const noCustomer = await send('/crm/surveys/links', {
				ip: freshIp(),
				token: 'survey-admin-token',
				json: { customer: 999999, survey: 'nps_after_purchase' },
			});
			expect([noCustomer.status, JSON.parse(noCustomer.text).errors[0].extensions.field]).toEqual([404, 'customer']);
		});

		it('open a Korean answer page for a phone, with the question and 0-10 choices', async () => {
			const c = await customer('김민준', { first_name: '민준', language: 'ko-KR' });
			const { url } = await link(c.id);
			const page = await send(new URL(url).pathname + new URL(url).search, { ip: freshIp() });
			expect(page.status).toBe(200);
			expect(page.headers.get('content-type')).toMatch(/^text\/html/);
			expect(page.headers.get('cache-control')).toBe('no-store');
			expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
			expect(page.text).toContain('<html lang="ko">');
			expect(page.text).toContain('name="viewport"');
			expect(page.text).toContain('저희 매장을 친구에게 추천하시겠어요?');
			expect(page.text).toContain('민준님, 최근 구매는 어떠셨나요?');
			expect(page.text.match(/type="radio"/g)).toHaveLength(11);
			expect(page.text).toContain('제출하기');
		});
	});

	describe('answering', () => {
		it('stores the answer as feedback, keeps last_nps, and a re-submission updates the same row', async () => {
			const c = await customer('재응답 고객', { owner });
			const order = await create('crm_orders', {
				customer: c.id,
				status: 'paid',
				ordered_at: new Date().toISOString(),
				total: 10_000,
			});
			const { token } = await link(c.id, 'nps_after_purchase', { order: order.id, channel: 'kakao' });
			const first = await answer(token, 9, '친절했어요');
			expect(first.status).toBe(200);
			expect(first.text).toContain('소중한 의견 감사합니다');
			let stored = await feedbackOf(c.id);
			expect(stored).toHaveLength(1);
			expect(stored[0]).toMatchObject({
				kind: 'nps',
				score: 9,
				comment: '친절했어요',
				survey: 'nps_after_purchase',
				order: order.id,
				channel: 'kakao',
				source_key: `survey:${c.id}:nps_after_purchase:${order.id}`,
			});
			expect(await lastNps(c.id)).toBe(9);

			const [again] = await Promise.all([
				answer(token, 10, '다시 생각해보니 최고'),
				answer(token, 10, '다시 생각해보니 최고'),
			]);
			expect(again.status).toBe(200);
			stored = await feedbackOf(c.id);
			expect(stored).toHaveLength(1);
			expect(stored[0]).toMatchObject({ score: 10, comment: '다시 생각해보니 최고' });
			expect(await lastNps(c.id)).toBe(10);
			expect(await tasksOf(c.id)).toEqual([]);

			// Re-opened: the earlier answer is preselected.
			const reopened = await send(`/crm/surveys/answer?token=${token}`, { ip: freshIp() });
			expect(reopened.text).toContain('value="10" required checked');
			expect(reopened.text).toContain('다시 생각해보니 최고</textarea>');
			expect(reopened.text).toContain('이미 응답하셨습니다');
		});

		it('accepts JSON from apps (201 created, 200 updated) and refuses a score off the scale', async () => {
			const c = await customer('Jane Doe', { language: 'en-US' });
			const { token } = await link(c.id, 'csat_support');
			const created = await send('/crm/surveys/answer', { ip: freshIp(), json: { token, score: 4 } });
			expect(created.status, created.text).toBe(201);
			expect(JSON.parse(created.text).data).toMatchObject({ score: 4, updated: false, task: null });
			expect(
				(await send('/crm/surveys/answer', { ip: freshIp(), json: { token, score: 5, comment: 'great' } })).status,
			).toBe(200);
			const off = await send('/crm/surveys/answer', { ip: freshIp(), json: { token, score: 6 } });
			expect([off.status, JSON.parse(off.text).errors[0].extensions.field]).toEqual([400, 'score']);
			const form = await answer(token, '');
			expect(form.status).toBe(400);
			expect(form.text).toContain('Please choose a score.');
			expect((await feedbackOf(c.id)).map((f) => [f.kind, f.score])).toEqual([['csat', 5]]);
		});

		it('creates exactly one open Support task for a low score, for the owner, and leaves it when the score rises', async () => {
			const c = await customer('저점 고객', { owner });
			const { token } = await link(c.id);
			expect((await answer(token, 3, '배송이 너무 늦었어요')).status).toBe(200);
			expect((await answer(token, 2, '여전히 불만입니다')).status).toBe(200);
			let tasks = await tasksOf(c.id);
			expect(tasks).toHaveLength(1);
			const [feedback] = await feedbackOf(c.id);
			expect(tasks[0]).toMatchObject({
				status: 'open',
				direction: 'internal',
				assignee: owner,
				source_key: `low-score:${feedback.id}`,
			});
			expect(tasks[0].subject).toContain('NPS 3/10');
			expect(tasks[0].body).toContain('배송이 너무 늦었어요');
			expect(await lastNps(c.id)).toBe(2);

			expect((await answer(token, 9)).status).toBe(200);
			tasks = await tasksOf(c.id);
			expect(tasks.map((t) => t.status)).toEqual(['open']);
			expect(await lastNps(c.id)).toBe(9);
		});

		it('gives the task to the support owner when the customer has none; CSAT 2 is low, 3 is not', async () => {
			const c = await customer('Unowned', { language: 'en-US' });
			await answer((await link(c.id, 'csat_support')).token, 2, 'slow');
			expect((await tasksOf(c.id)).map((t) => t.assignee)).toEqual([supportOwner]);
			const d = await customer('Content');
			await answer((await link(d.id, 'csat_support')).token, 3);
			expect(await tasksOf(d.id)).toEqual([]);
		});
	});

	describe('bad links', () => {
		it('refuse tampered (403), wrong-purpose (403), expired (410) and malformed (400) links and write nothing', async () => {
			const c = await customer('Expired Kim', { language: 'en-US' });
			const { token } = await link(c.id);
			const [payload, signature] = token.split('.');
			const flipped = payload.slice(0, 5) + (payload[5] === 'A' ? 'B' : 'A') + payload.slice(6);
			const expired = new URL(
				surveyUrl(
					crm.url,
					{ customer: c.id, survey: 'nps_after_purchase', expiresAt: new Date(Date.now() - 1000) },
					crm.env.SECRET,
				),
			).searchParams.get('token')!;
			const wrongPurpose = new URL(
				unsubscribeUrl(crm.url, c.id, 'email', new Date(Date.now() + 86_400_000), crm.env.SECRET),
			).searchParams.get('token')!;
			const cases: [string, number, string][] = [
				[`${flipped}.${signature}`, 403, '유효하지 않은 링크입니다'],
				[wrongPurpose, 403, 'This link is not valid'],
				[expired, 410, 'This link has expired'],
				['not-a-token', 400, '잘못된 링크입니다'],
				[`${payload}.${signature}x`, 400, 'This link is not valid'],
			];
			for (const [bad, status, text] of cases) {
				const shown = await send(`/crm/surveys/answer?token=${encodeURIComponent(bad)}`, { ip: freshIp() });
				expect([bad, shown.status]).toEqual([bad, status]);
				expect(shown.text).toContain(text);
				expect((await answer(bad, 1, 'forged')).status).toBe(status);
			}
			// The expired page is in the customer's own language only (the signature is genuine); forged ones are bilingual.
			expect((await send(`/crm/surveys/answer?token=${expired}`, { ip: freshIp() })).text).not.toContain('만료');
			expect(await feedbackOf(c.id)).toEqual([]);
			expect(await tasksOf(c.id)).toEqual([]);
		});

		it('rate limits the public pages per IP with 429', async () => {
			const ip = freshIp();
			const statuses: number[] = [];
			for (let i = 0; i < RATE_LIMIT + 2; i++)
				statuses.push((await send('/crm/surveys/answer?token=x', { ip })).status);
			expect(statuses.slice(0, RATE_LIMIT).every((status) => status === 400)).toBe(true);
			expect(statuses.slice(RATE_LIMIT)).toEqual([429, 429]);
			const limited = await send('/crm/unsubscribe?token=x', { ip });
			expect(limited.status).toBe(429);
			expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
			expect((await send('/crm/surveys/answer?token=x', { ip: freshIp() })).status).toBe(400);
		});
	});

	describe('unsubscribe', () => {
		it('confirms on GET without changing anything, withdraws consent once on POST with history, and is idempotent', async () => {
			const c = await customer('수신거부 고객', { consent_email: true, consent_sms: true, consent_kakao: true });
			const url = unsubscribeUrl(crm.url, c.id, 'email', new Date(Date.now() + 365 * 86_400_000), crm.env.SECRET);
			const token = new URL(url).searchParams.get('token')!;
			const confirm = await send(`/crm/unsubscribe?token=${token}`, { ip: freshIp() });
			expect(confirm.status).toBe(200);
			expect(confirm.text).toContain('이메일(으)로 받는 광고성 정보 수신을 거부하시겠습니까?');
			const read = async () =>
				(await crm.client.request(
					readItem('crm_customers' as never, c.id, {
						fields: ['consent_email', 'consent_email_at', 'consent_sms'],
					} as never),
				)) as Row;
			expect((await read()).consent_email).toBe(true);

			const done = await send('/crm/unsubscribe', { ip: freshIp(), form: { token } });
			expect(done.status).toBe(200);
			expect(done.text).toContain('수신 거부가 완료되었습니다');
			const after = await read();
			expect(after).toMatchObject({ consent_email: false, consent_sms: true });
			expect(Math.abs(Date.parse(after.consent_email_at) - Date.now())).toBeLessThan(60_000);
			const again = await send('/crm/unsubscribe', { ip: freshIp(), json: { token } });
			expect(JSON.parse(again.text).data).toMatchObject({ changed: false, channel: 'email' });
			const history = await rows('crm_history', { customer: { _eq: c.id } });
			expect(history.map((h) => [h.kind, h.from_value, h.to_value, h.reason])).toEqual([
				['consent', 'true', 'false', 'unsubscribe link (email)'],
			]);

			// A tampered unsubscribe link changes nothing.
			const sms = unsubscribeUrl(crm.url, c.id, 'sms', new Date(Date.now() + 86_400_000), crm.env.SECRET);
			const smsToken = new URL(sms).searchParams.get('token')!;
			const forged = `${smsToken.slice(0, 5)}${smsToken[5] === 'A' ? 'B' : 'A'}${smsToken.slice(6)}`;
			expect((await send('/crm/unsubscribe', { ip: freshIp(), form: { token: forged } })).status).toBe(403);
			expect((await read()).consent_sms).toBe(true);

			// RFC 8058 one-click from a mail client: the token in the URL, "List-Unsubscribe=One-Click" as the body.
			const kakao = new URL(
				unsubscribeUrl(crm.url, c.id, 'kakao', new Date(Date.now() + 86_400_000), crm.env.SECRET),
			).searchParams.get('token')!;
			expect(
				(await send(`/crm/unsubscribe?token=${kakao}`, { ip: freshIp(), form: { 'List-Unsubscribe': 'One-Click' } }))
					.status,
			).toBe(200);
			const kakaoAfter = (await crm.client.request(
				readItem('crm_customers' as never, c.id, { fields: ['consent_kakao'] } as never),
			)) as Row;
			expect(kakaoAfter.consent_kakao).toBe(false);
			expect((await rows('crm_history', { customer: { _eq: c.id } })).map((h) => h.reason)).toEqual([
				'unsubscribe link (email)',
				'unsubscribe link (kakao)',
			]);
		});
	});

	extra?.({ crm: () => crm, customer, link, answer, send, freshIp, feedbackOf, tasksOf, rows });
}
