/**
 * Derivative-free minimisation with the Nelder–Mead simplex method
 * (Nelder & Mead 1965, with the standard coefficients of Lagarias et al. 1998).
 *
 * Non-finite objective values are treated as +Infinity so that a caller can mark
 * infeasible points simply by returning NaN or Infinity.
 */

export type Objective = (point: readonly number[]) => number;

export interface NelderMeadOptions {
	/** Size of the initial simplex along each axis (number or one per axis). Default 0.5. */
	initialStep?: number | readonly number[];
	/** Maximum number of iterations. Default 2000 · dimension. */
	maxIterations?: number;
	/** Stop when all vertex values are within this of the best. Default 1e-10. */
	valueTolerance?: number;
	/** ...and all vertices are within this (max-norm) of the best. Default 1e-10. */
	pointTolerance?: number;
}

export interface MinimizeResult {
	point: number[];
	value: number;
	iterations: number;
	converged: boolean;
}

const REFLECTION = 1;
const EXPANSION = 2;
const CONTRACTION = 0.5;
const SHRINK = 0.5;

export function nelderMead(
	objective: Objective,
	start: readonly number[],
	options: NelderMeadOptions = {},
): MinimizeResult {
	const dimension = start.length;
	if (dimension === 0) throw new RangeError('nelderMead: start point must have at least one coordinate');
	const maxIterations = options.maxIterations ?? 2000 * dimension;
	const valueTolerance = options.valueTolerance ?? 1e-10;
	const pointTolerance = options.pointTolerance ?? 1e-10;
	const steps =
		typeof options.initialStep === 'object' ? options.initialStep : start.map(() => options.initialStep ?? 0.5);
	if (steps.length !== dimension) throw new RangeError('nelderMead: initialStep must match the dimension');

	const evaluate = (point: number[]): number => {
		const value = objective(point);
		return Number.isFinite(value) ? value : Number.POSITIVE_INFINITY;
	};

	let simplex: { point: number[]; value: number }[] = [{ point: [...start], value: evaluate([...start]) }];
	for (let axis = 0; axis < dimension; axis++) {
		const point = [...start];
		point[axis] = point[axis]! + (steps[axis] as number);
		simplex.push({ point, value: evaluate(point) });
	}

	let iterations = 0;
	let converged = false;
	while (iterations < maxIterations) {
		simplex.sort((left, right) => left.value - right.value);
		const best = simplex[0]!;
		const worst = simplex[dimension]!;
		if (hasConverged(simplex, valueTolerance, pointTolerance)) {
			converged = true;
			break;
		}
		iterations++;

		const centroid = new Array<number>(dimension).fill(0);
		for (let i = 0; i < dimension; i++) {
			for (let axis = 0; axis < dimension; axis++) centroid[axis]! += simplex[i]!.point[axis]! / dimension;
		}
		// Point along the line from the centroid through `from`, scaled by `factor`.
		const along = (from: readonly number[], factor: number): number[] =>
			centroid.map((c, axis) => c + factor * (from[axis]! - c));

		const reflected = along(worst.point, -REFLECTION);
		const reflectedValue = evaluate(reflected);
		const secondWorstValue = simplex[dimension - 1]!.value;

		if (reflectedValue < best.value) {
			const expanded = along(worst.point, -REFLECTION * EXPANSION);
			const expandedValue = evaluate(expanded);
			simplex[dimension] =
				expandedValue < reflectedValue
					? { point: expanded, value: expandedValue }
					: { point: reflected, value: reflectedValue };
		} else if (reflectedValue < secondWorstValue) {
			simplex[dimension] = { point: reflected, value: reflectedValue };
		} else {
			const outside = reflectedValue < worst.value;
			const contracted = outside ? along(worst.point, -REFLECTION * CONTRACTION) : along(worst.point, CONTRACTION);
			const contractedValue = evaluate(contracted);
			if (contractedValue < (outside ? reflectedValue : worst.value)) {
				simplex[dimension] = { point: contracted, value: contractedValue };
			} else {
				simplex = simplex.map((vertex, index) => {
					if (index === 0) return vertex;
					const point = vertex.point.map(
						(coordinate, axis) => best.point[axis]! + SHRINK * (coordinate - best.point[axis]!),
					);
					return { point, value: evaluate(point) };
				});
			}
		}
	}

	simplex.sort((left, right) => left.value - right.value);
	return { point: simplex[0]!.point, value: simplex[0]!.value, iterations, converged };
}

function hasConverged(
	simplex: { point: number[]; value: number }[],
	valueTolerance: number,
	pointTolerance: number,
): boolean {
	const best = simplex[0]!;
	return simplex.every(
		(vertex) =>
			Math.abs(vertex.value - best.value) <= valueTolerance &&
			vertex.point.every((coordinate, axis) => Math.abs(coordinate - best.point[axis]!) <= pointTolerance),
	);
}

export interface MinimizeOptions extends NelderMeadOptions {
	/** Maximum number of restarts from the best point found. Default 10. */
	maxRestarts?: number;
}

/**
 * Nelder–Mead with restarts: a simplex can collapse onto a non-stationary point,
 * so it is rebuilt around the best point until a restart no longer improves it.
 */
export function minimize(
	objective: Objective,
	start: readonly number[],
	options: MinimizeOptions = {},
): MinimizeResult {
	const maxRestarts = options.maxRestarts ?? 10;
	const valueTolerance = options.valueTolerance ?? 1e-10;
	let result = nelderMead(objective, start, options);
	let iterations = result.iterations;
	for (let restart = 0; restart < maxRestarts; restart++) {
		const next = nelderMead(objective, result.point, { ...options, initialStep: options.initialStep ?? 0.1 });
		iterations += next.iterations;
		const improvement = result.value - next.value;
		if (next.value <= result.value) result = next;
		if (!(improvement > valueTolerance)) {
			return { ...result, iterations, converged: next.converged };
		}
	}
	return { ...result, iterations, converged: false };
}

export interface LikelihoodFit<P> {
	params: P;
	logLikelihood: number;
	iterations: number;
	converged: boolean;
}

/**
 * Maximum likelihood over positive parameters: the search runs on their logarithms (so every step stays positive)
 * and minimises the mean negative log-likelihood per customer, so the stopping tolerances mean the same at 2,000
 * customers and at 1M (on the sum, a fixed tolerance falls below the rounding error of a million-term sum and the
 * search never stops).
 */
export function maximiseLikelihood<K extends string>(
	keys: readonly K[],
	start: Readonly<Record<K, number>>,
	logLikelihood: (params: Record<K, number>) => number,
	customers: number,
	options: MinimizeOptions = {},
): LikelihoodFit<Record<K, number>> {
	const toParams = (logs: readonly number[]) =>
		Object.fromEntries(keys.map((key, i) => [key, Math.exp(logs[i]!)])) as Record<K, number>;
	const result = minimize(
		(logs) => -logLikelihood(toParams(logs)) / customers,
		keys.map((key) => Math.log(start[key])),
		{ valueTolerance: 1e-11, pointTolerance: 1e-8, ...options },
	);
	return {
		params: toParams(result.point),
		logLikelihood: -result.value * customers,
		iterations: result.iterations,
		converged: result.converged,
	};
}
