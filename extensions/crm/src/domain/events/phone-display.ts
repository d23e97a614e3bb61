// How staff read a stored phone, for the admin app: libphonenumber-js with its small metadata (enough to format;
// validation, which needs the full metadata, stays on the server in contact.ts).
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/** `+821097124198` → `010-9712-4198`; other countries internationally (`+1 212 555 1234`); anything else as it is. */
export function displayPhone(value: string): string {
	if (value.length > 40) return value;
	const parsed = parsePhoneNumberFromString(value, 'KR');
	if (!parsed?.isPossible()) return value;
	return parsed.country === 'KR' ? parsed.formatNational() : parsed.formatInternational();
}
