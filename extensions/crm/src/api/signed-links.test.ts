import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { linkHmac, publicBase, surveyUrl, unsubscribeUrl, verifyToken } from './signed-links';

const SECRET = 'a-test-secret-of-at-least-thirty-two-bytes';
const LATER = new Date('2030-01-01T00:00:00Z');
const NOW = new Date('2029-06-01T00:00:00Z');
const tokenOf = (url: string) => new URL(url).searchParams.get('token');

describe('signed-link glue', () => {
	it('signs with a key derived from SECRET, never with SECRET itself', () => {
		const message = new TextEncoder().encode('payload');
		const direct = createHmac('sha256', SECRET).update(message).digest();
		expect(Buffer.from(linkHmac(SECRET)(message)).equals(direct)).toBe(false);
		expect(Buffer.from(linkHmac(SECRET)(message))).toEqual(Buffer.from(linkHmac(SECRET)(message)));
	});

	it('builds absolute survey and unsubscribe URLs that verify under the same SECRET only', () => {
		const survey = surveyUrl(
			'https://crm.example.com/',
			{ customer: 5, survey: 'nps_after_purchase', order: 9, expiresAt: LATER },
			SECRET,
		);
		expect(survey).toMatch(/^https:\/\/crm\.example\.com\/crm\/surveys\/answer\?token=[\w-]+\.[\w-]+$/);
		expect(verifyToken(tokenOf(survey), 'survey', NOW, SECRET)).toMatchObject({
			ok: true,
			link: { customer: 5, survey: 'nps_after_purchase', order: 9 },
		});
		expect(verifyToken(tokenOf(survey), 'survey', NOW, `${SECRET}-rotated`)).toEqual({ ok: false, reason: 'tampered' });

		const unsubscribe = unsubscribeUrl('https://crm.example.com/directus', 5, 'sms', LATER, SECRET);
		expect(unsubscribe.startsWith('https://crm.example.com/directus/crm/unsubscribe?token=')).toBe(true);
		expect(verifyToken(tokenOf(unsubscribe), 'unsubscribe', NOW, SECRET)).toMatchObject({
			ok: true,
			link: { customer: 5, channel: 'sms' },
		});
	});

	it('falls back to the request origin when PUBLIC_URL is relative (Directus\'s default "/")', () => {
		expect(publicBase('/', 'http://127.0.0.1:8055')).toBe('http://127.0.0.1:8055');
		expect(publicBase('https://a.example/x/', 'http://ignored')).toBe('https://a.example/x');
		expect(publicBase(undefined, 'http://h:1/')).toBe('http://h:1');
	});
});
