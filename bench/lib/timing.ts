// Timing helpers: medians of repeated runs, with baseline and candidate interleaved so drift hits both alike.
export const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export async function timeMs(fn: () => Promise<unknown>): Promise<number> {
	const start = process.hrtime.bigint();
	await fn();
	return Number(process.hrtime.bigint() - start) / 1e6;
}

export interface Pair {
	candidateMs: number;
	baselineMs: number;
	ratio: number;
}

/** One warm-up of each, then `runs` alternating timed runs; `between` (untimed) runs before every timed run. */
export async function comparePair(
	runs: number,
	candidate: () => Promise<unknown>,
	baseline: () => Promise<unknown>,
	between: () => Promise<unknown> = async () => {},
): Promise<Pair> {
	await baseline();
	await candidate();
	const c: number[] = [];
	const b: number[] = [];
	for (let i = 0; i < runs; i++) {
		const order = i % 2 ? [['c', candidate], ['b', baseline]] as const : [['b', baseline], ['c', candidate]] as const;
		for (const [which, fn] of order) {
			await between();
			(which === 'c' ? c : b).push(await timeMs(fn));
		}
	}
	const candidateMs = median(c);
	const baselineMs = median(b);
	return { candidateMs, baselineMs, ratio: candidateMs / baselineMs };
}
