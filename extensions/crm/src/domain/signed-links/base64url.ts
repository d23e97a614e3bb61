// Strict base64url (RFC 4648 §5, no padding) over bytes, without Node's Buffer so the domain stays runtime-free.
// Decoding refuses anything but the canonical encoding (unused trailing bits must be zero), so no two token
// strings decode to the same bytes: changing any character of a token changes what is verified.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUES = new Map([...ALPHABET].map((char, index) => [char, index]));

export function encodeBase64Url(bytes: Uint8Array): string {
	let out = '';
	for (let i = 0; i < bytes.length; i += 3) {
		const chunk = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
		const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
		for (let c = 0; c < chars; c++) out += ALPHABET[(chunk >> (18 - 6 * c)) & 63];
	}
	return out;
}

/** The bytes, or null when the text is not canonical base64url. */
export function decodeBase64Url(text: string): Uint8Array | null {
	if (text.length % 4 === 1) return null;
	const bytes = new Uint8Array(Math.floor((text.length * 6) / 8));
	let buffer = 0;
	let bits = 0;
	let index = 0;
	for (const char of text) {
		const value = VALUES.get(char);
		if (value === undefined) return null;
		buffer = ((buffer << 6) | value) & 0xffffff;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			bytes[index++] = (buffer >> bits) & 0xff;
		}
	}
	// Leftover bits (2 or 4) must be zero in the canonical form.
	if (bits > 0 && (buffer & ((1 << bits) - 1)) !== 0) return null;
	return bytes;
}

export const utf8 = {
	encode: (text: string) => new TextEncoder().encode(text),
	decode: (bytes: Uint8Array) => new TextDecoder('utf-8', { fatal: true }).decode(bytes),
};
