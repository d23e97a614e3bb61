// Secrets never reach the log: a Directus 12 with the CRM at LOG_LEVEL=debug, JSON log lines (which include each
// request's URL and query), exercised through logins, the events API with a static token, signed survey and
// unsubscribe links (valid and tampered), and an SMS follow-up whose signed webhook fails. Afterwards the log holds
// none of the secrets. (At `trace` Directus itself logs every SQL statement with its bound values, static tokens
// included: that level is for debugging on throw-away data, as the README says.) The same routes are then logged once without LOG_HTTP_IGNORE_PATHS to show the check can fail.
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { customEndpoint } from '@directus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootCrm, freePort, type CrmInstance } from '../harness/crm.ts';
import { eventsApiToken, postEvents } from './events-api-helpers.ts';
import { followupHelpers } from './followups-helpers.ts';

const WEBHOOK_SECRET = 'sms-webhook-signing-secret-7f3a91';
const EVENTS_TOKEN = 'events-static-token-c0ffee-5e1f';
let crm: CrmInstance;
let hook: Server;
let received = 0;
const h = followupHelpers(() => crm);

beforeAll(async () => {
	const port = await freePort();
	// The SMS provider answers 500, so the CRM records (and may log) a delivery error.
	hook = createServer((req, res) => {
		received += 1;
		req.resume();
		res.writeHead(500, { 'content-type': 'text/plain' }).end('provider down');
	}).listen(port, '127.0.0.1');
	crm = await bootCrm('secrets-log', {
		env: {
			LOG_LEVEL: 'debug',
			LOG_STYLE: 'raw',
			PUBLIC_URL: 'https://crm.example.kr',
			CRM_TEST_CLOCK: '1',
			CRM_SMS_WEBHOOK_URL: `http://127.0.0.1:${port}/sms`,
			CRM_SMS_WEBHOOK_SECRET: WEBHOOK_SECRET,
		},
	});
});
afterAll(async () => {
	await crm?.stop();
	await new Promise((done) => hook?.close(done));
});

const logText = () => readFileSync(resolve(crm.dir, 'directus.log'), 'utf8');
const fetchText = async (path: string, init?: RequestInit) => {
	const response = await fetch(`${crm.url}${path}`, init);
	return { status: response.status, text: await response.text() };
};

/** Uses every secret-bearing path once and returns the secrets a log must never contain. */
async function exerciseSecrets() {
	const adminLogin = await fetchText('/auth/login', {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ email: 'admin@example.com', password: 'test-admin-password' }),
	});
	expect(adminLogin.status).toBe(200);
	const accessToken = JSON.parse(adminLogin.text).data.access_token as string;
	expect(
		(
			await fetchText('/auth/login', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ email: 'admin@example.com', password: 'wrong-password-b4d' }),
			})
		).status,
	).toBe(401);

	const accepted = await postEvents(crm.url, EVENTS_TOKEN, {
		type: 'customer.upsert',
		idempotency_key: `c-${Date.now()}`,
		data: { external_id: `ext-${Date.now()}`, full_name: '이서연' },
	});
	expect(accepted.status).toBe(201);
	expect((await postEvents(crm.url, `${EVENTS_TOKEN}-forged`, { type: 'customer.upsert' })).status).toBe(401);

	const customer = await h.customer({ consent_sms: true });
	const link = (await crm.client.request(
		customEndpoint({
			path: '/crm/surveys/links',
			method: 'POST',
			body: JSON.stringify({ customer: customer.id, survey: 'nps_after_purchase' }),
		}),
	)) as { url: string };
	const surveyToken = new URL(link.url).searchParams.get('token')!;
	expect((await fetchText(`/crm/surveys/answer?token=${encodeURIComponent(surveyToken)}`)).status).toBe(200);
	expect([400, 403]).toContain(
		(await fetchText(`/crm/surveys/answer?token=${encodeURIComponent(`${surveyToken.slice(0, -2)}xx`)}`)).status,
	);
	const answered = await fetchText('/crm/surveys/answer', {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ token: surveyToken, score: '9' }).toString(),
	});
	expect(answered.status).toBe(200);

	const { unsubscribeUrl } = await import('../../extensions/crm/src/api/signed-links.ts');
	const unsubscribeToken = new URL(
		unsubscribeUrl(crm.url, customer.id, 'sms', new Date(Date.now() + 86_400_000), crm.env.SECRET),
	).searchParams.get('token')!;
	expect((await fetchText(`/crm/unsubscribe?token=${encodeURIComponent(unsubscribeToken)}`)).status).toBe(200);
	const oneClick = await fetchText(`/crm/unsubscribe?token=${encodeURIComponent(unsubscribeToken)}`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: 'List-Unsubscribe=One-Click',
	});
	expect(oneClick.status).toBe(200);
	return { accessToken, surveyToken, unsubscribeToken };
}

