/**
 * MBG/NBD model of repeat purchasing (Batislam, Denizel & Filiztekin 2007, "Empirical validation and comparison of
 * models for customer base analysis", IJRM 24(3)).
 *
 * As BG/NBD (a Poisson purchase rate λ ~ Gamma(r, α) while alive, a dropout probability p ~ Beta(a, b)), except that a
 * customer may also drop out right after the FIRST purchase. So a one-time buyer seen long ago is probably gone, where
 * BG/NBD says P(alive) = 1 for every one-time buyer.
 */
import { assertValidObservation, groupObservations, type BgNbdParams } from './bgnbd';
import { hyp2f1 } from './hyp2f1';
import { maximiseLikelihood, type MinimizeOptions } from './optimize';
import { logAddExp, logBeta, logGamma } from './special-functions';
import type { RfmObservation } from './summary';

/** The same four parameters as BG/NBD: r, α (purchase rate), a, b (dropout). */
export type MbgNbdParams = BgNbdParams;

export interface MbgNbdFit {
	params: MbgNbdParams;
	logLikelihood: number;
	iterations: number;
	converged: boolean;
}

/**
 * Sum of the per-customer log-likelihoods:
 * L = B(a, b+x+1)/B(a, b) · Γ(r+x) α^r / Γ(r) · [(α+T)^−(r+x) + a/(b+x) · (α+t_x)^−(r+x)].
 */
export function mbgnbdLogLikelihood(
	params: MbgNbdParams,
	customers: readonly (RfmObservation & { weight?: number })[],
): number {
	const { r, alpha, a, b } = params;
	if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) return Number.NaN;
	const logAlphaR = r * Math.log(alpha);
	const logBetaAB = logBeta(a, b);
	const logA = Math.log(a);
	const termsByFrequency = new Map<number, number>();
	let total = 0;
	let compensation = 0; // Neumaier summation, as in bgnbdLogLikelihood
	for (const { frequency: x, recency: tx, age: T, weight = 1 } of customers) {
		let shared = termsByFrequency.get(x);
		if (shared === undefined) {
			shared = logGamma(r + x) - logGamma(r) + logAlphaR + logBeta(a, b + x + 1) - logBetaAB;
			termsByFrequency.set(x, shared);
		}
		const stillAlive = -(r + x) * Math.log(alpha + T);
		const droppedOut = logA - Math.log(b + x) - (r + x) * Math.log(alpha + tx);
		const term = weight * (shared + logAddExp(stillAlive, droppedOut));
		const sum = total + term;
		compensation += Math.abs(total) >= Math.abs(term) ? total - sum + term : term - sum + total;
		total = sum;
	}
	return total + compensation;
}

export interface MbgNbdFitOptions extends MinimizeOptions {
	start?: MbgNbdParams;
}

/** Maximum-likelihood fit (maximiseLikelihood: log-parameters, mean log-likelihood per customer). */
export function fitMbgnbd(customers: readonly RfmObservation[], options: MbgNbdFitOptions = {}): MbgNbdFit {
	if (customers.length === 0) throw new RangeError('fitMbgnbd: no customers');
	customers.forEach(assertValidObservation);
	const groups = groupObservations(customers);
	return maximiseLikelihood(
		['r', 'alpha', 'a', 'b'] as const,
		options.start ?? { r: 1, alpha: 1, a: 1, b: 1 },
		(params) => mbgnbdLogLikelihood(params, groups),
		customers.length,
		options,
	);
}

/** P(alive | x, t_x, T) = 1 / (1 + a/(b+x) · ((α+T)/(α+t_x))^(r+x)); below 1 for one-time buyers too. */
export function mbgnbdProbabilityAlive(params: MbgNbdParams, customer: RfmObservation): number {
	assertValidObservation(customer);
	const { r, alpha, a, b } = params;
	const { frequency: x, recency: tx, age: T } = customer;
	return 1 / (1 + (a / (b + x)) * Math.pow((alpha + T) / (alpha + tx), r + x));
}

/**
 * E[Y(t) | x, t_x, T]: expected purchases in the next t periods,
 * (a+b+x)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · 2F1(r+x, b+x+1; a+b+x; t/(α+T+t))] / (1 + a/(b+x) · ((α+T)/(α+t_x))^(r+x)).
 * a = 1 is a removable singularity, nudged off as in BG/NBD.
 */
export function mbgnbdExpectedPurchases(params: MbgNbdParams, customer: RfmObservation, t: number): number {
	assertValidObservation(customer);
	if (!(t >= 0)) throw new RangeError(`expectedPurchases: t must be >= 0 (got ${t})`);
	if (t === 0) return 0;
	const { r, alpha, b } = params;
	const a = Math.abs(params.a - 1) < 1e-7 ? 1 + 1e-7 : params.a;
	const { frequency: x, recency: tx, age: T } = customer;
	const z = t / (alpha + T + t);
	const growth =
		((a + b + x) / (a - 1)) *
		(1 - Math.pow((alpha + T) / (alpha + T + t), r + x) * hyp2f1(r + x, b + x + 1, a + b + x, z));
	return growth / (1 + (a / (b + x)) * Math.pow((alpha + T) / (alpha + tx), r + x));
}
