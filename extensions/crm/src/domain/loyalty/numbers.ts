// Small numeric helpers shared by earning, coupons and the rule validator.

/**
 * Floors to an integer, but first snaps values within float noise of an integer to it, so 0.29 × 100 = 28.999…
 * gives 29 and nobody loses a point (or a won) to binary rounding.
 */
export function floorClean(value: number): number {
	if (!Number.isFinite(value)) return 0;
	const nearest = Math.round(value);
	return Math.abs(value - nearest) <= 1e-9 * Math.max(1, Math.abs(value)) ? nearest : Math.floor(value);
}

/** Reads a number that may arrive as a numeric string (PostgreSQL decimals do); null for empty, NaN for junk. */
export function readNumber(value: unknown): number | null {
	if (value === null || value === undefined) return null;
	if (typeof value === 'number') return Number.isFinite(value) ? value : Number.NaN;
	if (typeof value === 'string') {
		const trimmed = value.trim();
		if (trimmed === '') return null;
		return /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
	}
	return Number.NaN;
}
