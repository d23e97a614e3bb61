/**
 * Log-gamma and log-beta for positive real arguments.
 *
 * The likelihoods work with ratios of gamma functions whose values overflow
 * doubles quickly (Γ(172) is already Infinity), so everything stays in log space.
 */

// Lanczos approximation, g = 7, n = 9: ~15 significant digits for x >= 0.5.
const LANCZOS_G = 7;
const LANCZOS_COEFFICIENTS = [
	0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
	12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0. Returns NaN for x <= 0 or NaN (the models never need those). */
export function logGamma(x: number): number {
	if (!(x > 0)) return Number.NaN;
	if (x === Number.POSITIVE_INFINITY) return Number.POSITIVE_INFINITY;
	if (x < 0.5) {
		// Reflection Γ(x)Γ(1-x) = π / sin(πx) keeps the Lanczos sum in its accurate range.
		return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
	}
	const z = x - 1;
	let series = LANCZOS_COEFFICIENTS[0]!;
	for (let i = 1; i < LANCZOS_COEFFICIENTS.length; i++) {
		series += LANCZOS_COEFFICIENTS[i]! / (z + i);
	}
	const t = z + LANCZOS_G + 0.5;
	return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(series);
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), for a, b > 0. */
export function logBeta(a: number, b: number): number {
	return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/** ln(e^u + e^v) without overflow or underflow. */
export function logAddExp(u: number, v: number): number {
	const larger = Math.max(u, v);
	if (larger === Number.NEGATIVE_INFINITY) return larger;
	return larger + Math.log1p(Math.exp(Math.min(u, v) - larger));
}
