// Rendering one message: the template's subject (never HTML-escaped: it is a header) and body (escaped for e-mail,
// plain for SMS/KakaoTalk), then the Korean advertising rules. Pure given the cache.
import { applyAdvertisingRules, type FinalMessage, type MessageChannel, type Sender } from './advertising';
import type { TemplateCache } from './engine';
import { asLocale, type FormatContext } from './helpers';
import { buildTemplateContext, type ContextInput } from './variables';

export interface TemplateRow {
	id: number | string;
	date_updated?: unknown;
	subject?: string | null;
	body?: string | null;
	language?: string | null;
}

export interface ComposeInput {
	template: TemplateRow;
	/** A message channel, or 'task' (rendered as plain text for the staff member). */
	channel: MessageChannel | 'task';
	marketing: boolean;
	context: Omit<ContextInput, 'sender' | 'unsubscribeUrl'>;
	sender: Sender;
	unsubscribeUrl: string | null;
	timeZone: string;
	currency: string;
	cache: TemplateCache;
}

export function composeMessage(input: ComposeInput): FinalMessage {
	const { template, cache } = input;
	const format: FormatContext = {
		locale: asLocale(template.language ?? input.context.customer.language),
		timeZone: input.timeZone,
		currency: input.currency,
	};
	const vars = buildTemplateContext({ ...input.context, sender: input.sender, unsubscribeUrl: input.unsubscribeUrl });
	const html = input.channel === 'email';
	const subject = cache
		.get(`${template.id}:subject`, template.date_updated, template.subject ?? '', { escape: false })(vars, format)
		.trim();
	const body = cache.get(`${template.id}:body`, template.date_updated, template.body ?? '', { escape: html })(
		vars,
		format,
	);
	if (input.channel === 'task') return { subject, body };
	const final = applyAdvertisingRules({
		channel: input.channel,
		marketing: input.marketing,
		subject,
		body,
		sender: input.sender,
		unsubscribeUrl: input.unsubscribeUrl,
	});
	return html ? final : { ...final, text: final.body };
}
