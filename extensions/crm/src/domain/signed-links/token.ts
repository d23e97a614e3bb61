// Signed, expiring links for public pages (survey answers, one-click unsubscribe): `<payload>.<signature>`, both
// base64url; the signature is HMAC-SHA256 over the payload's text. The HMAC itself is passed in (the glue builds it
// on node:crypto with a key derived from Directus's SECRET), and so is the clock: nothing here reads the runtime.
import { decodeBase64Url, encodeBase64Url, utf8 } from './base64url';

export const UNSUBSCRIBE_CHANNELS = ['email', 'sms', 'kakao'] as const;
export type UnsubscribeChannel = (typeof UNSUBSCRIBE_CHANNELS)[number];
export type LinkPurpose = 'survey' | 'unsubscribe';

export interface SurveyLink {
	purpose: 'survey';
	customer: number;
	/** The survey template's key. */
	survey: string;
	order?: number | null;
	/** The channel the link was sent by (stored on the answer); none = web. */
	channel?: string | null;
	expiresAt: Date;
}

export interface UnsubscribeLink {
	purpose: 'unsubscribe';
	customer: number;
	channel: UnsubscribeChannel;
	expiresAt: Date;
}

export type SignedLink = SurveyLink | UnsubscribeLink;
export type LinkOf<P extends LinkPurpose> = Extract<SignedLink, { purpose: P }>;

/** HMAC-SHA256 of the message under the link key (32 bytes). */
export type Hmac = (message: Uint8Array) => Uint8Array;
/** Compares two byte strings in time independent of where they differ. */
export type ConstantTimeEqual = (a: Uint8Array, b: Uint8Array) => boolean;

export type LinkFailure = 'malformed' | 'tampered' | 'wrong-purpose' | 'expired';
export type VerifyResult<P extends LinkPurpose> =
	| { ok: true; link: LinkOf<P> }
	/** `link` is set only when the signature is genuine (expired), so the page can speak the customer's language. */
	| { ok: false; reason: LinkFailure; link?: LinkOf<P> };

export const MAX_TOKEN_LENGTH = 1024;
const SIGNATURE_BYTES = 32;
const KEY_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;
const CHANNEL_PATTERN = /^[a-z_]{1,20}$/;

/** A survey key that can travel in a link (and in the answer's source key). */
export const isLinkableSurveyKey = (key: unknown): key is string => typeof key === 'string' && KEY_PATTERN.test(key);

/** Pure-JS constant-time comparison (the glue passes crypto.timingSafeEqual instead). */
export const constantTimeEqual: ConstantTimeEqual = (a, b) => {
	if (a.length !== b.length) return false;
	let diff = 0;
	for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
	return diff === 0;
};

const positiveInt = (value: unknown): value is number =>
	typeof value === 'number' && Number.isSafeInteger(value) && value > 0;

function toWire(link: SignedLink): Record<string, unknown> {
	const e = Math.floor(link.expiresAt.getTime() / 1000);
	if (!Number.isSafeInteger(e) || e <= 0) throw new RangeError('expiresAt must be a valid date after 1970');
	if (!positiveInt(link.customer)) throw new RangeError('customer must be a positive whole number');
	if (link.purpose === 'unsubscribe') {
		if (!UNSUBSCRIBE_CHANNELS.includes(link.channel))
			throw new RangeError(`channel must be one of ${UNSUBSCRIBE_CHANNELS.join(', ')}`);
		return { v: 1, p: 'u', c: link.customer, ch: link.channel, e };
	}
	if (!isLinkableSurveyKey(link.survey)) throw new RangeError('survey must be 1-64 letters, digits, "_", "." or "-"');
	if (link.order != null && !positiveInt(link.order)) throw new RangeError('order must be a positive whole number');
	if (link.channel != null && !CHANNEL_PATTERN.test(link.channel))
		throw new RangeError('channel must be a channel name');
	return {
		v: 1,
		p: 's',
		c: link.customer,
		s: link.survey,
		...(link.order != null ? { o: link.order } : {}),
		...(link.channel != null ? { ch: link.channel } : {}),
		e,
	};
}

function fromWire(wire: unknown): SignedLink | null {
	if (!wire || typeof wire !== 'object' || Array.isArray(wire)) return null;
	const w = wire as Record<string, unknown>;
	if (w.v !== 1 || !positiveInt(w.c) || !positiveInt(w.e)) return null;
	const expiresAt = new Date(w.e * 1000);
	if (w.p === 'u') {
		if (!UNSUBSCRIBE_CHANNELS.includes(w.ch as UnsubscribeChannel)) return null;
		return { purpose: 'unsubscribe', customer: w.c, channel: w.ch as UnsubscribeChannel, expiresAt };
	}
	if (w.p !== 's' || !isLinkableSurveyKey(w.s)) return null;
	if (w.o !== undefined && !positiveInt(w.o)) return null;
	if (w.ch !== undefined && (typeof w.ch !== 'string' || !CHANNEL_PATTERN.test(w.ch))) return null;
	return {
		purpose: 'survey',
		customer: w.c,
		survey: w.s,
		order: (w.o as number | undefined) ?? null,
		channel: (w.ch as string | undefined) ?? null,
		expiresAt,
	};
}

/** The token for a link; throws RangeError on a value that cannot be signed. */
export function signLink(link: SignedLink, hmac: Hmac): string {
	const payload = encodeBase64Url(utf8.encode(JSON.stringify(toWire(link))));
	return `${payload}.${encodeBase64Url(hmac(utf8.encode(payload)))}`;
}

/**
 * Checks, in this order: the token's shape (malformed), the signature in constant time (tampered), the payload
 * (malformed), the purpose (wrong-purpose), then expiry: valid while `now` is before `expiresAt`, expired from that
 * second on.
 */
export function verifyLink<P extends LinkPurpose>(
	token: unknown,
	purpose: P,
	options: { hmac: Hmac; now: Date; equal?: ConstantTimeEqual },
): VerifyResult<P> {
	if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH)
		return { ok: false, reason: 'malformed' };
	const parts = token.split('.');
	if (parts.length !== 2 || !parts[0]) return { ok: false, reason: 'malformed' };
	const payloadBytes = decodeBase64Url(parts[0]);
	const signature = decodeBase64Url(parts[1]);
	if (!payloadBytes || !signature || signature.length !== SIGNATURE_BYTES) return { ok: false, reason: 'malformed' };
	const expected = options.hmac(utf8.encode(parts[0]));
	if (!(options.equal ?? constantTimeEqual)(expected, signature)) return { ok: false, reason: 'tampered' };
	let link: SignedLink | null;
	try {
		link = fromWire(JSON.parse(utf8.decode(payloadBytes)));
	} catch {
		link = null;
	}
	if (!link) return { ok: false, reason: 'malformed' };
	if (link.purpose !== purpose) return { ok: false, reason: 'wrong-purpose' };
	if (options.now.getTime() >= link.expiresAt.getTime())
		return { ok: false, reason: 'expired', link: link as LinkOf<P> };
	return { ok: true, link: link as LinkOf<P> };
}
