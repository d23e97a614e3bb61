// Predictive CLV for every customer: the per-customer summary (x, t_x, T, mean repeat value) is computed in SQL from
// the orders; the BG/NBD and Gamma-Gamma models are fitted on those summaries (domain/clv) and the predictions are
// written back to crm_customers (p_alive, expected_purchases_90d, predicted_clv, clv_at).
import type { Knex } from 'knex';
import {
	fitBgnbd, fitGammaGamma, predictCustomers, systematicSample,
	type BgNbdFit, type BgNbdParams, type GammaGammaFit, type GammaGammaParams, type RfmObservation,
} from '../../domain/clv';
import { PURCHASE_STATUSES } from '../../domain/customer-stats/order-stats';
import { toDbTimestamp } from '../timestamps';

const DAY_MS = 86_400_000;
const WEEK_DAYS = 7;
const WRITE_BATCH = 2000; // 8,000 bound values per statement: under PostgreSQL's and SQLite's limits
/**
 * The models are fitted on at most this many buying customers (a systematic sample by id) and then score everyone.
 * At 1M customers the full fit took minutes; 250k customers pin the four BG/NBD parameters to well under 1 %.
 */
export const FIT_SAMPLE_LIMIT = 250_000;
/** Predictions: 90-day purchases; CLV over 12 months of 52/12 weeks, discounted 1 % per month. */
export const CLV_OPTIONS = { purchasesDays: 90, periods: 12, periodLength: 52 / 12, monthlyDiscount: 0.01 };

export interface ClvSummaryRow extends RfmObservation {
	customer: number;
	meanRepeatValue: number | null;
}

/** UTC day number of an order's timestamp, per dialect (SQLite stores epoch ms). */
function dayExpression(knex: Knex, column: string): Knex.Raw {
	return String(knex.client.config.client).includes('sqlite')
		? knex.raw('CAST((?? / 86400000) AS INTEGER)', [column])
		: knex.raw("((?? AT TIME ZONE 'UTC')::date - DATE '1970-01-01')", [column]); // date arithmetic: EXTRACT(EPOCH) is numeric, slow over millions of rows
}

/**
 * The per-customer summary as one query: the customer's purchase days (same-day orders merged), then per customer the
 * first and last day, the number of days, the total and the first day's amount. The first day's amount rides along
 * each day as a window value, so the orders are read and grouped once.
 */
export function clvSummaryQuery(knex: Knex, end: Date): Knex.QueryBuilder {
	const day = dayExpression(knex, 'ordered_at');
	const purchaseDays = knex('crm_orders')
		.select('customer')
		.select({ day })
		.sum({ amount: 'total' })
		.whereIn('status', PURCHASE_STATUSES as unknown as string[])
		.where('ordered_at', '<=', toDbTimestamp(knex, end))
		.groupBy('customer', day)
		.as('d');
	const withFirstAmount = knex
		.select('customer', 'day', 'amount')
		.select({ first_amount: knex.raw('FIRST_VALUE(??) OVER (PARTITION BY ?? ORDER BY ??)', ['amount', 'customer', 'day']) })
		.from(purchaseDays)
		.as('w');
	return knex
		.select('customer')
		.min({ first_day: 'day' })
		.max({ last_day: 'day' })
		.count({ days: '*' })
		.sum({ total: 'amount' })
		.min({ first_amount: 'first_amount' })
		.from(withFirstAmount)
		.groupBy('customer')
		.orderBy('customer'); // a stable order for the fit's systematic sample
}

/** One row per buying customer: repeat days x, first-to-last t_x and first-to-`end` T (weeks), mean repeat value. */
export async function clvSummaries(knex: Knex, end: Date): Promise<ClvSummaryRow[]> {
	const rows = await clvSummaryQuery(knex, end);
	const endDay = Math.floor(end.getTime() / DAY_MS);
	return rows.map((row: Record<string, unknown>) => {
		const frequency = Number(row.days) - 1;
		const firstDay = Number(row.first_day);
		return {
			customer: Number(row.customer),
			frequency,
			recency: frequency === 0 ? 0 : (Number(row.last_day) - firstDay) / WEEK_DAYS,
			age: (endDay - firstDay) / WEEK_DAYS,
			meanRepeatValue: frequency === 0 ? null : (Number(row.total) - Number(row.first_amount)) / frequency,
		};
	});
}

