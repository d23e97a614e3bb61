import { describe, expect, it } from 'vitest';
import { decodeBase64Url, encodeBase64Url } from './base64url';

const bytes = (length: number, seed = 7) => Uint8Array.from({ length }, (_, i) => (i * 97 + seed * 31) & 0xff);

describe('base64url', () => {
	it("matches Node's base64url for every length and round-trips", () => {
		for (let length = 0; length < 70; length++) {
			const input = bytes(length, length);
			const text = encodeBase64Url(input);
			expect(text).toBe(Buffer.from(input).toString('base64url'));
			expect(decodeBase64Url(text)).toEqual(input);
		}
	});

	it('refuses characters outside the alphabet, padding and impossible lengths', () => {
		for (const text of ['ab+c', 'ab/c', 'abc=', 'ab c', 'a', 'abcde', 'é'])
			expect(decodeBase64Url(text), text).toBeNull();
	});

	it('refuses non-canonical encodings whose unused trailing bits are set', () => {
		// "AA" is one zero byte; "AB" would decode to the same byte with a stray bit.
		expect(decodeBase64Url('AA')).toEqual(new Uint8Array([0]));
		expect(decodeBase64Url('AB')).toBeNull();
		expect(decodeBase64Url('AAA')).toEqual(new Uint8Array([0, 0]));
		expect(decodeBase64Url('AAB')).toBeNull();
	});
});
