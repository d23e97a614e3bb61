// The one signed-link helper's Node glue: HMAC-SHA256 from node:crypto under a key derived from Directus's SECRET
// and a fixed label (so the CRM never signs with SECRET itself, which also signs Directus's sessions), constant-time
// comparison with crypto.timingSafeEqual, and the absolute URLs of the public pages.
// Every replica must share SECRET (Directus needs that anyway); changing SECRET invalidates every link sent.
import { createHmac, timingSafeEqual } from 'node:crypto';
import {
	signLink,
	verifyLink,
	type ConstantTimeEqual,
	type Hmac,
	type LinkPurpose,
	type SurveyLink,
	type UnsubscribeChannel,
	type VerifyResult,
} from '../domain/signed-links';

const KEY_LABEL = 'directus-crm/signed-links/v1';
const hmacs = new Map<string, Hmac>();
let configuredSecret: string | null = null;

/** Remembers Directus's SECRET for the URL helpers; called when the CRM's endpoint and hook entries register. */
export function configureSignedLinks(env: Record<string, unknown>) {
	if (typeof env.SECRET === 'string' && env.SECRET) configuredSecret = env.SECRET;
}

function linkSecret(): string {
	const secret = configuredSecret ?? process.env.SECRET;
	if (!secret) throw new Error("crm: signed links need Directus's SECRET to be set (the same value on every replica).");
	return secret;
}

/** HMAC-SHA256 under HMAC-SHA256(SECRET, label): the link key. */
export function linkHmac(secret: string = linkSecret()): Hmac {
	let hmac = hmacs.get(secret);
	if (!hmac) {
		const key = createHmac('sha256', secret).update(KEY_LABEL).digest();
		hmac = (message) => new Uint8Array(createHmac('sha256', key).update(message).digest());
		hmacs.set(secret, hmac);
	}
	return hmac;
}

export const timingSafe: ConstantTimeEqual = (a, b) => a.length === b.length && timingSafeEqual(a, b);

export function verifyToken<P extends LinkPurpose>(
	token: unknown,
	purpose: P,
	now: Date,
	secret?: string,
): VerifyResult<P> {
	return verifyLink(token, purpose, { hmac: linkHmac(secret), now, equal: timingSafe });
}

/** PUBLIC_URL without its trailing slash; a relative PUBLIC_URL (Directus's default "/") falls back to `origin`. */
export function publicBase(publicUrl: unknown, origin?: string): string {
	const url = typeof publicUrl === 'string' ? publicUrl.trim().replace(/\/+$/, '') : '';
	if (/^https?:\/\//i.test(url)) return url;
	return `${(origin ?? '').replace(/\/+$/, '')}${url}`;
}

export function surveyUrl(publicUrl: string, link: Omit<SurveyLink, 'purpose'>, secret?: string): string {
	const token = signLink({ purpose: 'survey', ...link }, linkHmac(secret));
	return `${publicBase(publicUrl)}/crm/surveys/answer?token=${token}`;
}

/** The one-click unsubscribe link for a customer and channel (rendered into messages by follow-ups). */
export function unsubscribeUrl(
	publicUrl: string,
	customer: number,
	channel: UnsubscribeChannel,
	expiresAt: Date,
	secret?: string,
): string {
	const token = signLink({ purpose: 'unsubscribe', customer, channel, expiresAt }, linkHmac(secret));
	return `${publicBase(publicUrl)}/crm/unsubscribe?token=${token}`;
}
