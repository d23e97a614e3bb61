// Korean advertising rules (정보통신망법 제50조 and its decree) applied to a rendered message. An advertising
// (marketing) message starts with "(광고)" and the sender's name, carries the sender's contact details, and says how
// to opt out for free with a link; e-mail gives the opt-out notice in Korean and English. Transactional messages
// (order follow-ups, surveys, receipts) are exempt and pass through unchanged.
import { convert, type HtmlToTextOptions } from 'html-to-text';

export type MessageChannel = 'email' | 'sms' | 'kakao';

export interface Sender {
	name?: string | null;
	email?: string | null;
	phone?: string | null;
	address?: string | null;
}

export interface MessageParts {
	channel: MessageChannel;
	marketing: boolean;
	subject: string;
	body: string;
	sender: Sender;
	unsubscribeUrl: string | null;
}

export interface FinalMessage {
	subject: string;
	/** E-mail: HTML; SMS/KakaoTalk: plain text. */
	body: string;
	/** E-mail only: the plain-text alternative. */
	text?: string;
}

export const AD_PREFIX = '(광고)';

const escapeHtml = (value: string) =>
	value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const BLOCK_TAG = /<(p|br|div|table|ul|ol|h[1-6])\b/i;

/** Plain text written in a textarea becomes paragraphs and line breaks; a body that already has HTML is kept. */
export function toEmailHtml(body: string): string {
	if (BLOCK_TAG.test(body)) return body;
	return body
		.split(/\n{2,}/)
		.map((paragraph) => `<p>${paragraph.replace(/\n/g, '<br>\n')}</p>`)
		.join('\n');
}

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({
	selector,
	options: { uppercase: false },
}));
const TEXT_OPTIONS: HtmlToTextOptions = {
	wordwrap: false,
	selectors: [
		// "수신거부 (https://…)": the link stays whole and clickable in the text part; a bare URL is not repeated.
		{ selector: 'a', options: { hideLinkHrefIfSameAsText: true, linkBrackets: ['(', ')'] } },
		{ selector: 'img', format: 'skip' },
		{ selector: 'hr', options: { length: 20 } },
		...HEADINGS,
	],
};

/**
 * The plain-text part of an e-mail, by html-to-text: every entity decoded (`&#x3D;` in a link, `O&#x27;Brien`, #15
 * finding 14), paragraphs apart by a blank line, links as "text (url)".
 */
export function htmlToText(html: string): string {
	return convert(html, TEXT_OPTIONS)
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}

/** Why a marketing message cannot legally be sent (missing sender or opt-out), or null. */
export function advertisingProblem(
	parts: Pick<MessageParts, 'marketing' | 'sender' | 'unsubscribeUrl'>,
): string | null {
	if (!parts.marketing) return null;
	if (!parts.sender.name?.trim()) return 'advertising needs the sender name (CRM settings: sender_name)';
	if (!parts.unsubscribeUrl) return 'advertising needs a free opt-out link (set PUBLIC_URL)';
	return null;
}

export function applyAdvertisingRules(parts: MessageParts): FinalMessage {
	const problem = advertisingProblem(parts);
	if (problem) throw new Error(problem);
	if (parts.channel === 'email') {
		const html = toEmailHtml(parts.body);
		if (!parts.marketing) return { subject: parts.subject, body: html, text: htmlToText(html) };
		const { name, email, phone, address } = parts.sender;
		const url = escapeHtml(parts.unsubscribeUrl!);
		const contact = [
			escapeHtml(name!),
			address && escapeHtml(address),
			phone && `전화 ${escapeHtml(phone)}`,
			email && escapeHtml(email),
		]
			.filter(Boolean)
			.join(' | ');
		const footer = [
			'<hr>',
			'<p style="font-size:12px;color:#666">',
			`발신자: ${contact}<br>`,
			`본 메일은 광고성 정보 수신에 동의하신 분께 발송되었습니다. 수신을 원하지 않으시면 <a href="${url}">수신거부</a>를 눌러 주세요. 수신거부는 무료입니다.<br>`,
			`You received this advertising e-mail because you agreed to it. To stop receiving it, <a href="${url}">unsubscribe</a> (free of charge).`,
			'</p>',
		].join('\n');
		const body = `${html}\n${footer}`;
		return { subject: `${AD_PREFIX} [${name}] ${parts.subject}`.trim(), body, text: htmlToText(body) };
	}
	if (!parts.marketing) return { subject: parts.subject, body: parts.body };
	const head = [AD_PREFIX, parts.sender.name, parts.sender.phone].filter(Boolean).join(' ');
	return { subject: parts.subject, body: `${head}\n${parts.body}\n무료수신거부 ${parts.unsubscribeUrl}` };
}
