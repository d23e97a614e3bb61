// Identity of a planned action: one outbox row per (rule, customer, occurrence), and the deterministic holdout.

/** e.g. rule:4:customer:17:order:9001, rule:2:customer:17:birthday:2026 */
export function dedupeKey(rule: number | string, customer: number | string, occurrence: string): string {
	return `rule:${rule}:customer:${customer}:${occurrence}`;
}

/** FNV-1a (32-bit) of "rule:customer" → 0..99; the same customer always lands in the same bucket for a rule. */
export function holdoutBucket(rule: number | string, customer: number | string): number {
	let hash = 0x811c9dc5;
	for (const char of `${rule}:${customer}`) {
		hash ^= char.charCodeAt(0);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash % 100;
}

export function isHeldOut(rule: number | string, customer: number | string, percent: unknown): boolean {
	const p = Number(percent);
	return Number.isFinite(p) && p > 0 && holdoutBucket(rule, customer) < Math.min(100, p);
}
