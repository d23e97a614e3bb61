/**
 * BG/NBD model of repeat purchasing (Fader, Hardie & Lee 2005, "Counting Your
 * Customers the Easy Way: An Alternative to the Pareto/NBD Model", Marketing
 * Science 24(2)).
 *
 * While alive, a customer buys as a Poisson process with rate λ ~ Gamma(r, α);
 * after each purchase they drop out with probability p ~ Beta(a, b).
 * Equation numbers below refer to the paper.
 */
import { hyp2f1 } from './hyp2f1';
import { maximiseLikelihood, type MinimizeOptions } from './optimize';
import { logAddExp, logBeta, logGamma } from './special-functions';
import type { RfmObservation } from './summary';

export interface BgNbdParams {
	r: number;
	alpha: number;
	a: number;
	b: number;
}

export interface BgNbdFit {
	params: BgNbdParams;
	logLikelihood: number;
	iterations: number;
	converged: boolean;
}

/** An observation standing for `weight` customers with the same (x, t_x, T). */
export interface WeightedObservation extends RfmObservation {
	weight: number;
}

/**
 * Customers with the same (x, t_x, T) add the same term to the likelihood, so each distinct triple is evaluated once
 * and counted `weight` times. Purchase days are whole days, so at scale most customers share a triple with others
 * (every one-time buyer of the same first day does).
 */
export function groupObservations(customers: readonly RfmObservation[]): WeightedObservation[] {
	const byKey = new Map<string, WeightedObservation>();
	for (const { frequency, recency, age } of customers) {
		const key = observationKey({ frequency, recency, age });
		const group = byKey.get(key);
		if (group) group.weight++;
		else byKey.set(key, { frequency, recency, age, weight: 1 });
	}
	return [...byKey.values()];
}

/** Equal for customers with the same (x, t_x, T): everything BG/NBD says about them is the same. */
export const observationKey = ({ frequency, recency, age }: RfmObservation): string => `${frequency}|${recency}|${age}`;

/** Sum of the per-customer log-likelihoods (eq. 6, in log form); a weighted observation counts `weight` times. */
export function bgnbdLogLikelihood(
	params: BgNbdParams,
	customers: readonly (RfmObservation & { weight?: number })[],
): number {
	const { r, alpha, a, b } = params;
	if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) return Number.NaN;
	const logAlphaR = r * Math.log(alpha);
	const logBetaAB = logBeta(a, b);
	// The gamma/beta terms only depend on x, which takes few distinct values.
	const termsByFrequency = new Map<number, { shared: number; stillAlive: number; droppedOut: number }>();

	// Compensated (Neumaier) summation: at a million customers plain rounding error is of the order of the fit's
	// stopping tolerance, and a noisy objective keeps the simplex from settling.
	let total = 0;
	let compensation = 0;
	for (const { frequency: x, recency: tx, age: T, weight = 1 } of customers) {
		let terms = termsByFrequency.get(x);
		if (!terms) {
			terms = {
				shared: logGamma(r + x) - logGamma(r) + logAlphaR - logBetaAB,
				stillAlive: logBeta(a, b + x),
				droppedOut: x > 0 ? logBeta(a + 1, b + x - 1) : Number.NEGATIVE_INFINITY,
			};
			termsByFrequency.set(x, terms);
		}
		const stillAlive = terms.stillAlive - (r + x) * Math.log(alpha + T);
		const droppedOut = x > 0 ? terms.droppedOut - (r + x) * Math.log(alpha + tx) : Number.NEGATIVE_INFINITY;
		const term = weight * (terms.shared + logAddExp(stillAlive, droppedOut));
		const sum = total + term;
		compensation += Math.abs(total) >= Math.abs(term) ? total - sum + term : term - sum + total;
		total = sum;
	}
	return total + compensation;
}

export interface BgNbdFitOptions extends MinimizeOptions {
	/** Starting parameters. Default r = α = a = b = 1. */
	start?: BgNbdParams;
}

/** Maximum-likelihood fit (maximiseLikelihood: log-parameters, mean log-likelihood per customer). */
export function fitBgnbd(customers: readonly RfmObservation[], options: BgNbdFitOptions = {}): BgNbdFit {
	if (customers.length === 0) throw new RangeError('fitBgnbd: no customers');
	customers.forEach(assertValidObservation);
	const groups = groupObservations(customers);
	return maximiseLikelihood(
		['r', 'alpha', 'a', 'b'] as const,
		options.start ?? { r: 1, alpha: 1, a: 1, b: 1 },
		(params) => bgnbdLogLikelihood(params, groups),
		customers.length,
		options,
	);
}

/**
 * P(alive | x, t_x, T) (eq. 13). With x = 0 this is 1: in BG/NBD a customer can
 * only drop out right after a purchase, and the first purchase is not a "repeat".
 */
export function probabilityAlive(params: BgNbdParams, customer: RfmObservation): number {
	assertValidObservation(customer);
	const { r, alpha, a, b } = params;
	const { frequency: x, recency: tx, age: T } = customer;
	if (x === 0) return 1;
	return 1 / (1 + (a / (b + x - 1)) * Math.pow((alpha + T) / (alpha + tx), r + x));
}

/**
 * E[Y(t) | x, t_x, T]: expected purchases in the next t periods (eq. 10).
 * The ratio (a+b+x−1)/(a−1) has a removable singularity at a = 1; a is nudged
 * off it, which costs ~1e-9 relative accuracy there and nothing elsewhere.
 */
export function expectedPurchases(params: BgNbdParams, customer: RfmObservation, t: number): number {
	assertValidObservation(customer);
	if (!(t >= 0)) throw new RangeError(`expectedPurchases: t must be >= 0 (got ${t})`);
	if (t === 0) return 0;
	const { r, alpha, b } = params;
	const a = Math.abs(params.a - 1) < 1e-7 ? 1 + 1e-7 : params.a;
	const { frequency: x, recency: tx, age: T } = customer;

	const z = t / (alpha + T + t);
	const growth =
		((a + b + x - 1) / (a - 1)) *
		(1 - Math.pow((alpha + T) / (alpha + T + t), r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z));
	const dropoutOdds = x > 0 ? (a / (b + x - 1)) * Math.pow((alpha + T) / (alpha + tx), r + x) : 0;
	return growth / (1 + dropoutOdds);
}

/** E[X(t)]: expected purchases in (0, t] by a customer who has just made their first purchase (eq. 9). */
export function expectedPurchasesNewCustomer(params: BgNbdParams, t: number): number {
	return expectedPurchases(params, { frequency: 0, recency: 0, age: 0 }, t);
}

export function assertValidObservation({ frequency, recency, age }: RfmObservation): void {
	if (!Number.isInteger(frequency) || frequency < 0) {
		throw new RangeError(`frequency must be a non-negative integer (got ${frequency})`);
	}
	if (!(recency >= 0 && recency <= age && Number.isFinite(age))) {
		throw new RangeError(`need 0 <= recency <= age (got recency ${recency}, age ${age})`);
	}
	if (frequency === 0 && recency !== 0) throw new RangeError('recency must be 0 when frequency is 0');
}
