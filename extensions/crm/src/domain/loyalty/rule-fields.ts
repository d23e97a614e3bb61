// Readers for DB-shaped rule fields: each returns the value or an error message, never throws.
import { readNumber } from './numbers';

export type FieldResult<T> = { value: T } | { error: string };

/** Numbers may be numeric strings (PostgreSQL decimals); empty -> null. */
export function readNumberField(
	value: unknown,
	options: { integer?: boolean; min?: number } = {},
): FieldResult<number | null> {
	const number = readNumber(value);
	if (number === null) return { value: null };
	if (Number.isNaN(number)) return { error: `must be a number, got ${describe(value)}` };
	if (options.integer && !Number.isInteger(number)) return { error: `must be a whole number, got ${number}` };
	if (options.min !== undefined && number < options.min) {
		return {
			error:
				options.min === 0 ? `must not be negative, got ${number}` : `must be at least ${options.min}, got ${number}`,
		};
	}
	return { value: number };
}

/** Lists arrive as arrays, JSON array strings ('["a","b"]') or comma-separated strings; empty -> null (= any). */
export function readListField(value: unknown): FieldResult<string[] | null> {
	if (value === null || value === undefined) return { value: null };
	if (typeof value === 'string') {
		const trimmed = value.trim();
		if (trimmed === '') return { value: null };
		if (trimmed.startsWith('[')) {
			try {
				return readListField(JSON.parse(trimmed));
			} catch {
				return { error: 'is not a valid JSON list' };
			}
		}
		return readListField(trimmed.split(','));
	}
	if (!Array.isArray(value)) return { error: `must be a list, got ${describe(value)}` };
	if (value.some((item) => typeof item !== 'string' && typeof item !== 'number'))
		return { error: 'must be a list of texts' };
	const items = [...new Set(value.map((item) => String(item).trim()).filter((item) => item !== ''))];
	return { value: items.length ? items : null };
}

/** ISO 1 (Monday) .. 7 (Sunday); sorted, duplicates dropped. */
export function readWeekdaysField(value: unknown): FieldResult<number[] | null> {
	const list = readListField(value);
	if ('error' in list) return list;
	if (list.value === null) return { value: null };
	const days = list.value.map((item) => (/^\d+$/.test(item) ? Number(item) : Number.NaN));
	if (days.some((day) => !(day >= 1 && day <= 7))) return { error: 'must be weekday numbers 1 (Monday) to 7 (Sunday)' };
	return { value: days.sort((a, b) => a - b) };
}

/** Date, ISO string or epoch milliseconds (SQLite stores Directus timestamps as numbers, sometimes as digit strings). */
export function readDateField(value: unknown): FieldResult<Date | null> {
	if (value === null || value === undefined || value === '') return { value: null };
	let date: Date | null = null;
	if (value instanceof Date) date = value;
	else if (typeof value === 'number') date = new Date(value);
	else if (typeof value === 'string') date = /^\d{10,}$/.test(value.trim()) ? new Date(Number(value)) : new Date(value);
	if (!date || Number.isNaN(date.getTime())) return { error: `is not a valid date, got ${describe(value)}` };
	return { value: date };
}

/** Empty -> null; anything else must be one of `allowed`. */
export function readChoiceField<T extends string>(value: unknown, allowed: readonly T[]): FieldResult<T | null> {
	if (value === null || value === undefined || value === '') return { value: null };
	if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return { value: value as T };
	return { error: `must be one of ${allowed.join(', ')}, got ${describe(value)}` };
}

function describe(value: unknown): string {
	if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
	if (value instanceof Date) return 'an invalid date';
	if (Array.isArray(value)) return 'a list';
	return value === null ? 'null' : typeof value === 'object' ? 'an object' : String(value);
}
