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

export const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
export const isDayCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;

/** Reports keys outside `allowed` (typos must not silently widen a segment). */
export function unknownKeys(node: Record<string, unknown>, allowed: string[], path: string): Issue[] {
	return Object.keys(node)
		.filter((key) => !allowed.includes(key))
		.map((key) => ({ path: childPath(path, key), message: `unknown key "${key}"`, expected: allowed.join(', ') }));
}

export function requireValue(ok: boolean, path: string, expected: string, message = 'wrong value type'): Issue[] {
	return ok ? [] : [{ path, message, expected }];
}

export function checkDays(value: unknown, path: string): Issue[] {
	if (isFiniteNumber(value) && value < 0)
		return [{ path, message: 'days must not be negative', expected: 'integer >= 0' }];
	return requireValue(isDayCount(value), path, 'integer >= 0');
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
		: requireValue(Number.isInteger(value) && (value as number) >= 1, path, 'integer >= 1');
}
