// E-mail and phone normalisation: the forms customers are matched and stored by (crm_customers.email / .phone).
// Phones are parsed and validated by libphonenumber-js (full metadata, Korea as the default country).
import { parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js/max';

const EMAIL = /^[^\s@"<>(),;:\\[\]]+@[^\s@"<>(),;:\\[\]]+\.[^\s@"<>(),;:\\[\]]+$/;

/** Trimmed and lower-cased, or null when it is not an e-mail address. */
export function normaliseEmail(value: string): string | null {
	const email = value.trim().toLowerCase();
	if (email.length > 254 || !EMAIL.test(email) || email.includes('..') || email.endsWith('.')) return null;
	return email;
}

const PHONE_CHARACTERS = /^\+?[\d\s\-.()]+$/;
const MAX_PHONE_LENGTH = 40;

/** The number parsed with Korea as the default country, or undefined when it is not a plain phone number. */
function parsePhone(value: string): PhoneNumber | undefined {
	const raw = value.trim();
	if (raw.length > MAX_PHONE_LENGTH || !PHONE_CHARACTERS.test(raw)) return undefined;
	return parsePhoneNumberFromString(raw, 'KR');
}

/**
 * E.164 (`+821012345678`), or null when it is not a valid number by libphonenumber's metadata. Korean numbers may be
 * written domestically (`010-1234-5678`, `01012345678`) or internationally (`+82 10 1234 5678`, also `+82 010 …`);
 * other countries need their `+` code. Spaces, hyphens, dots and parentheses are ignored; anything else is malformed.
 */
export function normalisePhone(value: string): string | null {
	const parsed = parsePhone(value);
	return parsed?.isValid() ? parsed.number : null;
}

/** How staff read a stored number: Korean ones domestically (`010-9712-4198`), others internationally (`+1 212 555 1234`). */
export function formatPhone(value: string): string {
	const parsed = parsePhone(value);
	if (!parsed?.isValid()) return value;
	return parsed.country === 'KR' ? parsed.formatNational() : parsed.formatInternational();
}

/**
 * What a list search for a phone-looking text should look for in E.164 phones: the whole number when it is one
 * (`010-9712-4198` → `+821097124198`), else its digits without the domestic trunk 0 (`9712-4198` → `97124198`,
 * `0109712` → `109712`), so part of a number written either way is found. Null when the text is not phone-like (a name,
 * an e-mail, fewer than 4 digits): the search is left as it is.
 */
export function phoneSearchTerm(search: string): string | null {
	const raw = search.trim();
	if (raw.length > MAX_PHONE_LENGTH || !PHONE_CHARACTERS.test(raw)) return null;
	const digits = raw.replace(/\D/g, '');
	if (digits.length < 4) return null;
	const whole = normalisePhone(raw);
	if (whole) return whole;
	if (raw.startsWith('+')) return `+${digits}`;
	return digits.replace(/^0/, '');
}
