import { createHmac, timingSafeEqual } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeBase64Url, encodeBase64Url } from './base64url';
import { constantTimeEqual, signLink, verifyLink, type Hmac, type SurveyLink, type UnsubscribeLink } from './token';

const hmacWith =
	(key: string): Hmac =>
	(message) =>
		new Uint8Array(createHmac('sha256', key).update(message).digest());
const hmac = hmacWith('test-key');
const equal = (a: Uint8Array, b: Uint8Array) => a.length === b.length && timingSafeEqual(a, b);
const EXPIRES = new Date('2026-12-31T15:00:00Z');
const BEFORE = new Date(EXPIRES.getTime() - 1000);
const survey: SurveyLink = {
	purpose: 'survey',
	customer: 42,
	survey: 'nps_after_purchase',
	order: 7,
	channel: 'email',
	expiresAt: EXPIRES,
};
const unsubscribe: UnsubscribeLink = { purpose: 'unsubscribe', customer: 42, channel: 'kakao', expiresAt: EXPIRES };

describe('signLink / verifyLink', () => {
	it('round-trips survey and unsubscribe links (with node:crypto and with the pure comparison)', () => {
		const token = signLink(survey, hmac);
		expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
		expect(verifyLink(token, 'survey', { hmac, now: BEFORE, equal })).toEqual({ ok: true, link: survey });
		expect(verifyLink(token, 'survey', { hmac, now: BEFORE })).toEqual({ ok: true, link: survey });
		expect(verifyLink(signLink(unsubscribe, hmac), 'unsubscribe', { hmac, now: BEFORE, equal })).toEqual({
			ok: true,
			link: unsubscribe,
		});
		const bare = { purpose: 'survey', customer: 1, survey: 'csat', expiresAt: EXPIRES } as const;
		expect(verifyLink(signLink(bare, hmac), 'survey', { hmac, now: BEFORE })).toEqual({
			ok: true,
			link: { ...bare, order: null, channel: null },
		});
	});

	it('rejects every single-character change of the token, never accepting a forgery', () => {
		const token = signLink(survey, hmac);
		const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';
		let tried = 0;
		for (let i = 0; i < token.length; i++) {
			for (const char of alphabet) {
				if (char === token[i]) continue;
				const forged = token.slice(0, i) + char + token.slice(i + 1);
				const result = verifyLink(forged, 'survey', { hmac, now: BEFORE, equal });
				expect(result.ok, `${i}:${char}`).toBe(false);
				if (!result.ok) expect(['malformed', 'tampered']).toContain(result.reason);
				tried++;
			}
		}
		expect(tried).toBe(token.length * (alphabet.length - 1));
	});

	it('rejects every single-bit flip of the payload and signature bytes as tampered', () => {
		const [payload, signature] = signLink(survey, hmac).split('.');
		const parts = [decodeBase64Url(payload)!, decodeBase64Url(signature)!];
		for (const which of [0, 1]) {
			for (let byte = 0; byte < parts[which].length; byte++) {
				for (let bit = 0; bit < 8; bit++) {
					const flipped = parts.map((p) => p.slice());
					flipped[which][byte] ^= 1 << bit;
					const result = verifyLink(`${encodeBase64Url(flipped[0])}.${encodeBase64Url(flipped[1])}`, 'survey', {
						hmac,
						now: BEFORE,
						equal,
					});
					expect(result).toEqual({ ok: false, reason: 'tampered' });
				}
			}
		}
	});

	it('rejects a link signed with another key, and a payload swapped between two genuine tokens', () => {
		expect(verifyLink(signLink(survey, hmacWith('other-key')), 'survey', { hmac, now: BEFORE })).toEqual({
			ok: false,
			reason: 'tampered',
		});
		const mine = signLink(survey, hmac).split('.');
		const theirs = signLink({ ...survey, customer: 43 }, hmac).split('.');
		expect(verifyLink(`${theirs[0]}.${mine[1]}`, 'survey', { hmac, now: BEFORE })).toEqual({
			ok: false,
			reason: 'tampered',
		});
	});

	it('is valid until the second before expiresAt and expired from expiresAt on, naming the genuine link', () => {
		const token = signLink(survey, hmac);
		expect(verifyLink(token, 'survey', { hmac, now: new Date(EXPIRES.getTime() - 1) }).ok).toBe(true);
		expect(verifyLink(token, 'survey', { hmac, now: EXPIRES })).toEqual({ ok: false, reason: 'expired', link: survey });
		expect(verifyLink(token, 'survey', { hmac, now: new Date(EXPIRES.getTime() + 86_400_000) })).toMatchObject({
			ok: false,
			reason: 'expired',
		});
		// Sub-second expiry times are cut to the second when signed (the link then expires slightly earlier, never later).
		const odd = signLink({ ...survey, expiresAt: new Date(EXPIRES.getTime() + 999) }, hmac);
		expect(verifyLink(odd, 'survey', { hmac, now: EXPIRES })).toMatchObject({ ok: false, reason: 'expired' });
	});

	it('refuses a link used for the other purpose, even when genuine and unexpired', () => {
		expect(verifyLink(signLink(survey, hmac), 'unsubscribe', { hmac, now: BEFORE })).toEqual({
			ok: false,
			reason: 'wrong-purpose',
		});
		expect(verifyLink(signLink(unsubscribe, hmac), 'survey', { hmac, now: BEFORE })).toEqual({
			ok: false,
			reason: 'wrong-purpose',
		});
	});

	it('calls anything that is not two canonical base64url parts with a 32-byte signature malformed', () => {
		const token = signLink(survey, hmac);
		const cases: unknown[] = [
			undefined,
			null,
			42,
			'',
			'.',
			'abc',
			token + '.x',
			token.split('.')[0] + '.',
			'.' + token.split('.')[1],
			`${token}A`,
			'x'.repeat(2000),
			token.replace('.', '..'),
		];
		for (const value of cases)
			expect(verifyLink(value, 'survey', { hmac, now: BEFORE }), String(value).slice(0, 40)).toEqual({
				ok: false,
				reason: 'malformed',
			});
	});

	it('calls a correctly signed payload of the wrong shape malformed', () => {
		const sign = (json: string) => {
			const payload = encodeBase64Url(new TextEncoder().encode(json));
			return `${payload}.${encodeBase64Url(hmac(new TextEncoder().encode(payload)))}`;
		};
		const shapes = [
			'not json',
			'[]',
			'{}',
			'{"v":2,"p":"s","c":1,"s":"a","e":9999999999}',
			'{"v":1,"p":"s","c":-1,"s":"a","e":9999999999}',
			'{"v":1,"p":"s","c":1,"s":"a b","e":9999999999}',
			'{"v":1,"p":"u","c":1,"ch":"fax","e":9999999999}',
			'{"v":1,"p":"x","c":1,"e":9999999999}',
			'{"v":1,"p":"s","c":1,"s":"a","o":"7","e":9999999999}',
			'{"v":1,"p":"s","c":1,"s":"a","e":"soon"}',
		];
		for (const json of shapes)
			expect(verifyLink(sign(json), 'survey', { hmac, now: BEFORE }), json).toEqual({ ok: false, reason: 'malformed' });
	});

	it('refuses to sign values that could not be verified', () => {
		expect(() => signLink({ ...survey, survey: 'has space' }, hmac)).toThrow(RangeError);
		expect(() => signLink({ ...survey, customer: 0 }, hmac)).toThrow(RangeError);
		expect(() => signLink({ ...survey, expiresAt: new Date(Number.NaN) }, hmac)).toThrow(RangeError);
		expect(() => signLink({ ...unsubscribe, channel: 'fax' as never }, hmac)).toThrow(RangeError);
	});

	it('compares in constant time: the pure comparison agrees with timingSafeEqual', () => {
		const a = new Uint8Array([1, 2, 3]);
		expect(constantTimeEqual(a, new Uint8Array([1, 2, 3]))).toBe(true);
		expect(constantTimeEqual(a, new Uint8Array([1, 2, 4]))).toBe(false);
		expect(constantTimeEqual(a, new Uint8Array([1, 2]))).toBe(false);
	});
});
