import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { adaptersFromEnv, mailAdapter, ProviderError, webhookAdapter, type OutgoingMessage } from './providers';

const message: OutgoingMessage = {
	outboxId: 7,
	idempotencyKey: 'crm-outbox-7',
	channel: 'sms',
	customer: 3,
	to: '+821012345678',
	subject: '',
	body: '(광고) 안녕하세요',
	marketing: true,
};
const reject = async (promise: Promise<unknown>) =>
	(await promise.then(
		() => null,
		(error) => error,
	)) as ProviderError;

describe('webhook provider adapter', () => {
	it('posts a signed JSON message with the idempotency key and keeps the provider id', async () => {
		let seen: { url: string; init: RequestInit } | null = null;
		const adapter = webhookAdapter('sms', { url: 'https://sms.example/send', secret: 's3cret' }, (async (
			url: string,
			init: RequestInit,
		) => {
			seen = { url, init };
			return new Response(JSON.stringify({ id: 'msg-42' }), { status: 202 });
		}) as never);
		expect(await adapter.send(message)).toEqual({ providerId: 'msg-42' });
		const headers = seen!.init.headers as Record<string, string>;
		expect(headers['idempotency-key']).toBe('crm-outbox-7');
		const expected = createHmac('sha256', 's3cret')
			.update(`${headers['x-crm-timestamp']}.${seen!.init.body}`)
			.digest('hex');
		expect(headers['x-crm-signature']).toBe(`sha256=${expected}`);
		expect(JSON.parse(String(seen!.init.body))).toMatchObject({
			id: 7,
			to: '+821012345678',
			channel: 'sms',
			marketing: true,
		});
		expect(adapter.idempotent).toBe(true);
	});

	it('retries 5xx, 429 and network errors, and fails other 4xx at once', async () => {
		const answering = (status: number) =>
			webhookAdapter(
				'kakao',
				{ url: 'https://k.example', secret: 'x' },
				(async () => new Response('nope', { status })) as never,
			);
		expect((await reject(answering(503).send(message))).permanent).toBe(false);
		expect((await reject(answering(429).send(message))).permanent).toBe(false);
		const bad = await reject(answering(400).send(message));
		expect(bad.permanent).toBe(true);
		expect(bad.message).toBe('kakao webhook answered 400: nope');
		const down = webhookAdapter('sms', { url: 'https://sms.example', secret: 'x' }, (async () => {
			throw new Error('ECONNREFUSED');
		}) as never);
		expect(await reject(down.send(message))).toMatchObject({
			permanent: false,
			message: 'sms webhook unreachable: ECONNREFUSED',
		});
	});

	it('fails a channel without a configured provider, naming the setting', async () => {
		const adapters = adaptersFromEnv(
			{},
			mailAdapter(async () => ({ send: async () => null }), undefined),
		);
		expect(await reject(adapters.sms.send(message))).toMatchObject({
			permanent: true,
			message: 'no sms provider configured (set CRM_SMS_WEBHOOK_URL)',
		});
	});

	it('refuses a webhook without a signing secret of at least 16 characters instead of sending it unsigned', async () => {
		const mail = mailAdapter(async () => ({ send: async () => null }), undefined);
		for (const secret of [undefined, '', 'short-secret']) {
			const adapters = adaptersFromEnv(
				{ CRM_KAKAO_WEBHOOK_URL: 'https://k.example', CRM_KAKAO_WEBHOOK_SECRET: secret },
				mail,
			);
			expect(await reject(adapters.kakao.send(message))).toMatchObject({
				permanent: true,
				message:
					'no kakao provider configured (set CRM_KAKAO_WEBHOOK_SECRET to a random value of at least 16 characters)',
			});
		}
		// With a proper secret the adapter really calls the URL (nothing listens on port 1, so it is a retryable failure).
		const configured = adaptersFromEnv(
			{ CRM_KAKAO_WEBHOOK_URL: 'http://127.0.0.1:1/hook', CRM_KAKAO_WEBHOOK_SECRET: 'a-long-random-secret' },
			mail,
		);
		expect(await reject(configured.kakao.send(message))).toMatchObject({
			permanent: false,
			message: expect.stringMatching(/^kakao webhook unreachable: /),
		});
	});
});

describe('mail adapter', () => {
	const email = {
		...message,
		channel: 'email' as const,
		to: 'a@example.kr',
		subject: 's',
		from: { name: '상점', address: 'shop@haeoreum.kr' },
	};
	it('sends through the mail service with a stable Message-ID', async () => {
		let sent: Record<string, unknown> = {};
		const adapter = mailAdapter(
			async () => ({ send: async (data) => ((sent = data), { messageId: '<x@y>' }) }),
			'crm@example.kr',
		);
		expect(await adapter.send(email)).toEqual({ providerId: '<x@y>' });
		expect(sent).toMatchObject({
			to: 'a@example.kr',
			messageId: '<crm-outbox-7@haeoreum.kr>',
			from: { name: '상점', address: 'shop@haeoreum.kr' },
		});
	});

	it('treats SMTP 5xx and rejected recipients as permanent, connection errors as temporary', async () => {
		const failing = (error: unknown) =>
			mailAdapter(
				async () => ({
					send: async () => {
						throw error;
					},
				}),
				undefined,
			);
		expect(
			(await reject(failing(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 })).send(email)))
				.permanent,
		).toBe(true);
		expect(
			await reject(failing(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ESOCKET' })).send(email)),
		).toMatchObject({ permanent: false, message: 'ESOCKET: connect ECONNREFUSED' });
		const rejected = mailAdapter(
			async () => ({ send: async () => ({ rejected: ['a@example.kr'], response: '550 no such user' }) }),
			undefined,
		);
		expect((await reject(rejected.send(email))).permanent).toBe(true);
	});
});
