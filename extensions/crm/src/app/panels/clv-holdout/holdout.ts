// Pure shaping for the CLV calibration-vs-holdout panel: crm_settings.clv_fit (written by each refit, see
// data/clv/clv-refit.ts) into rows the .vue renders. Anything malformed reads as "no fit yet".
import type { PanelLanguage } from '../kpi-common/format';
import { translate } from './i18n';

const MODEL_NAMES: Record<string, string> = { bgnbd: 'BG/NBD', mbgnbd: 'MBG/NBD', pareto_nbd: 'Pareto/NBD' };

interface StoredBucket {
	frequency: string;
	customers: number;
	actualMean: number;
	predictedMean: number;
}

export interface HoldoutRow {
	frequency: string;
	customers: string;
	actual: string;
	/** One per model, in the order of `models`. */
	predicted: string[];
}

export interface HoldoutView {
	title: string;
	reason: string;
	period: string | null;
	models: { name: string; kept: boolean; rmse: string | null; logLikelihood: string }[];
	rows: HoldoutRow[];
	totals: string | null;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** The settings row's clv_fit (an object, or JSON text on SQLite) as a view; null without a usable fit. */
export function toHoldoutView(settings: unknown, language: PanelLanguage): HoldoutView | null {
	const row = Array.isArray(settings) ? settings[0] : settings;
	let fit: unknown = isRecord(row) ? row.clv_fit : null;
	if (typeof fit === 'string') {
		try {
			fit = JSON.parse(fit);
		} catch {
			return null;
		}
	}
	if (!isRecord(fit) || !Array.isArray(fit.models) || fit.models.length === 0 || fit.models.length > 10) return null;
	const models = fit.models.filter(isRecord);
	const decimals = new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
	const whole = new Intl.NumberFormat(language, { maximumFractionDigits: 0 });
	const reasonText = isRecord(fit.reason_text) ? fit.reason_text : {};
	const fittedAt = typeof fit.fitted_at === 'string' ? new Date(fit.fitted_at) : null;
	const holdouts = models.map((m) => (isRecord(m.holdout) ? m.holdout : null));
	const first = holdouts.find((h) => h !== null) ?? null;
	const buckets = (first && Array.isArray(first.buckets) ? first.buckets : []).filter(
		isRecord,
	) as unknown as StoredBucket[];
	const rows = buckets.slice(0, 20).map((bucket, i): HoldoutRow => ({
		frequency: String(bucket.frequency),
		customers: whole.format(Number(bucket.customers) || 0),
		actual: decimals.format(Number(bucket.actualMean) || 0),
		predicted: holdouts.map((h) => {
			const mine = h && Array.isArray(h.buckets) && isRecord(h.buckets[i]) ? Number(h.buckets[i].predictedMean) : NaN;
			return Number.isFinite(mine) ? decimals.format(mine) : '–';
		}),
	}));
	const weeks = typeof fit.holdout_weeks === 'number' ? fit.holdout_weeks : null;
	return {
		title:
			fittedAt && !Number.isNaN(fittedAt.getTime())
				? translate(language, 'fitted', {
						date: new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(fittedAt),
					})
				: '',
		reason: String(reasonText[language === 'ko-KR' ? 'ko' : 'en'] ?? ''),
		period:
			fit.calibration_end && fit.holdout_end && weeks !== null
				? translate(language, 'period', {
						calibration: String(fit.calibration_end),
						holdout: String(fit.holdout_end),
						weeks: whole.format(weeks),
					})
				: null,
		models: models.map((m, i) => ({
			name: MODEL_NAMES[String(m.kind)] ?? String(m.kind),
			kept: m.kind === fit.model,
			rmse:
				holdouts[i] && Number.isFinite(Number(holdouts[i]!.rmse)) ? decimals.format(Number(holdouts[i]!.rmse)) : null,
			logLikelihood: whole.format(Number(m.log_likelihood) || 0),
		})),
		rows,
		totals: first
			? translate(language, 'totals', {
					actual: whole.format(Number(first.actualTotal) || 0),
					predicted: holdouts
						.map(
							(h, i) => `${MODEL_NAMES[String(models[i]!.kind)] ?? ''} ${whole.format(Number(h?.predictedTotal) || 0)}`,
						)
						.join(', '),
				})
			: null,
	};
}
