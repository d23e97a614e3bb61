// E-mail and phone normalisation: the forms customers are matched and stored by (crm_customers.email / .phone).

const EMAIL = /^[^\s@"<>(),;:\\[\]]+@[^\s@"<>(),;:\\[\]]+\.[^\s@"<>(),;:\\[\]]+$/;

/** Trimmed and lower-cased, or null when it is not an e-mail address. */
export function normaliseEmail(value: string): string | null {
	const email = value.trim().toLowerCase();
	if (email.length > 254 || !EMAIL.test(email) || email.includes('..') || email.endsWith('.')) return null;
	return email;
}

const PHONE_CHARACTERS = /^\+?[\d\s\-.()]+$/;

/** A Korean national significant number (without the trunk 0): mobile 01x, Seoul 2, regions 3x-6x, 070/050/080. */
function isKoreanNumber(nsn: string): boolean {
	if (/^1[016789]/.test(nsn)) return nsn.length === 9 || nsn.length === 10;
	if (nsn.startsWith('2')) return nsn.length === 8 || nsn.length === 9;
	if (/^[3-6][1-5]/.test(nsn)) return nsn.length === 9 || nsn.length === 10;
	if (/^[578]0/.test(nsn)) return nsn.length >= 9 && nsn.length <= 11;
	return false;
}

/**
 * E.164 (`+821012345678`), or null when malformed. Korean numbers may be written domestically (`010-1234-5678`,
 * `01012345678`) or internationally (`+82 10 1234 5678`, also `+82 010 …`); other `+` numbers are kept when they
 * have 8-15 digits. Spaces, hyphens, dots and parentheses are ignored; anything else is malformed.
 */
export function normalisePhone(value: string): string | null {
	const raw = value.trim();
	if (!PHONE_CHARACTERS.test(raw)) return null;
	const international = raw.startsWith('+');
	const digits = raw.replace(/\D/g, '');
	if (international) {
		if (digits.startsWith('82')) {
			const nsn = digits.slice(2).replace(/^0/, '');
			return isKoreanNumber(nsn) ? `+82${nsn}` : null;
		}
		return digits.length >= 8 && digits.length <= 15 && !digits.startsWith('0') ? `+${digits}` : null;
	}
	if (!digits.startsWith('0') || digits.startsWith('00')) return null;
	const nsn = digits.slice(1);
	return isKoreanNumber(nsn) ? `+82${nsn}` : null;
}
