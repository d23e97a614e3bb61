// Customer phones are stored in E.164 whoever writes them (the admin form, REST, Flows): a number typed as
// 010-9712-4198 is saved as +821097124198, and one that is not a phone number is refused naming the field. A list
// search that looks like a phone number (010-9712-4198, 01097124198, 9712-4198) finds the stored E.164 form.
import { InvalidPayloadError } from '@directus/errors';
import type { Filter, Query, RegisterFunctions } from '@directus/types';
import { normalisePhone, phoneSearchTerm } from '../../../domain/events/contact';
import type { CrmContext } from '../../context';

const COLLECTION = 'crm_customers';
const MAX_SEARCH_LENGTH = 200;

function phoneIssue(value: unknown): string {
	const shown = typeof value === 'string' ? `"${value.slice(0, 40)}" ` : '';
	return `phone: ${shown}is not a valid phone number, e.g. 010-1234-5678 or +82 10 1234 5678 / 전화번호: ${shown}올바른 전화번호가 아닙니다 (예: 010-1234-5678)`;
}

/** The payload with its phone in E.164 (an empty phone becomes null); throws a 400 naming the field otherwise. */
export function withStoredPhone(payload: unknown): unknown {
	if (typeof payload !== 'object' || payload === null || !Object.hasOwn(payload, 'phone')) return payload;
	const phone = (payload as { phone: unknown }).phone;
	if (phone === null) return payload;
	if (typeof phone !== 'string') throw new InvalidPayloadError({ reason: phoneIssue(phone) });
	if (phone.trim() === '') return { ...payload, phone: null };
	const stored = normalisePhone(phone);
	if (!stored) throw new InvalidPayloadError({ reason: phoneIssue(phone) });
	return stored === phone ? payload : { ...payload, phone: stored };
}

/**
 * A phone-looking `search` becomes the filter Directus's search would have been (any text field contains the text),
 * with the phone compared in its stored form instead; other queries are left as they are.
 */
export function withPhoneSearch(query: Query, textFields: string[]): Query {
	if (typeof query.search !== 'string' || query.search.length > MAX_SEARCH_LENGTH) return query;
	const term = phoneSearchTerm(query.search);
	if (!term) return query;
	const text = query.search.trim();
	const anyField: Filter = {
		_or: [
			{ phone: { _contains: term } },
			...textFields.filter((field) => field !== 'phone').map((field) => ({ [field]: { _icontains: text } })),
		],
	};
	const rest: Query = { ...query };
	delete rest.search;
	return { ...rest, filter: query.filter ? { _and: [query.filter, anyField] } : anyField };
}

export function register({ filter }: RegisterFunctions, { getSchema }: CrmContext) {
	filter(`${COLLECTION}.items.create`, (payload) => withStoredPhone(payload));
	filter(`${COLLECTION}.items.update`, (payload) => withStoredPhone(payload));
	filter(`${COLLECTION}.items.query`, async (query) => {
		const typed = query as Query;
		if (typeof typed.search !== 'string' || !phoneSearchTerm(typed.search)) return query;
		const fields = (await getSchema()).collections[COLLECTION]?.fields ?? {};
		const textFields = Object.values(fields)
			.filter((field) => field.type === 'string' || field.type === 'text')
			.map((field) => field.field);
		return withPhoneSearch(typed, textFields);
	});
}
