/**
 * Gamma-Gamma model of spend per transaction (Fader, Hardie & Lee 2005, "RFM and
 * CLV: Using Iso-Value Curves for Customer Base Analysis", JMR 42(4); see also
 * Hardie & Fader's note "The Gamma-Gamma Model of Monetary Value").
 *
 * A customer's transaction values are Gamma(p, ν) with ν ~ Gamma(q, γ) across
 * customers, independent of the purchase process. It is fitted on repeat
 * customers (x > 0) using the mean value m_x of their x repeat transactions.
 */
import { expectedPurchases, type BgNbdParams } from './bgnbd';
import { modelExpectedPurchases, type PurchaseModel } from './models';
import { minimize, type MinimizeOptions } from './optimize';
import { logGamma } from './special-functions';
import type { RfmObservation } from './summary';

export interface GammaGammaParams {
	p: number;
	q: number;
	gamma: number;
}

export interface SpendObservation {
	/** x: number of repeat transactions. */
	frequency: number;
	/** m_x: mean value of the repeat transactions; ignored (may be null) when x = 0. */
	meanRepeatValue: number | null;
}

export interface GammaGammaFit {
	params: GammaGammaParams;
	logLikelihood: number;
	/** Number of repeat customers (x > 0) the model was fitted on. */
	customerCount: number;
	iterations: number;
	converged: boolean;
}

/**
 * Log-likelihood of the observed mean values m_x of customers with x > 0;
 * customers with x = 0 carry no spend information and are skipped.
 * Density of m_x: Γ(px+q) / (Γ(px)Γ(q)) · γ^q · m^(px−1) · x^(px) / (γ + m·x)^(px+q).
 */
export function gammaGammaLogLikelihood(params: GammaGammaParams, customers: readonly SpendObservation[]): number {
	return preparedLogLikelihood(params, prepare(customers.filter((customer) => customer.frequency > 0)));
}

/** Repeat customers as columns, with log m_x and m_x·x worked out once rather than on every step of a fit. */
interface PreparedSpend {
	frequency: Int32Array;
	logMean: Float64Array;
	meanTimesFrequency: Float64Array;
}

function prepare(repeatCustomers: readonly SpendObservation[]): PreparedSpend {
	const count = repeatCustomers.length;
	const prepared = {
		frequency: new Int32Array(count),
		logMean: new Float64Array(count),
		meanTimesFrequency: new Float64Array(count),
	};
	repeatCustomers.forEach((customer, i) => {
		const m = assertPositiveMean(customer.frequency, customer.meanRepeatValue);
		prepared.frequency[i] = customer.frequency;
		prepared.logMean[i] = Math.log(m);
		prepared.meanTimesFrequency[i] = m * customer.frequency;
	});
	return prepared;
}

function preparedLogLikelihood({ p, q, gamma }: GammaGammaParams, spend: PreparedSpend): number {
	if (!(p > 0 && q > 0 && gamma > 0)) return Number.NaN;
	const perCustomer = q * Math.log(gamma) - logGamma(q);
	// The gamma-function terms depend on x alone, which takes few distinct values.
	const termsByFrequency = new Map<number, number>();
	let total = 0;
	let compensation = 0; // Neumaier summation, as in the BG/NBD likelihood
	for (let i = 0; i < spend.frequency.length; i++) {
		const x = spend.frequency[i]!;
		const px = p * x;
		let frequencyTerms = termsByFrequency.get(x);
		if (frequencyTerms === undefined) {
			frequencyTerms = logGamma(px + q) - logGamma(px) + px * Math.log(x);
			termsByFrequency.set(x, frequencyTerms);
		}
		const term =
			perCustomer +
			frequencyTerms +
			(px - 1) * spend.logMean[i]! -
			(px + q) * Math.log(gamma + spend.meanTimesFrequency[i]!);
		const sum = total + term;
		compensation += Math.abs(total) >= Math.abs(term) ? total - sum + term : term - sum + total;
		total = sum;
	}
	return total + compensation;
}

export interface GammaGammaFitOptions extends MinimizeOptions {
	/** Starting parameters. Default p = q = γ = 1. */
	start?: GammaGammaParams;
}

/**
 * Maximum-likelihood fit on the customers with x > 0, optimising log-parameters and the mean log-likelihood per
 * customer (tolerances independent of the number of customers; see fitBgnbd). Repeat customers whose repeat purchases
 * total 0 or less (free or refunded orders) are left out: a Gamma density has no mass at 0, so they carry no spend
 * information the model can use (CDNOW master has one, a $0.00 purchase); expectedAverageOrderValue still values them.
 */
