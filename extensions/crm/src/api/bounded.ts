// Small async helpers for hooks that may receive a burst of events (a segment refresh emits one action per change).

/** Runs at most `concurrency` tasks at once; later ones wait in arrival order (a finishing task hands over its slot). */
export function boundedRunner(concurrency: number) {
	let running = 0;
	let waiting: (() => void)[] = [];
	let head = 0;
	const next = () => {
		if (head < waiting.length) {
			const wake = waiting[head++];
			// Drop the consumed prefix now and then, so a burst of 100,000 waiters costs O(n), not O(n²) of shift().
			if (head > 1024 && head * 2 > waiting.length) {
				waiting = waiting.slice(head);
				head = 0;
			}
			wake();
		} else running--;
	};
	return async <T>(task: () => Promise<T>): Promise<T> => {
		if (running < concurrency) running++;
		else await new Promise<void>((resolve) => waiting.push(resolve));
		try {
			return await task();
		} finally {
			next();
		}
	};
}

/** `load(key)` remembered for `ttlMs` (a failed load is forgotten at once); `clock` is injectable for tests. */
export function cachedFor<K, V>(ttlMs: number, load: (key: K) => Promise<V>, clock: () => number = Date.now) {
	const entries = new Map<K, { at: number; value: Promise<V> }>();
	const get = (key: K): Promise<V> => {
		const hit = entries.get(key);
		if (hit && clock() - hit.at < ttlMs) return hit.value;
		const value = load(key);
		entries.set(key, { at: clock(), value });
		value.catch(() => entries.delete(key));
		return value;
	};
	/** Forget everything (e.g. when what was loaded changed in this process). */
	get.clear = () => entries.clear();
	return get;
}