export interface ClvModels {
	purchase: BgNbdFit;
	/** Null when fewer than 10 repeat buyers spent something: CLV then falls back to their own mean spend. */
	spend: GammaGammaFit | null;
	/** How many buying customers the BG/NBD fit used (all of them up to FIT_SAMPLE_LIMIT). */
	fittedOn: number;
}

/** BG/NBD and Gamma-Gamma fitted on the summaries (a systematic sample of them beyond `sampleLimit`). */
export function fitClvModels(summaries: readonly ClvSummaryRow[], sampleLimit = FIT_SAMPLE_LIMIT): ClvModels {
	const sample = systematicSample(summaries, sampleLimit);
	const purchase = fitBgnbd(sample);
	const repeaters = sample.filter((s) => s.frequency > 0 && (s.meanRepeatValue ?? 0) > 0);
	return { purchase, spend: repeaters.length >= 10 ? fitGammaGamma(repeaters) : null, fittedOn: sample.length };
}

export interface ClvRefitResult {
	customers: number;
	fittedOn: number;
	bgnbd: BgNbdParams & { logLikelihood: number };
	gammaGamma: GammaGammaParams | null;
	summaryMs: number;
	fitMs: number;
	writeMs: number;
}

export async function refitClv(knex: Knex, now: Date): Promise<ClvRefitResult> {
	const started = performance.now();
	const summaries = await clvSummaries(knex, now);
	const summarised = performance.now();
	if (summaries.length < 10 || !summaries.some((s) => s.frequency > 0)) throw new Error('CLV needs at least 10 buying customers, some with repeat purchases');
	const { purchase, spend, fittedOn } = fitClvModels(summaries);
	const fitted = performance.now();
	const clvAt = toDbTimestamp(knex, now);
	const scores = predictCustomers(purchase.params, spend?.params ?? null, summaries, {
		purchasesHorizon: CLV_OPTIONS.purchasesDays / WEEK_DAYS,
		clv: { periods: CLV_OPTIONS.periods, periodLength: CLV_OPTIONS.periodLength, discountRate: CLV_OPTIONS.monthlyDiscount },
	});
	const predictions = summaries.map((summary, i) => ({
		id: summary.customer,
		p_alive: round(scores[i]!.pAlive, 6),
		expected_purchases_90d: round(scores[i]!.expectedPurchases, 6),
		predicted_clv: round(scores[i]!.clv, 2),
	}));
	for (let start = 0; start < predictions.length; start += WRITE_BATCH) {
		await writePredictions(knex, predictions.slice(start, start + WRITE_BATCH), clvAt);
	}
	return {
		customers: summaries.length,
		fittedOn,
		bgnbd: { ...purchase.params, logLikelihood: purchase.logLikelihood },
		gammaGamma: spend?.params ?? null,
		summaryMs: summarised - started,
		fitMs: fitted - summarised,
		writeMs: performance.now() - fitted,
	};
}

type Prediction = { id: number; p_alive: number | null; expected_purchases_90d: number | null; predicted_clv: number | null };
const PREDICTED = ['p_alive', 'expected_purchases_90d', 'predicted_clv'] as const;

/**
 * One UPDATE … FROM (VALUES …) per batch: the batch's values are a bound table joined on id (PostgreSQL and SQLite both
 * read it; its columns are column1…column4 in both). A CASE over the batch's ids, as before, cost O(batch) per row:
 * about 100 s of a 140 s refit at 1M customers. One statement per customer had been worse still.
 */
async function writePredictions(knex: Knex, batch: Prediction[], clvAt: unknown): Promise<void> {
	if (!batch.length) return;
	const row = '(CAST(? AS INTEGER), CAST(? AS DOUBLE PRECISION), CAST(? AS DOUBLE PRECISION), CAST(? AS DOUBLE PRECISION))';
	await knex.raw(`UPDATE ?? SET ?? = v.column2, ?? = v.column3, ?? = v.column4, ?? = ? FROM (VALUES ${batch.map(() => row).join(', ')}) AS v WHERE ??.?? = v.column1`, [
		'crm_customers', ...PREDICTED, 'clv_at', clvAt,
		...batch.flatMap((prediction) => [prediction.id, ...PREDICTED.map((name) => prediction[name])]),
		'crm_customers', 'id',
	]);
}

const round = (value: number, digits: number) => (Number.isFinite(value) ? Number(value.toFixed(digits)) : null);
