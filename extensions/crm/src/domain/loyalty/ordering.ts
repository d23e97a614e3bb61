// One deterministic order for ids of any shape (integer keys, numeric strings from bigint columns, UUIDs).

const INTEGER_LIKE = /^-?\d+$/;

/**
 * Integer-like ids compare numerically (so 9 sorts before 10, whether they arrive as numbers or strings);
 * anything else compares as plain strings by code unit, which is locale-independent.
 */
export function compareIds(a: string | number, b: string | number): number {
	const left = String(a);
	const right = String(b);
	if (INTEGER_LIKE.test(left) && INTEGER_LIKE.test(right)) {
		const difference = Number(left) - Number(right);
		if (difference !== 0) return difference;
	}
	return left < right ? -1 : left > right ? 1 : 0;
}

/** Lower priority first, then the id order above: the order rules run, are listed, and break ties in. */
export function compareByPriority(
	a: { priority: number; id: string | number },
	b: { priority: number; id: string | number },
): number {
	return a.priority - b.priority || compareIds(a.id, b.id);
}
