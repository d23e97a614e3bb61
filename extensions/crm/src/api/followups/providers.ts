// Delivery providers. E-mail goes through Directus's own MailService (so the project's EMAIL_TRANSPORT applies);
// SMS and KakaoTalk go through a provider adapter. The first adapter is a generic signed webhook (see README):
// POST <url> with JSON { id, idempotency_key, channel, to, subject, body, marketing, customer }, headers
// Idempotency-Key, X-CRM-Timestamp and X-CRM-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>;
// any 2xx answer with JSON { id } is accepted (that id is stored as provider_id).
import { createHmac } from 'node:crypto';

export type MessageChannel = 'email' | 'sms' | 'kakao';

export interface OutgoingMessage {
	outboxId: number;
	/** Stable per outbox row: providers that deduplicate on it make a resend harmless. */
	idempotencyKey: string;
	channel: MessageChannel;
	customer: number;
	to: string;
	subject: string;
	/** E-mail: HTML; SMS/KakaoTalk: plain text. */
	body: string;
	text?: string;
	marketing: boolean;
	from?: { name: string; address: string } | null;
}

export interface ProviderAdapter {
	readonly channel: MessageChannel;
	/** True when the provider deduplicates on `idempotencyKey`, so an interrupted send may safely be retried. */
	readonly idempotent: boolean;
	send(message: OutgoingMessage): Promise<{ providerId: string }>;
}

/** `permanent` errors fail the message at once (bad address, 4xx, not configured); others are retried with backoff. */
export class ProviderError extends Error {
	constructor(
		message: string,
		readonly permanent: boolean,
	) {
		super(message);
	}
}

type Mailer = {
	send(data: Record<string, unknown>): Promise<{ messageId?: string; rejected?: unknown[]; response?: string } | null>;
};

export function mailAdapter(mailer: () => Promise<Mailer>, defaultFrom: string | undefined): ProviderAdapter {
	return {
		channel: 'email',
		idempotent: false,
		async send(message) {
			const domain = (message.from?.address ?? defaultFrom ?? 'crm.invalid').split('@').pop();
			let info;
			try {
				info = await (
					await mailer()
				).send({
					to: message.to,
					subject: message.subject,
					html: message.body,
					text: message.text,
					...(message.from ? { from: message.from } : {}),
					messageId: `<crm-outbox-${message.outboxId}@${domain}>`,
				});
			} catch (error) {
				const e = error as { message?: string; responseCode?: number; code?: string };
				const permanent = (typeof e.responseCode === 'number' && e.responseCode >= 500) || e.code === 'EENVELOPE';
				throw new ProviderError(`${e.code ? `${e.code}: ` : ''}${e.message ?? String(error)}`, permanent);
			}
			if (!info)
				throw new ProviderError('the mail service sent nothing (an email.send filter dropped the message)', true);
			if (info.rejected?.length)
				throw new ProviderError(`recipient rejected: ${info.response ?? info.rejected.join(', ')}`, true);
			return { providerId: info.messageId ?? `<crm-outbox-${message.outboxId}@${domain}>` };
		},
	};
}

export interface WebhookConfig {
	url: string;
	secret: string;
	timeoutMs?: number;
}

export function webhookAdapter(
	channel: MessageChannel,
	config: WebhookConfig,
	fetchImpl: typeof fetch = fetch,
): ProviderAdapter {
	return {
		channel,
		idempotent: true,
		async send(message) {
			const body = JSON.stringify({
				id: message.outboxId,
				idempotency_key: message.idempotencyKey,
				channel,
				to: message.to,
				subject: message.subject,
				body: message.body,
				marketing: message.marketing,
				customer: message.customer,
			});
			const timestamp = String(Math.floor(Date.now() / 1000));
			const signature = createHmac('sha256', config.secret).update(`${timestamp}.${body}`).digest('hex');
			let response: Response;
			try {
				response = await fetchImpl(config.url, {
					method: 'POST',
					body,
					signal: AbortSignal.timeout(config.timeoutMs ?? 10_000),
					headers: {
						'content-type': 'application/json',
						'idempotency-key': message.idempotencyKey,
						'x-crm-timestamp': timestamp,
						'x-crm-signature': `sha256=${signature}`,
					},
				});
			} catch (error) {
				throw new ProviderError(`${channel} webhook unreachable: ${(error as Error).message}`, false);
			}
			const text = await response.text().catch(() => '');
			if (!response.ok) {
				const permanent =
					response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429;
				throw new ProviderError(`${channel} webhook answered ${response.status}: ${text.slice(0, 300)}`, permanent);
			}
			let id: unknown;
			try {
				id = JSON.parse(text)?.id;
			} catch {
				id = undefined;
			}
			return { providerId: id == null ? `${channel}:${message.idempotencyKey}` : String(id) };
		},
	};
}

/** A channel with no provider configured: every message fails at once, with the setting to fix named. */
export function unconfigured(channel: MessageChannel, setting: string): ProviderAdapter {
	return {
		channel,
		idempotent: true,
		send: async () => {
			throw new ProviderError(`no ${channel} provider configured (set ${setting})`, true);
		},
	};
}

export function adaptersFromEnv(
	env: Record<string, unknown>,
	mail: ProviderAdapter,
): Record<MessageChannel, ProviderAdapter> {
	const hook = (channel: 'sms' | 'kakao') => {
		const prefix = `CRM_${channel.toUpperCase()}_WEBHOOK`;
		const url = env[`${prefix}_URL`];
		if (typeof url !== 'string' || !url) return unconfigured(channel, `${prefix}_URL`);
		// An empty key would sign every request with a value anyone can compute: refuse rather than send unsigned.
		const secret = String(env[`${prefix}_SECRET`] ?? '');
		if (secret.length < 16)
			return unconfigured(channel, `${prefix}_SECRET to a random value of at least 16 characters`);
		return webhookAdapter(channel, { url, secret, timeoutMs: Number(env[`${prefix}_TIMEOUT_MS`] ?? 10_000) });
	};
	return { email: mail, sms: hook('sms'), kakao: hook('kakao') };
}
