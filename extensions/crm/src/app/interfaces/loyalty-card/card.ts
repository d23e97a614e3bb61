// Pure helpers for the loyalty card: formatting and the adjustment form's validation. The .vue file only renders.
import type { Language, MessageKey } from './i18n';

export const formatPoints = (points: number, language: Language) => new Intl.NumberFormat(language).format(points);

export const signedPoints = (points: number, language: Language) =>
	(points > 0 ? '+' : '') + formatPoints(points, language);

export const progressPercent = (ratio: number) =>
	Math.round(Math.min(1, Math.max(0, Number.isFinite(ratio) ? ratio : 0)) * 100);

export const kindLabel = (kind: string): MessageKey =>
	['earn', 'redeem', 'expire', 'adjust', 'reverse'].includes(kind) ? (`kind_${kind}` as MessageKey) : 'kind_adjust';

export const formatDate = (iso: string | null, language: Language, timeZone?: string) =>
	iso
		? new Intl.DateTimeFormat(language, { year: 'numeric', month: 'short', day: 'numeric', timeZone }).format(
				new Date(iso),
			)
		: '';

/** The adjustment form's payload, or which field is wrong. */
export function adjustmentPayload(
	customer: number,
	points: string,
	reason: string,
):
	{ ok: true; body: { customer: number; points: number; reason: string } } | { ok: false; field: 'points' | 'reason' } {
	const value = Number(points.trim());
	if (!points.trim() || !Number.isInteger(value) || value === 0) return { ok: false, field: 'points' };
	if (!reason.trim()) return { ok: false, field: 'reason' };
	return { ok: true, body: { customer, points: value, reason: reason.trim() } };
}