describe('secrets in the log', () => {
	it('keeps keys, passwords, tokens, signed links and the webhook secret out of a debug-level log', async () => {
		await eventsApiToken(crm, EVENTS_TOKEN);
		await h.create('crm_templates', {
			key: 'nps_after_purchase',
			name: '구매 후 NPS',
			kind: 'survey',
			survey_scale: 'nps',
			language: 'ko-KR',
			subject: '추천하시겠어요?',
		});
		expect((await (await fetch(`${crm.url}/crm/health`)).json()).warnings).toEqual([]);
		const { accessToken, surveyToken, unsubscribeToken } = await exerciseSecrets();

		// An SMS through the signed webhook, which fails: the error is stored on the outbox row.
		const template = await h.template({
			kind: 'sms',
			purpose: 'transactional',
			body: '{{first_name}}님 주문 감사합니다',
		});
		const segment = await h.create('crm_segments', { name: `Secrets ${Date.now()}`, kind: 'static' });
		const customer = await h.customer({ phone: '010-9876-5432', consent_sms: true });
		await h.create('crm_segment_members', {
			segment: segment.id,
			customer: customer.id,
			entered_at: new Date().toISOString(),
			source: 'manual',
		});
		const rule = await h.rule({ trigger: 'manual', action: 'sms', template: template.id, segment: segment.id });
		expect(await h.call(`/crm/followups/rules/${rule.id}/run`, { key: 'secrets' })).toEqual({ members: 1, planned: 1 });
		await h.dispatch(new Date(Date.now() + 60_000));
		const [row] = await h.rows('crm_outbox', { rule: { _eq: rule.id } });
		expect(received).toBeGreaterThan(0);
		expect(row.last_error).toContain('sms webhook answered 500');
		await h.archive(rule.id);

		const log = logText();
		// The log is really on: the HTTP log has the events call, and CRM routes are logged at this level.
		expect(log).toContain('"url":"/crm/events"');
		expect(log).toContain('"url":"/crm/health"');
		const secrets = {
			SECRET: crm.env.SECRET,
			KEY: crm.env.KEY,
			adminPassword: 'test-admin-password',
			wrongPassword: 'wrong-password-b4d',
			accessToken,
			staticToken: EVENTS_TOKEN,
			surveyToken,
			unsubscribeToken,
			webhookSecret: WEBHOOK_SECRET,
		};
		for (const [name, secret] of Object.entries(secrets)) {
			expect(log.includes(String(secret)), `${name} appears in directus.log`).toBe(false);
			expect(String(row.last_error).includes(String(secret)), `${name} appears in the outbox error`).toBe(false);
		}
	});

	it('would log signed links without LOG_HTTP_IGNORE_PATHS, and /crm/health warns about it', async () => {
		crm.env.LOG_HTTP_IGNORE_PATHS = '';
		await crm.restart();
		const health = await (await fetch(`${crm.url}/crm/health`)).json();
		expect(health.warnings).toEqual([
			expect.stringContaining('LOG_HTTP_IGNORE_PATHS should include /crm/surveys/answer,/crm/unsubscribe'),
		]);
		const { surveyToken, unsubscribeToken } = await exerciseSecrets();
		const log = logText();
		expect(log).toContain(surveyToken);
		expect(log).toContain(unsubscribeToken);
		expect(log).toContain('crm: LOG_HTTP_IGNORE_PATHS should include');
	});
});
