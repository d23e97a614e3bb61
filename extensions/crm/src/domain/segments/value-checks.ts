// Small validators shared by condition specs; each returns issues rather than throwing, so all problems are reported at once.
import { childPath, isObject, type Issue } from './rule-types';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

export function isIsoDate(value: unknown): value is string {
	if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export function isIsoInstant(value: unknown): value is string {
	return (
		isIsoDate(value) || (typeof value === 'string' && ISO_DATETIME.test(value) && !Number.isNaN(Date.parse(value)))
	);
}

/**
 * Every bound of a rule (segments, stage rules, follow-up conditions, previews): a rule beyond them is refused on save
 * with the path of the offending key, before anything is compiled to SQL (README, "Input bounds").
 */
export const RULE_LIMITS = {
	/** Conditions and groups in the whole rule. */
	maxNodes: 200,
	/** Rules directly inside one all/any group. */
	maxChildren: 50,
	/** Values of one in/not_in list. */
	maxListValues: 1000,
	/** Characters of one text value (contains, eq, category, channel, …). */
	maxStringLength: 255,
	/** Day counts (lastDays, within_last_days, birthday_in_next_days): 100 years. */
	maxDays: 36_500,
	/** minCount, minQuantity. */
	maxCount: 1_000_000,
	/** Numbers compared with amounts (decimal 14,2) and counts. */
	maxNumber: 999_999_999_999.99,
	/** Issues reported for one rule (the rest are left out). */
	maxIssues: 50,
} as const;

export const isFiniteNumber = (value: unknown): value is number =>
	typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= RULE_LIMITS.maxNumber;
export const isDayCount = (value: unknown): value is number =>
	Number.isInteger(value) && (value as number) >= 0 && (value as number) <= RULE_LIMITS.maxDays;
export const isBoundedString = (value: unknown): value is string =>
	typeof value === 'string' && value.length <= RULE_LIMITS.maxStringLength;

/** Reports keys outside `allowed` (typos must not silently widen a segment). */
export function unknownKeys(node: Record<string, unknown>, allowed: string[], path: string): Issue[] {
	return Object.keys(node)
		.filter((key) => !allowed.includes(key))
		.map((key) => {
			const shown = key.length > 50 ? `${key.slice(0, 50)}…` : key;
			return { path: childPath(path, shown), message: `unknown key "${shown}"`, expected: allowed.join(', ') };
		});
}

export function requireValue(ok: boolean, path: string, expected: string, message = 'wrong value type'): Issue[] {
	return ok ? [] : [{ path, message, expected }];
}

export function checkDays(value: unknown, path: string): Issue[] {
	const expected = `integer 0-${RULE_LIMITS.maxDays}`;
	if (typeof value === 'number' && value < 0) return [{ path, message: 'days must not be negative', expected }];
	if (typeof value === 'number' && value > RULE_LIMITS.maxDays)
		return [{ path, message: `days must be at most ${RULE_LIMITS.maxDays}`, expected }];
	return requireValue(isDayCount(value), path, expected);
}

export function checkWindow(window: unknown, path: string): Issue[] {
	if (window === undefined) return [];
	if (!isObject(window))
		return [{ path, message: 'window must be an object', expected: '{ lastDays } or { from, to }' }];
	if ('lastDays' in window)
		return [...unknownKeys(window, ['lastDays'], path), ...checkDays(window.lastDays, childPath(path, 'lastDays'))];
	const issues = [...unknownKeys(window, ['from', 'to'], path)];
	issues.push(...requireValue(isIsoInstant(window.from), childPath(path, 'from'), 'ISO date or datetime'));
	issues.push(...requireValue(isIsoInstant(window.to), childPath(path, 'to'), 'ISO date or datetime'));
	return issues;
}

export function checkOptionalCount(value: unknown, path: string): Issue[] {
	return value === undefined
		? []
		: requireValue(
				Number.isInteger(value) && (value as number) >= 1 && (value as number) <= RULE_LIMITS.maxCount,
				path,
				`integer 1-${RULE_LIMITS.maxCount}`,
			);
}
