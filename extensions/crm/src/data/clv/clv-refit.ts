// Predictive CLV for every customer: the per-customer summary (x, t_x, T, mean repeat value) is computed in SQL from
// the orders, on days local to the CRM's time zone; BG/NBD, MBG/NBD and Pareto/NBD and Gamma-Gamma are fitted on
// those summaries up to a calibration end (domain/clv), scored on the holdout after it when there is one, the best
// model kept; its predictions are written back to crm_customers (p_alive, expected_purchases_90d, predicted_clv,
// clv_at) and what was fitted, with its fit quality and why it was chosen, to crm_settings.clv_fit.
import type { Knex } from 'knex';
import {
	chooseModel,
	clvSettingsFromRow,
	fitGammaGamma,
	fitPurchaseModel,
	predictCustomers,
	PURCHASE_MODEL_KINDS,
	scoreHoldout,
	systematicSample,
	toDayNumber,
	type ClvSettings,
	type GammaGammaFit,
	type GammaGammaParams,
	type HoldoutScore,
	type ModelChoice,
	type PurchaseModelFit,
	type PurchaseModelKind,
	type RefitRequest,
	type RfmObservation,
} from '../../domain/clv';
import { isKnownTimeZone, localDayNumber, localDayStart, offsetSegments } from '../../domain/calendar/zone-segments';
import { PURCHASE_STATUSES } from '../../domain/customer-stats/order-stats';
import { DEFAULT_TIME_ZONE } from '../settings';
import { toDbTimestamp } from '../timestamps';

const WEEK_DAYS = 7;
const WRITE_BATCH = 2000; // 8,000 bound values per statement: under PostgreSQL's and SQLite's limits
/**
 * The models are fitted on at most this many buying customers (a systematic sample by id) and then score everyone.
 * At 1M customers the full fit took minutes; 250k customers pin the four parameters of each model to well under 1 %.
 */
export const FIT_SAMPLE_LIMIT = 250_000;
/** The default horizons: 90-day purchases; CLV over 12 months of 52/12 weeks, discounted 1 % per month (settings). */
export const CLV_OPTIONS = { purchasesDays: 90, periods: 12, periodLength: 52 / 12, monthlyDiscount: 0.01 };

export interface ClvSummaryRow extends RfmObservation {
	customer: number;
	meanRepeatValue: number | null;
}

/**
 * The end of a period: orders before `before` count, and T is measured to local day `endDay` (the period's last
 * day). Calibration end 1997-09-30 gives T = 272 / 7 = 38.86 weeks for a customer of 1997-01-01, as in the paper.
 */
export interface PeriodEnd {
	before: Date;
	endDay: number;
}

/** The period ending now: orders up to now, T to today (local). */
export const periodEndingAt = (now: Date, timeZone: string): PeriodEnd => ({
	before: new Date(now.getTime() + 1),
	endDay: localDayNumber(now, timeZone),
});

/** The period ending with local day `day` (YYYY-MM-DD) included. */
export function periodEndingOn(day: string, timeZone: string): PeriodEnd {
	const endDay = toDayNumber(day);
	return { before: localDayStart(endDay + 1, timeZone), endDay };
}

const isSqlite = (knex: Knex) => String(knex.client.config.client).includes('sqlite');

/**
 * Local day number of an order's timestamp. PostgreSQL converts with its own zone rules; SQLite stores epoch ms and
 * knows no zones, so the offset comes from a CASE over the zone's constant-offset pieces across the orders' span.
 */
