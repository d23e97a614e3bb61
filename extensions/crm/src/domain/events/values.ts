// Field checkers for event payloads. Each reports issues on the context (all problems at once) and returns the
// normalised value, or undefined when the value is wrong.
import type { Issue } from './types';
import { normaliseEmail, normalisePhone } from './contact';

export interface Context {
	issues: Issue[];
	now: Date;
	/** How far in the future a timestamp may be (clock skew between the shop and the CRM). */
	futureToleranceMs: number;
}

export type Checker<T> = (value: unknown, path: string, ctx: Context) => T | undefined;

export interface FieldSpec {
	check: Checker<unknown>;
	required?: boolean;
	/** `null` is accepted (and clears the field on update). */
	nullable?: boolean;
}

/** Timestamps before this are refused as absurd (a mistyped year, a zero date, seconds taken for milliseconds). */
export const EARLIEST_TIMESTAMP = '1990-01-01T00:00:00.000Z';
/** The largest amount the schema stores (decimal 14,2). */
export const MAX_AMOUNT = 999_999_999_999.99;
export const MAX_QUANTITY = 1_000_000;

export const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
export const childPath = (path: string, key: string) => (path ? `${path}.${key}` : key);
export const indexPath = (path: string, index: number) => `${path}[${index}]`;

export function fail(ctx: Context, path: string, message: string): undefined {
	ctx.issues.push({ path, message });
	return undefined;
}

/** Reads an object field by field; unknown keys are refused so that a typo never passes silently. */
export function readObject(
	value: unknown,
	path: string,
	ctx: Context,
	spec: Record<string, FieldSpec>,
): Record<string, unknown> | undefined {
	if (!isObject(value)) return fail(ctx, path, 'must be an object');
	const before = ctx.issues.length;
	// Own properties only: `constructor`, `toString` or `__proto__` are unknown fields, not Object's (#15 finding 13).
	for (const key of Object.keys(value)) if (!Object.hasOwn(spec, key)) fail(ctx, childPath(path, key), 'unknown field');
	const out: Record<string, unknown> = {};
	for (const [key, field] of Object.entries(spec)) {
		const raw = value[key];
		if (raw === undefined) {
			if (field.required) fail(ctx, childPath(path, key), 'is required');
		} else if (raw === null) {
			if (field.nullable) out[key] = null;
			else fail(ctx, childPath(path, key), field.required ? 'is required' : 'must not be null');
		} else {
			const checked = field.check(raw, childPath(path, key), ctx);
			if (checked !== undefined) out[key] = checked;
		}
	}
	return ctx.issues.length === before ? out : undefined;
}

// eslint-disable-next-line no-control-regex -- these are the characters refused
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// eslint-disable-next-line no-control-regex -- likewise, with tab, line feed and carriage return
const CONTROL_OR_BREAK = /[\u0000-\u001F\u007F]/;

export const text =
	(max = 255): Checker<string> =>
	(value, path, ctx) => {
		if (typeof value !== 'string') return fail(ctx, path, 'must be a string');
		const trimmed = value.trim();
		if (!trimmed) return fail(ctx, path, 'must not be empty');
		if (trimmed.length > max) return fail(ctx, path, `must be at most ${max} characters`);
		// NUL and the other C0 controls (PostgreSQL refuses NUL in text); tab and line breaks only in long texts.
		if ((max > 255 ? CONTROL : CONTROL_OR_BREAK).test(trimmed))
			return fail(
				ctx,
				path,
				max > 255
					? 'must not contain control characters (other than tab and line breaks)'
					: 'must not contain control characters or line breaks',
			);
		return trimmed;
	};

export const oneOf =
	<T extends string>(choices: readonly T[]): Checker<T> =>
	(value, path, ctx) =>
		typeof value === 'string' && (choices as readonly string[]).includes(value)
			? (value as T)
			: fail(ctx, path, `must be one of: ${choices.join(', ')}`);

export const bool: Checker<boolean> = (value, path, ctx) =>
	typeof value === 'boolean' ? value : fail(ctx, path, 'must be true or false');

export const amount: Checker<number> = (value, path, ctx) => {
	if (typeof value !== 'number' || !Number.isFinite(value)) return fail(ctx, path, 'must be a number');
	if (value < 0) return fail(ctx, path, 'must not be negative');
	if (value > MAX_AMOUNT) return fail(ctx, path, `must be at most ${MAX_AMOUNT}`);
	if (Math.abs(Math.round(value * 100) - value * 100) > 1e-6)
		return fail(ctx, path, 'must have at most 2 decimal places');
	return Math.round(value * 100) / 100;
};

