// Merging two customer records that are one person: which values the surviving record keeps, how likely two records
// are the same person, and the request's checks. Pure: the data layer reads the rows and applies the plan.

/** Profile fields staff may choose between; everything else is computed again or follows its evidence. */
export const CHOOSABLE_FIELDS = [
	'full_name',
	'first_name',
	'last_name',
	'email',
	'phone',
	'external_id',
	'birthday',
	'gender',
	'language',
	'timezone',
	'company',
	'address',
	'postal_code',
	'country',
	'tags',
	'preferred_channel',
	'preferences',
	'notes',
	'owner',
	'referred_by',
] as const;
export type ChoosableField = (typeof CHOOSABLE_FIELDS)[number];

/** Consent follows the latest expressed will per channel (its timestamp), never a choice. */
export const CONSENT_CHANNELS = ['email', 'sms', 'kakao', 'night'] as const;

export type Side = 'survivor' | 'merged';
export type Row = Record<string, unknown>;

export interface MergeRequest {
	survivor: number;
	merged: number;
	choices: Partial<Record<ChoosableField, Side>>;
}

export interface Issue {
	field: string;
	message: string;
}

const MAX_ID = Number.MAX_SAFE_INTEGER;
const isId = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;
const choosable = new Set<string>(CHOOSABLE_FIELDS);

export function parseMergeRequest(body: unknown): MergeRequest | { issues: Issue[] } {
	if (typeof body !== 'object' || body === null || Array.isArray(body))
		return { issues: [{ field: 'body', message: 'must be an object' }] };
	const input = body as Row;
	const issues: Issue[] = [];
	const survivor = Object.hasOwn(input, 'survivor') ? input.survivor : undefined;
	const merged = Object.hasOwn(input, 'merged') ? input.merged : undefined;
	if (!isId(survivor)) issues.push({ field: 'survivor', message: `must be a customer id (1 to ${MAX_ID})` });
	if (!isId(merged)) issues.push({ field: 'merged', message: `must be a customer id (1 to ${MAX_ID})` });
	if (isId(survivor) && survivor === merged) issues.push({ field: 'merged', message: 'must differ from survivor' });
	const choices: Partial<Record<ChoosableField, Side>> = {};
	const given = Object.hasOwn(input, 'choices') ? input.choices : undefined;
	if (given !== undefined) {
		if (typeof given !== 'object' || given === null || Array.isArray(given))
			issues.push({ field: 'choices', message: 'must be an object of field: "survivor" | "merged"' });
		else
			for (const key of Object.keys(given)) {
				const value = (given as Row)[key];
				if (!choosable.has(key))
					issues.push({ field: `choices.${key.slice(0, 64)}`, message: 'is not a field that can be chosen' });
				else if (value !== 'survivor' && value !== 'merged')
					issues.push({ field: `choices.${key}`, message: 'must be "survivor" or "merged"' });
				else choices[key as ChoosableField] = value;
				if (issues.length >= 20) break;
			}
	}
	if (issues.length) return { issues };
	return { survivor: survivor as number, merged: merged as number, choices };
}

const isEmpty = (value: unknown) =>
	value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** SQLite hands booleans back as 0/1: the plan speaks true/false/null. */
const asFlag = (value: unknown): boolean | null =>
	value === true || value === 1 || value === '1' || value === 'true'
		? true
		: value === false || value === 0 || value === '0' || value === 'false'
			? false
			: null;

const time = (value: unknown): number => {
	if (value === null || value === undefined || value === '') return -Infinity;
	const ms = typeof value === 'number' ? value : Date.parse(String(value));
	return Number.isFinite(ms) ? ms : -Infinity;
};

/**
 * The survivor's new values: a chosen side wins; unchosen, the survivor keeps its value unless it is empty. Consent per
 * channel is the value with the later timestamp (a withdrawal after a consent stays a withdrawal). `referred_by` never
 * points at either of the two.
 */
export function mergedValues(survivor: Row, merged: Row, choices: MergeRequest['choices']): Row {
	const values: Row = {};
	for (const field of CHOOSABLE_FIELDS) {
		const side = choices[field] ?? (isEmpty(survivor[field]) ? 'merged' : 'survivor');
		values[field] = side === 'merged' ? (merged[field] ?? null) : (survivor[field] ?? null);
	}
	const selfReference = (value: unknown) =>
		value != null && [survivor.id, merged.id].map(String).includes(String(value));
	if (selfReference(values.referred_by)) values.referred_by = null;
	for (const channel of CONSENT_CHANNELS) {
		const flag = `consent_${channel}`;
		const at = `${flag}_at`;
		const takeMerged = time(merged[at]) > time(survivor[at]) || (survivor[flag] == null && merged[flag] != null);
		values[flag] = asFlag(takeMerged ? merged[flag] : survivor[flag]);
		values[at] = takeMerged ? (merged[at] ?? null) : (survivor[at] ?? null);
	}
	return values;
}

/** Why two records may be the same person, and how strongly each reason counts. */
export const DUPLICATE_REASONS = { phone: 0.6, email: 0.6, name_birthday: 0.5 } as const;
export type DuplicateReason = keyof typeof DUPLICATE_REASONS;

/** Independent evidence combined: 1 − Π(1 − weight), rounded to 3 digits. */
export function duplicateScore(reasons: DuplicateReason[]): number {
	const miss = [...new Set(reasons)].reduce((product, reason) => product * (1 - DUPLICATE_REASONS[reason]), 1);
	return Math.round((1 - miss) * 1000) / 1000;
}

/** A phone compared across the formats shops store (+82 10-1234-5678, 010 1234 5678, 01012345678): national digits. */
export function phoneKey(phone: unknown): string | null {
	if (typeof phone !== 'string') return null;
	const digits = phone.replace(/\D/g, '');
	// Korean national numbers start with 0, so digits starting with 82 are the international form.
	const national = digits.startsWith('82') ? `0${digits.slice(2)}` : digits;
	return national.length >= 8 ? national : null;
}