async function dayExpression(knex: Knex, column: string, timeZone: string): Promise<{ day: Knex.Raw }> {
	// Wrapped: a Knex.Raw is thenable, and an async function returning one would run it as a query.
	if (!isSqlite(knex)) return { day: knex.raw("((?? AT TIME ZONE ?)::date - DATE '1970-01-01')", [column, timeZone]) }; // date arithmetic: EXTRACT(EPOCH) is numeric, slow over millions of rows
	const span = await knex('crm_orders').min({ first: 'ordered_at' }).max({ last: 'ordered_at' }).first();
	const first = Number(span?.first);
	const last = Number(span?.last);
	const segments =
		Number.isFinite(first) && Number.isFinite(last) && first <= last
			? offsetSegments(timeZone, first, last)
			: [{ until: null, offset: 0 }];
	if (segments.length === 1)
		return { day: knex.raw('CAST(((?? + CAST(? AS INTEGER)) / 86400000) AS INTEGER)', [column, segments[0]!.offset]) };
	const whens = segments
		.slice(0, -1)
		.map(() => 'WHEN ?? < ? THEN ?')
		.join(' ');
	return {
		day: knex.raw(`CAST(((?? + CASE ${whens} ELSE ? END) / 86400000) AS INTEGER)`, [
			column,
			...segments.slice(0, -1).flatMap((s) => [column, s.until, s.offset]),
			segments[segments.length - 1]!.offset,
		]),
	};
}

/**
 * The per-customer summary as one query: the customer's purchase days (same-day orders merged), then per customer the
 * first and last day, the number of days, the total and the first day's amount. The first day's amount rides along
 * each day as a window value, so the orders are read and grouped once.
 */