export const quantity: Checker<number> = (value, path, ctx) =>
	Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_QUANTITY
		? (value as number)
		: fail(ctx, path, `must be a positive integer (at most ${MAX_QUANTITY})`);

export const id: Checker<number> = (value, path, ctx) =>
	Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 2_147_483_647
		? (value as number)
		: fail(ctx, path, 'must be a positive integer id');

const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** V8 rolls 2026-02-30 over to March: check the calendar date itself. */
const isCalendarDate = (ymd: string) => {
	const date = new Date(`${ymd}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === ymd;
};

/** An ISO 8601 instant with a time zone, not before 1990 nor beyond the future tolerance; returned as ISO UTC. */
export const timestamp: Checker<string> = (value, path, ctx) => {
	if (typeof value !== 'string' || !ISO_DATETIME.test(value.trim()))
		return fail(ctx, path, 'must be an ISO 8601 date-time with a time zone, e.g. 2026-03-01T10:15:00+09:00');
	const ms = Date.parse(value.trim());
	if (Number.isNaN(ms) || !isCalendarDate(value.trim().slice(0, 10)) || Number(value.trim().slice(11, 13)) > 23)
		return fail(ctx, path, 'is not a valid date-time');
	if (ms < Date.parse(EARLIEST_TIMESTAMP)) return fail(ctx, path, 'must not be before 1990-01-01');
	const tolerance = Math.round(ctx.futureToleranceMs / 60_000);
	if (ms > ctx.now.getTime() + ctx.futureToleranceMs)
		return fail(ctx, path, `is in the future (more than ${tolerance} minutes ahead of the server clock)`);
	return new Date(ms).toISOString();
};

/** A calendar date YYYY-MM-DD in the past (birthdays). */
export const pastDate: Checker<string> = (value, path, ctx) => {
	const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
	if (!match || !isCalendarDate(value as string)) return fail(ctx, path, 'must be a date YYYY-MM-DD');
	if (Number(match[1]) < 1900) return fail(ctx, path, 'must not be before 1900');
	if (Date.parse(`${value}T00:00:00Z`) > ctx.now.getTime()) return fail(ctx, path, 'must not be in the future');
	return value as string;
};

export const email: Checker<string> = (value, path, ctx) => {
	if (typeof value !== 'string') return fail(ctx, path, 'must be a string');
	return normaliseEmail(value) ?? fail(ctx, path, 'is not a valid e-mail address');
};

export const phone: Checker<string> = (value, path, ctx) => {
	if (typeof value !== 'string') return fail(ctx, path, 'must be a string');
	return (
		normalisePhone(value) ?? fail(ctx, path, 'is not a valid phone number (e.g. 010-1234-5678 or +82 10 1234 5678)')
	);
};

export const upperCode =
	(length: number, what: string): Checker<string> =>
	(value, path, ctx) =>
		typeof value === 'string' && new RegExp(`^[A-Za-z]{${length}}$`).test(value)
			? value.toUpperCase()
			: fail(ctx, path, `must be ${what}`);

export const list =
	<T>(item: Checker<T>, max: number): Checker<T[]> =>
	(value, path, ctx) => {
		if (!Array.isArray(value)) return fail(ctx, path, 'must be an array');
		if (value.length > max) return fail(ctx, path, `must have at most ${max} items`);
		const before = ctx.issues.length;
		const out = value.map((entry, index) => item(entry, indexPath(path, index), ctx));
		return ctx.issues.length === before ? (out as T[]) : undefined;
	};

/** An object holding exactly one of the given keys, e.g. a customer by id, external_id, e-mail or phone. */
export const exactlyOne =
	(spec: Record<string, Checker<unknown>>): Checker<Record<string, unknown>> =>
	(value, path, ctx) => {
		const keys = Object.keys(spec);
		if (!isObject(value)) return fail(ctx, path, `must be an object with one of: ${keys.join(', ')}`);
		const present = keys.filter((key) => value[key] !== undefined && value[key] !== null);
		for (const key of Object.keys(value))
			if (!keys.includes(key)) return fail(ctx, childPath(path, key), 'unknown field');
		if (present.length !== 1) return fail(ctx, path, `must have exactly one of: ${keys.join(', ')}`);
		const checked = spec[present[0]](value[present[0]], childPath(path, present[0]), ctx);
		return checked === undefined ? undefined : { [present[0]]: checked };
	};

export const customerRef = exactlyOne({ id, external_id: text(255), email, phone });
export const orderRef = exactlyOne({ id, external_id: text(255) });
