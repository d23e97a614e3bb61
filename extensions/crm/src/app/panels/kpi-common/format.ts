// Formatting shared by the KPI panels (card, trend, cohort heatmap): values by unit, changes, periods, language. Pure.
import type { KpiUnit } from '../../../domain/kpi/definitions';
import { toLanguage, type Language } from '../../shared/i18n';

export type PanelLanguage = Language;
export { toLanguage };

const currencyCode = (currency: string | null | undefined) =>
	typeof currency === 'string' && /^[A-Za-z]{3}$/.test(currency.trim()) ? currency.trim().toUpperCase() : null;

export function formatMoney(
	n: number,
	language: PanelLanguage,
	currency: string | null | undefined,
	compact = false,
): string {
	const code = currencyCode(currency);
	const options: Intl.NumberFormatOptions = code
		? { style: 'currency', currency: code, maximumFractionDigits: code === 'KRW' || code === 'JPY' ? 0 : 2 }
		: { maximumFractionDigits: 0 };
	if (compact) Object.assign(options, { notation: 'compact', maximumFractionDigits: 1 });
	return new Intl.NumberFormat(language, options).format(n);
}

/** A KPI value for display; '–' for no value. Ratios as percentages, NPS as a signed whole-ish number. */
export function formatKpiValue(
	value: number | null | undefined,
	unit: KpiUnit,
	language: PanelLanguage,
	currency?: string | null,
	compact = false,
): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return '–';
	switch (unit) {
		case 'ratio':
			return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(value);
		case 'money':
			return formatMoney(value, language, currency, compact);
		case 'count':
			return new Intl.NumberFormat(language, compact ? { notation: 'compact' } : {}).format(Math.round(value));
		case 'score':
			return new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(value);
		case 'number':
			return new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(value);
	}
}

const signed = (text: string, n: number) => (n > 0 ? `+${text}` : text);

/**
 * The change vs the previous period: percentage points for ratios (+16.7%p / +16.7 pp), points for NPS (+75), the
 * relative change otherwise (+90.9%), or the absolute one when the previous value was 0.
 */
export function formatChange(
	change: { absolute: number; relative: number | null } | null,
	unit: KpiUnit,
	language: PanelLanguage,
	currency?: string | null,
): string | null {
	if (!change) return null;
	const { absolute, relative } = change;
	if (unit === 'ratio') {
		const points = new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(absolute * 100);
		return signed(`${points}${language === 'ko-KR' ? '%p' : ' pp'}`, absolute);
	}
	if (unit === 'score')
		return signed(new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(absolute), absolute);
	if (relative === null) return signed(formatKpiValue(absolute, unit, language, currency, true), absolute);
	return signed(
		new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(relative),
		relative,
	);
}

/** 2026-03 → "2026년 3월" / "Mar 2026"; 2026-Q1 → "2026년 1분기" / "Q1 2026"; days as dates; ISO weeks as they are. */
export function formatPeriodKey(key: string, language: PanelLanguage, short = false): string {
	let match = /^(\d{4})-(\d{2})$/.exec(key);
	if (match) {
		const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
		return new Intl.DateTimeFormat(language, {
			timeZone: 'UTC',
			year: short ? '2-digit' : 'numeric',
			month: short && language === 'en-US' ? 'short' : language === 'ko-KR' ? 'long' : 'short',
		}).format(date);
	}
	match = /^(\d{4})-Q(\d)$/.exec(key);
	if (match) return language === 'ko-KR' ? `${match[1]}년 ${match[2]}분기` : `Q${match[2]} ${match[1]}`;
	match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
	if (match) {
		const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
		return new Intl.DateTimeFormat(language, {
			timeZone: 'UTC',
			month: 'short',
			day: 'numeric',
			...(short ? {} : { year: 'numeric' }),
		}).format(date);
	}
	return key;
}

/** Segment ids from a panel option: "all, 3" or ["all", "3"] → [null, 3]; nothing → [null]. */
export function parseSegmentOption(value: unknown): (number | null)[] {
	const items = (Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [])
		.map((item) => String(item).trim())
		.filter(Boolean);
	const parsed = items
		.map((item) => (item === 'all' ? null : /^\d+$/.test(item) ? Number(item) : undefined))
		.filter((item): item is number | null => item !== undefined);
	return parsed.length ? [...new Set(parsed)].slice(0, 8) : [null];
}

/** The query string value for segments: null → all. */
export const segmentParam = (segments: readonly (number | null)[]) =>
	segments.map((s) => (s === null ? 'all' : String(s))).join(',');
