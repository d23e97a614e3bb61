// A small seeded PRNG (sfc32, seeded through splitmix32) so the demo data is identical on every machine.
// Math.random() is never used: the same seed always yields the same sequence.

export interface Rng {
	/** Uniform in [0, 1). */
	next(): number;
	/** Integer in [min, max], both inclusive. */
	int(min: number, max: number): number;
	/** Uniform float in [min, max). */
	float(min: number, max: number): number;
	/** True with probability p. */
	chance(p: number): boolean;
	pick<T>(items: readonly T[]): T;
	/** Picks a value with probability proportional to its weight. */
	weighted<T>(entries: readonly (readonly [T, number])[]): T;
	/** Index into `weights`, with probability proportional to the weight. */
	weightedIndex(weights: readonly number[]): number;
	normal(mean: number, sd: number): number;
	exponential(mean: number): number;
	/** Gamma(shape, scale): mean shape·scale. A larger shape gives a tighter, more regular spread. */
	gamma(shape: number, scale: number): number;
	poisson(mean: number): number;
	/** A shuffled copy; the input is left alone. */
	shuffle<T>(items: readonly T[]): T[];
	/** `count` distinct items in random order (all of them if count ≥ length). */
	sample<T>(items: readonly T[], count: number): T[];
}

/** Only the low 32 bits of the seed matter. */
export function createRng(seed: number): Rng {
	// splitmix32 spreads nearby seeds (1, 2, 3…) into unrelated starting states.
	let mix = seed >>> 0;
	const splitmix = () => {
		mix = (mix + 0x9e3779b9) >>> 0;
		let z = mix;
		z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
		z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
		return (z ^ (z >>> 16)) >>> 0;
	};
	let a = splitmix();
	let b = splitmix();
	let c = splitmix();
	let d = splitmix();
	const nextUint32 = () => {
		const t = (((a + b) | 0) + d) | 0;
		d = (d + 1) | 0;
		a = b ^ (b >>> 9);
		b = (c + (c << 3)) | 0;
		c = (c << 21) | (c >>> 11);
		c = (c + t) | 0;
		return t >>> 0;
	};
	for (let i = 0; i < 12; i++) nextUint32();

	const next = () => nextUint32() / 4_294_967_296;

	const int = (min: number, max: number) => {
		if (!Number.isInteger(min) || !Number.isInteger(max) || max < min)
			throw new RangeError(`int(${min}, ${max}): need integers with min ≤ max`);
		return min + Math.floor(next() * (max - min + 1));
	};

	const pick = <T>(items: readonly T[]): T => {
		if (items.length === 0) throw new RangeError('pick() from an empty array');
		return items[Math.floor(next() * items.length)];
	};

	const weightedIndex = (weights: readonly number[]) => {
		let total = 0;
		for (const w of weights) total += Math.max(0, w);
		if (!(total > 0)) throw new RangeError('weighted pick needs at least one positive weight');
		let r = next() * total;
		for (let i = 0; i < weights.length; i++) {
			r -= Math.max(0, weights[i]);
			if (r < 0) return i;
		}
		// Floating-point leftovers: fall back to the last positive weight.
		for (let i = weights.length - 1; i >= 0; i--) if (weights[i] > 0) return i;
		return 0;
	};

	const normal = (mean: number, sd: number) => {
		// Box–Muller; 1 - next() avoids log(0).
		const u = 1 - next();
		const v = next();
		return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	};

	const gamma = (shape: number, scale: number): number => {
		if (!(shape > 0) || !(scale > 0)) throw new RangeError('gamma needs a positive shape and scale');
		// Marsaglia–Tsang; shapes below 1 use the boost gamma(shape + 1)·U^(1/shape).
		if (shape < 1) return gamma(shape + 1, scale) * Math.pow(1 - next(), 1 / shape);
		const d3 = shape - 1 / 3;
		const c3 = 1 / Math.sqrt(9 * d3);
		for (;;) {
			let x: number;
			let v: number;
			do {
				x = normal(0, 1);
				v = 1 + c3 * x;
			} while (v <= 0);
			v = v * v * v;
			const u = 1 - next();
			if (Math.log(u) < 0.5 * x * x + d3 - d3 * v + d3 * Math.log(v)) return d3 * v * scale;
		}
	};

	const poisson = (mean: number) => {
		if (mean <= 0) return 0;
		if (mean > 30) return Math.max(0, Math.round(normal(mean, Math.sqrt(mean))));
		// Knuth: multiply uniforms until the product drops below e^-mean.
		const limit = Math.exp(-mean);
		let k = 0;
		let p = next();
		while (p > limit) {
			k++;
			p *= next();
		}
		return k;
	};

	const shuffle = <T>(items: readonly T[]): T[] => {
		const copy = items.slice();
		for (let i = copy.length - 1; i > 0; i--) {
			const j = Math.floor(next() * (i + 1));
			[copy[i], copy[j]] = [copy[j], copy[i]];
		}
		return copy;
	};

	return {
		next,
		int,
		float: (min, max) => min + next() * (max - min),
		chance: (p) => next() < p,
		pick,
		weighted: (entries) => {
			// Same walk as weightedIndex, without allocating a weights array on this hot path.
			let total = 0;
			for (const entry of entries) total += Math.max(0, entry[1]);
			if (!(total > 0)) throw new RangeError('weighted pick needs at least one positive weight');
			let r = next() * total;
			let last = -1;
			for (let i = 0; i < entries.length; i++) {
				if (entries[i][1] <= 0) continue;
				last = i;
				r -= entries[i][1];
				if (r < 0) return entries[i][0];
			}
			return entries[last][0];
		},
		weightedIndex,
		normal,
		exponential: (mean) => -Math.log(1 - next()) * mean,
		gamma,
		poisson,
		shuffle,
		sample: (items, count) => shuffle(items).slice(0, Math.max(0, count)),
	};
}