export function clvSummaryQuery(knex: Knex, before: Date, day: Knex.Raw): Knex.QueryBuilder {
	const purchaseDays = knex('crm_orders')
		.select('customer')
		.select({ day })
		.sum({ amount: 'total' })
		.whereIn('status', PURCHASE_STATUSES as unknown as string[])
		.where('ordered_at', '<', toDbTimestamp(knex, before))
		// By position: the day expression carries the time zone as a bound value, and PostgreSQL does not take
		// "GROUP BY <expression with $5>" for the same expression selected with $1.
		.groupByRaw('1, 2')
		.as('d');
	const withFirstAmount = knex
		.select('customer', 'day', 'amount')
		.select({
			first_amount: knex.raw('FIRST_VALUE(??) OVER (PARTITION BY ?? ORDER BY ??)', ['amount', 'customer', 'day']),
		})
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

/**
 * One row per buying customer: repeat days x, first-to-last t_x and first-to-end T (weeks), mean repeat value.
 * `end` is a Date (the period ending then) or a PeriodEnd; days are local to `timeZone` (default UTC).
 */
export async function clvSummaries(knex: Knex, end: Date | PeriodEnd, timeZone = 'UTC'): Promise<ClvSummaryRow[]> {
	const period = end instanceof Date ? periodEndingAt(end, timeZone) : end;
	const { day } = await dayExpression(knex, 'ordered_at', timeZone);
	const rows = await clvSummaryQuery(knex, period.before, day);
	return rows.map((row: Record<string, unknown>) => {
		const frequency = Number(row.days) - 1;
		const firstDay = Number(row.first_day);
		return {
			customer: Number(row.customer),
			frequency,
			recency: frequency === 0 ? 0 : (Number(row.last_day) - firstDay) / WEEK_DAYS,
			age: (period.endDay - firstDay) / WEEK_DAYS,
			meanRepeatValue: frequency === 0 ? null : (Number(row.total) - Number(row.first_amount)) / frequency,
		};
	});
}

/** Purchases (distinct local purchase days) per customer between two period ends: the holdout's actual counts. */
export async function holdoutPurchases(
	knex: Knex,
	from: PeriodEnd,
	to: PeriodEnd,
	timeZone: string,
): Promise<Map<number, number>> {
	const { day } = await dayExpression(knex, 'ordered_at', timeZone);
	const rows = await knex('crm_orders')
		.select('customer')
		.select({ days: knex.raw('COUNT(DISTINCT ?)', [day]) })
		.whereIn('status', PURCHASE_STATUSES as unknown as string[])
		.where('ordered_at', '>=', toDbTimestamp(knex, from.before))
		.where('ordered_at', '<', toDbTimestamp(knex, to.before))
		.groupBy('customer');
	return new Map(rows.map((row: Record<string, unknown>) => [Number(row.customer), Number(row.days)]));
}

export interface ClvModels {
	/** Every purchase model that could be fitted, in the order BG/NBD, MBG/NBD, Pareto/NBD. */
	fits: PurchaseModelFit[];
	/** Models whose fit threw (a degenerate data set), with the reason: the others are still used. */
	failed: { kind: PurchaseModelKind; message: string }[];
	/** Null when fewer than 10 repeat buyers spent something: CLV then falls back to their own mean spend. */
	spend: GammaGammaFit | null;
	/** How many buying customers the fits used (all of them up to FIT_SAMPLE_LIMIT). */
	fittedOn: number;
	fitMs: Record<string, number>;
}

/** The purchase models and Gamma-Gamma fitted on the summaries (a systematic sample of them beyond `sampleLimit`). */
export function fitClvModels(
	summaries: readonly ClvSummaryRow[],
	sampleLimit = FIT_SAMPLE_LIMIT,
	kinds: readonly PurchaseModelKind[] = PURCHASE_MODEL_KINDS,
): ClvModels {
	const sample = systematicSample(summaries, sampleLimit);
	const fits: PurchaseModelFit[] = [];
	const failed: ClvModels['failed'] = [];
	const fitMs: Record<string, number> = {};
	for (const kind of kinds) {
		const started = performance.now();
		try {
			const fit = fitPurchaseModel(kind, sample);
			if (Number.isFinite(fit.logLikelihood)) fits.push(fit);
			else failed.push({ kind, message: 'no finite likelihood' });
		} catch (error) {
			failed.push({ kind, message: (error as Error).message });
		}
		fitMs[kind] = performance.now() - started;
	}
	// Gamma-Gamma on the repeat buyers who spent something (fitGammaGamma leaves out those whose repeats total 0).
	const started = performance.now();
	const repeaters = sample.filter((s) => s.frequency > 0 && (s.meanRepeatValue ?? 0) > 0);
	const spend = repeaters.length >= 10 ? fitGammaGamma(repeaters) : null;
	fitMs.gamma_gamma = performance.now() - started;
	return { fits, failed, spend, fittedOn: sample.length, fitMs };
}

/** What a refit stores in crm_settings.clv_fit and answers with (snake_case: it is read as JSON in the admin). */
export interface ClvFitRecord {
	fitted_at: string;
	time_zone: string;
	calibration_end: string | null;
	holdout_end: string | null;
	holdout_weeks: number | null;
	customers: number;
	fitted_on: number;
	model: PurchaseModelKind;
	reason: ModelChoice['reason'];
	reason_text: { en: string; ko: string };
	settings: { purchase_days: number; months: number; monthly_discount: number; model: string };
	models: {
		kind: PurchaseModelKind;
		params: Record<string, number>;
		log_likelihood: number;
		converged: boolean;
		iterations: number;
		holdout: HoldoutScore | null;
	}[];
	failed: ClvModels['failed'];
	gamma_gamma: (GammaGammaParams & { log_likelihood: number; customers: number; converged: boolean }) | null;
}

export interface ClvRefitResult {
	customers: number;
	fittedOn: number;
	/** The model the predictions come from, and why. */
	model: PurchaseModelKind;
	reason: ModelChoice['reason'];
	/** BG/NBD's fit (the published reference model), kept at the top for scripts that read it. */
	bgnbd: (Record<string, number> & { logLikelihood: number }) | null;
	gammaGamma: GammaGammaParams | null;
	fit: ClvFitRecord;
	summaryMs: number;
	fitMs: number;
	holdoutMs: number;
	writeMs: number;
}

export class NotEnoughClvData extends Error {}
const NOT_ENOUGH =
	'CLV needs at least 10 buying customers, some with repeat purchases / CLV 계산에는 구매 고객 10명 이상과 재구매 고객이 필요합니다';

const MODEL_NAMES: Record<PurchaseModelKind, string> = { bgnbd: 'BG/NBD', mbgnbd: 'MBG/NBD', pareto_nbd: 'Pareto/NBD' };

function reasonText(
	choice: ModelChoice,
	fits: PurchaseModelFit[],
	scores: HoldoutScore[] | null,
): { en: string; ko: string } {
	const name = MODEL_NAMES[choice.kind];
	if (choice.reason === 'setting')
		return { en: `${name}: named in the CLV settings`, ko: `${name}: CLV 설정에서 지정한 모델` };
	if (choice.reason === 'holdout_rmse') {
		const list = (scores ?? []).map((s) => `${MODEL_NAMES[s.kind]} ${s.rmse.toFixed(4)}`).join(', ');
		return {
			en: `${name}: smallest error per customer on the holdout (RMSE of repeat purchases: ${list})`,
			ko: `${name}: 검증 기간 고객별 오차가 가장 작음 (재구매 횟수 RMSE: ${list})`,
		};
	}
	const list = fits.map((f) => `${MODEL_NAMES[f.model.kind]} ${f.logLikelihood.toFixed(1)}`).join(', ');
	return {
		en: `${name}: no holdout, largest log-likelihood on the calibration data (${list})`,
		ko: `${name}: 검증 기간 없음, 학습 데이터 로그우도가 가장 큼 (${list})`,
	};
}

const isoDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** The CRM's time zone and CLV settings from crm_settings (missing columns or row: the defaults). */
export async function readClvSettings(knex: Knex): Promise<{ timeZone: string; settings: ClvSettings }> {
	const row = await knex('crm_settings').first(); // every column: an install whose schema predates a setting still refits
	return {
		timeZone: isKnownTimeZone(row?.timezone) ? row.timezone : DEFAULT_TIME_ZONE,
		settings: clvSettingsFromRow(row),
	};
}

/**
 * Refits the models and stores every buyer's predictions. With `request.calibrationEnd` the models are fitted on the
 * orders up to that day and scored on the holdout after it (to `request.holdoutEnd`, default today); the
 * predictions always apply the kept model to each customer's history up to now.
 */
export async function refitClv(knex: Knex, now: Date, request: RefitRequest = {}): Promise<ClvRefitResult> {
	const started = performance.now();
	const { timeZone, settings } = await readClvSettings(knex);
	const current = periodEndingAt(now, timeZone);
	const calibrationEnd = request.calibrationEnd ? periodEndingOn(request.calibrationEnd, timeZone) : current;
	const calibration = await clvSummaries(knex, calibrationEnd, timeZone);
	const summarised = performance.now();
	if (calibration.length < 10 || !calibration.some((s) => s.frequency > 0)) throw new NotEnoughClvData(NOT_ENOUGH);
	const models = fitClvModels(calibration);
	if (!models.fits.length)
		throw new NotEnoughClvData(`${NOT_ENOUGH} (${models.failed.map((f) => `${f.kind}: ${f.message}`).join('; ')})`);
	const fitted = performance.now();

	let scores: HoldoutScore[] | null = null;
	let holdoutEnd: PeriodEnd | null = null;
	if (request.calibrationEnd) {
		holdoutEnd = request.holdoutEnd ? periodEndingOn(request.holdoutEnd, timeZone) : current;
		const weeks = (holdoutEnd.endDay - calibrationEnd.endDay) / WEEK_DAYS;
		const actual = await holdoutPurchases(knex, calibrationEnd, holdoutEnd, timeZone);
		const observed = calibration.map((s) => ({ ...s, holdoutPurchases: actual.get(s.customer) ?? 0 }));
		if (weeks > 0) scores = models.fits.map((fit) => scoreHoldout(fit.model, observed, weeks));
	}
	const choice = chooseModel(models.fits, scores, settings.model);
	const chosen = models.fits.find((fit) => fit.model.kind === choice.kind)!;
	const scored = performance.now();

	const summaries = request.calibrationEnd ? await clvSummaries(knex, current, timeZone) : calibration;
	const clvAt = toDbTimestamp(knex, now);
	const spend = models.spend?.params ?? null;
	const predictions = predictCustomers(chosen.model, spend, summaries, {
		purchasesHorizon: settings.purchaseDays / WEEK_DAYS,
		clv: { periods: settings.months, periodLength: 52 / 12, discountRate: settings.monthlyDiscount },
	}).map((score, i) => ({
		id: summaries[i]!.customer,
		p_alive: score.pAlive === null ? null : round(score.pAlive, 6),
		expected_purchases_90d: round(score.expectedPurchases, 6),
		predicted_clv: round(score.clv, 2),
	}));
	for (let start = 0; start < predictions.length; start += WRITE_BATCH) {
		await writePredictions(knex, predictions.slice(start, start + WRITE_BATCH), clvAt);
	}

	const bg = models.fits.find((fit) => fit.model.kind === 'bgnbd');
	const fit: ClvFitRecord = {
		fitted_at: now.toISOString(),
		time_zone: timeZone,
		calibration_end: request.calibrationEnd ? isoDay(calibrationEnd.endDay) : null,
		holdout_end: holdoutEnd ? isoDay(holdoutEnd.endDay) : null,
		holdout_weeks: holdoutEnd ? (holdoutEnd.endDay - calibrationEnd.endDay) / WEEK_DAYS : null,
		customers: summaries.length,
		fitted_on: models.fittedOn,
		model: choice.kind,
		reason: choice.reason,
		reason_text: reasonText(choice, models.fits, scores),
		settings: {
			purchase_days: settings.purchaseDays,
			months: settings.months,
			monthly_discount: settings.monthlyDiscount,
			model: settings.model,
		},
		models: models.fits.map((f) => ({
			kind: f.model.kind,
			params: { ...f.model.params },
			log_likelihood: f.logLikelihood,
			converged: f.converged,
			iterations: f.iterations,
			holdout: scores?.find((s) => s.kind === f.model.kind) ?? null,
		})),
		failed: models.failed,
		gamma_gamma: models.spend
			? {
					...models.spend.params,
					log_likelihood: models.spend.logLikelihood,
					customers: models.spend.customerCount,
					converged: models.spend.converged,
				}
			: null,
	};
	if (await knex.schema.hasColumn('crm_settings', 'clv_fit'))
		await knex('crm_settings').update({ clv_fit: JSON.stringify(fit) });
	return {
		customers: summaries.length,
		fittedOn: models.fittedOn,
		model: choice.kind,
		reason: choice.reason,
		bgnbd: bg ? { ...bg.model.params, logLikelihood: bg.logLikelihood } : null,
		gammaGamma: spend,
		fit,
		summaryMs: summarised - started,
		fitMs: fitted - summarised,
		holdoutMs: scored - fitted,
		writeMs: performance.now() - scored,
	};
}

type Prediction = {
	id: number;
	p_alive: number | null;
	expected_purchases_90d: number | null;
	predicted_clv: number | null;
};
const PREDICTED = ['p_alive', 'expected_purchases_90d', 'predicted_clv'] as const;

/**
 * One UPDATE … FROM (VALUES …) per batch: the batch's values are a bound table joined on id (PostgreSQL and SQLite both
 * read it; its columns are column1…column4 in both). A CASE over the batch's ids, as before, cost O(batch) per row:
 * about 100 s of a 140 s refit at 1M customers. One statement per customer had been worse still.
 */
async function writePredictions(knex: Knex, batch: Prediction[], clvAt: unknown): Promise<void> {
	if (!batch.length) return;
	const row =
		'(CAST(? AS INTEGER), CAST(? AS DOUBLE PRECISION), CAST(? AS DOUBLE PRECISION), CAST(? AS DOUBLE PRECISION))';
	await knex.raw(
		`UPDATE ?? SET ?? = v.column2, ?? = v.column3, ?? = v.column4, ?? = ? FROM (VALUES ${batch.map(() => row).join(', ')}) AS v WHERE ??.?? = v.column1`,
		[
			'crm_customers',
			...PREDICTED,
			'clv_at',
			clvAt,
			...batch.flatMap((prediction) => [prediction.id, ...PREDICTED.map((name) => prediction[name])]),
			'crm_customers',
			'id',
		],
	);
}

const round = (value: number, digits: number) => (Number.isFinite(value) ? Number(value.toFixed(digits)) : null);
