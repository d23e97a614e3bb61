/**
 * Gaussian hypergeometric function 2F1(a, b; c; z) for real arguments.
 *
 * Evaluated as the power series  Σ_n (a)_n (b)_n / ((c)_n n!) · z^n.
 *
 * Convergence: the series converges absolutely for |z| < 1 (for any a, b and
 * any c that is not 0, -1, -2, ...). For large n the terms behave like
 * C · n^(a+b-c-1) · z^n, so the tail after term n is roughly |term|·|z|/(1−|z|);
 * summation stops once that estimate is below `tolerance` relative to the sum.
 * Arguments z < -0.5 are first mapped into (1/3, 1) with the Pfaff transformation
 * 2F1(a, b; c; z) = (1 − z)^(−a) · 2F1(a, c − b; c; z / (z − 1)), which also
 * extends the domain to every z < 1. z >= 1 is rejected.
 *
 * The BG/NBD conditional expectation uses z = t / (α + T + t) ∈ [0, 1), where the
 * series is the natural choice; it slows down only as t grows far beyond α + T.
 */

export interface Hyp2f1Options {
	/** Relative accuracy of the estimated remaining tail. Default 1e-15. */
	tolerance?: number;
	/** Safety cap on the number of series terms. Default 1e6. */
	maxTerms?: number;
}

export function hyp2f1(a: number, b: number, c: number, z: number, options: Hyp2f1Options = {}): number {
	if (![a, b, c, z].every(Number.isFinite)) {
		throw new RangeError('hyp2f1: arguments must be finite numbers');
	}
	if (c <= 0 && Number.isInteger(c)) {
		throw new RangeError(`hyp2f1: c must not be a non-positive integer (got ${c})`);
	}
	if (z >= 1) {
		throw new RangeError(`hyp2f1: the series requires z < 1 (got ${z})`);
	}
	if (z < -0.5) {
		return Math.pow(1 - z, -a) * hyp2f1Series(a, c - b, c, z / (z - 1), options);
	}
	return hyp2f1Series(a, b, c, z, options);
}

function hyp2f1Series(a: number, b: number, c: number, z: number, options: Hyp2f1Options): number {
	const tolerance = options.tolerance ?? 1e-15;
	const maxTerms = options.maxTerms ?? 1_000_000;
	const tailFactor = Math.abs(z) / (1 - Math.abs(z));

	let term = 1;
	let sum = 1;
	for (let n = 0; n < maxTerms; n++) {
		// Ratio of consecutive terms: (a+n)(b+n) / ((c+n)(n+1)) · z.
		term *= (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
		sum += term;
		if (term === 0) return sum; // a or b is a non-positive integer: a polynomial.
		// Only trust the geometric tail estimate once the terms have started shrinking,
		// i.e. n is past the point where the (a+n)(b+n)/(c+n)(n+1) factor exceeds 1/|z|.
		const shrinking = Math.abs((((a + n + 1) * (b + n + 1)) / ((c + n + 1) * (n + 2))) * z) < 1;
		if (shrinking && Math.abs(term) * tailFactor <= tolerance * Math.abs(sum)) return sum;
	}
	throw new RangeError(`hyp2f1: series did not converge within ${maxTerms} terms (z = ${z})`);
}
