import type { FieldOp } from './rule-types';

/**
 * Whether a numeric condition holds for an aggregate of 0 (a customer with no matching rows: count and sum are 0).
 * null when the operator is not a plain numeric comparison; callers then keep the correlated form.
 */
export function holdsAtZero(op: FieldOp, value: unknown): boolean | null {
	const n = typeof value === 'number' ? value : NaN;
	switch (op) {
		case 'eq':
			return n === 0;
		case 'neq':
			return Number.isFinite(n) ? n !== 0 : null;
		case 'gt':
			return Number.isFinite(n) ? 0 > n : null;
		case 'gte':
			return Number.isFinite(n) ? 0 >= n : null;
		case 'lt':
			return Number.isFinite(n) ? 0 < n : null;
		case 'lte':
			return Number.isFinite(n) ? 0 <= n : null;
		case 'between': {
			if (!Array.isArray(value) || value.length !== 2 || !value.every((v) => typeof v === 'number')) return null;
			const [a, b] = value as number[];
			return Math.min(a, b) <= 0 && 0 <= Math.max(a, b);
		}
		case 'in':
			return Array.isArray(value) ? value.includes(0) : null;
		case 'not_in':
			return Array.isArray(value) ? !value.includes(0) : null;
		case 'is_empty':
			return false;
		case 'is_not_empty':
			return true;
		default:
			return null;
	}
}
