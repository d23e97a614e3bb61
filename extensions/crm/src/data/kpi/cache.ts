// A short-lived in-memory cache for computed KPI groups (per process; each replica keeps its own). Concurrent callers
// of the same key share one computation; a failed computation is not kept.
export class KpiCache {
	private readonly entries = new Map<string, { expires: number; value: Promise<unknown> }>();

	constructor(
		readonly ttlMs = 60_000,
		private readonly maxEntries = 2_000,
		private readonly clock: () => number = Date.now,
	) {}

	get<T>(key: string, compute: () => Promise<T>): Promise<T> {
		const now = this.clock();
		const hit = this.entries.get(key);
		if (hit && hit.expires > now) return hit.value as Promise<T>;
		if (hit) this.entries.delete(key);
		const value = compute();
		this.entries.set(key, { expires: now + this.ttlMs, value });
		value.catch(() => {
			if (this.entries.get(key)?.value === value) this.entries.delete(key);
		});
		while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
		return value;
	}

	clear() {
		this.entries.clear();
	}

	get size() {
		return this.entries.size;
	}
}

/** No caching (the nightly snapshot writer, tests). */
export const NO_CACHE = new KpiCache(0);