export function fitGammaGamma(
	customers: readonly SpendObservation[],
	options: GammaGammaFitOptions = {},
): GammaGammaFit {
	const repeatCustomers = customers.filter(
		(customer) => customer.frequency > 0 && !(customer.meanRepeatValue !== null && customer.meanRepeatValue <= 0),
	);
	if (repeatCustomers.length === 0) throw new RangeError('fitGammaGamma: no repeat customers (x > 0)');
	const spend = prepare(repeatCustomers);
	const start = options.start ?? { p: 1, q: 1, gamma: 1 };
	const toParams = ([logP, logQ, logGammaScale]: readonly number[]): GammaGammaParams => ({
		p: Math.exp(logP!),
		q: Math.exp(logQ!),
		gamma: Math.exp(logGammaScale!),
	});
	const count = repeatCustomers.length;
	const result = minimize(
		(logParams) => -preparedLogLikelihood(toParams(logParams), spend) / count,
		[start.p, start.q, start.gamma].map(Math.log),
		{ valueTolerance: 1e-11, pointTolerance: 1e-8, ...options },
	);
	return {
		params: toParams(result.point),
		logLikelihood: -result.value * count,
		customerCount: count,
		iterations: result.iterations,
		converged: result.converged,
	};
}

/**
 * E[Z | x, m_x]: expected value of a future transaction, p(γ + x·m_x) / (px + q − 1).
 * It is a weighted average of the population mean pγ/(q − 1) and the customer's m_x.
 * For x = 0 it is the population mean. Requires q > 1 (otherwise the mean is infinite).
 * A repeat customer whose repeat purchases total 0 or less (left out of the fit) gets the same formula with m_x = 0,
 * the limit of the model's estimate as their mean tends to 0: pγ / (px + q − 1), below the population mean.
 */
export function expectedAverageOrderValue(params: GammaGammaParams, customer: SpendObservation): number {
	const { p, q, gamma } = params;
	if (!(q > 1)) throw new RangeError(`expected order value needs q > 1 (got q = ${q})`);
	const x = customer.frequency;
	if (x === 0) return (p * gamma) / (q - 1);
	const mean = customer.meanRepeatValue;
	if (mean === null || !Number.isFinite(mean)) {
		throw new RangeError(`a customer with x = ${x} needs a finite meanRepeatValue (got ${mean})`);
	}
	return (p * (gamma + x * Math.max(0, mean))) / (p * x + q - 1);
}

export interface ClvOptions {
	/** Number of future periods to sum over. */
	periods: number;
	/** Length of one period in the BG/NBD time unit (e.g. 1 week, or 52/12 weeks for months). */
	periodLength: number;
	/** Discount rate per period (e.g. 0.01 for 1 % per period). */
	discountRate: number;
}

/**
 * Customer lifetime value over a finite horizon:
 *
 *   CLV = Σ_{i=1..periods} (E[Y(i·L)] − E[Y((i−1)·L)]) · E[Z] / (1 + d)^i
 *
 * where E[Y(t)] is the purchase model's (BG/NBD, MBG/NBD or Pareto/NBD) conditional expected number of purchases in the next
 * t time units, L the period length, E[Z] the Gamma-Gamma expected order value and
 * d the per-period discount rate. Purchases in period i are discounted as if they
 * happened at its end. The result is revenue; multiply by a margin for profit.
 */
export function customerLifetimeValue(
	purchaseModel: BgNbdParams | PurchaseModel,
	spendModel: GammaGammaParams,
	customer: RfmObservation & SpendObservation,
	options: ClvOptions,
): number {
	return (
		discountedExpectedPurchases(purchaseModel, customer, options).discounted *
		expectedAverageOrderValue(spendModel, customer)
	);
}

/**
 * The purchase side of CLV: Σ (E[Y(i·L)] − E[Y((i−1)·L)]) / (1 + d)^i, and E[Y(periods·L)] undiscounted. It depends
 * on (x, t_x, T) alone, so customers who share them can share it.
 */
export function discountedExpectedPurchases(
	purchaseModel: BgNbdParams | PurchaseModel,
	customer: RfmObservation,
	options: ClvOptions,
): { discounted: number; total: number } {
	const { periods, periodLength, discountRate } = options;
	if (!(Number.isInteger(periods) && periods >= 0))
		throw new RangeError(`periods must be a non-negative integer (got ${periods})`);
	if (!(periodLength > 0)) throw new RangeError(`periodLength must be > 0 (got ${periodLength})`);
	if (!(discountRate > -1)) throw new RangeError(`discountRate must be > -1 (got ${discountRate})`);
	let discounted = 0;
	let purchasesSoFar = 0;
	for (let period = 1; period <= periods; period++) {
		const purchasesByEnd =
			'kind' in purchaseModel
				? modelExpectedPurchases(purchaseModel, customer, period * periodLength)
				: expectedPurchases(purchaseModel, customer, period * periodLength);
		discounted += (purchasesByEnd - purchasesSoFar) / Math.pow(1 + discountRate, period);
		purchasesSoFar = purchasesByEnd;
	}
	return { discounted, total: purchasesSoFar };
}

function assertPositiveMean(frequency: number, meanRepeatValue: number | null): number {
	if (meanRepeatValue === null || !(meanRepeatValue > 0) || !Number.isFinite(meanRepeatValue)) {
		throw new RangeError(`a customer with x = ${frequency} needs a positive meanRepeatValue (got ${meanRepeatValue})`);
	}
	return meanRepeatValue;
}
