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
	const { candidate: candidateMs, baseline: baselineMs } = await compareAll(runs, { candidate, baseline }, between);
	return { candidateMs, baselineMs, ratio: candidateMs / baselineMs };
}

/** Medians of several contenders: one warm-up each, then `runs` rounds in rotating order (drift hits all alike). */
export async function compareAll<K extends string>(
	runs: number,
	contenders: Record<K, () => Promise<unknown>>,
	between: () => Promise<unknown> = async () => {},
): Promise<Record<K, number>> {
	const names = Object.keys(contenders) as K[];
	for (const name of [...names].reverse()) await contenders[name]();
	const times = Object.fromEntries(names.map((name) => [name, [] as number[]])) as unknown as Record<K, number[]>;
	for (let i = 0; i < runs; i++) {
		const order = i % 2 ? [...names].reverse() : names;
		for (const name of order) {
			await between();
			times[name].push(await timeMs(contenders[name]));
		}
	}
	return Object.fromEntries(names.map((name) => [name, median(times[name])])) as Record<K, number>;
}
