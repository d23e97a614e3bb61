// Pure shaping for the customer summary card: the .vue only renders what toSummaryView returns.
import type { Translator } from './i18n';

export interface SummaryData {
	id: number;
	stage: string | null;
	stage_locked: boolean;
	tier: { code: string; name: string; color: string | null } | null;
	total_spent: number;
	order_count: number;
	last_order_at: string | null;
	last_nps: number | null;
	owner: { id: string; name: string | null } | null;
	consent: { email: boolean; sms: boolean; kakao: boolean; night: boolean };
	points_balance: number;
	currency: string;
	/** CLV scores; absent or null until the models were refitted. */
	p_alive?: number | null;
	predicted_clv?: number | null;
	clv_at?: string | null;
}

export type ChurnTone = 'low' | 'medium' | 'high' | 'unknown';

/**
 * The churn-risk line: from P(alive) (below 0.3 high, below 0.7 medium, else low), and for a one-time buyer whose
 * model cannot tell (BG/NBD gives them 1 by construction; the refit stores nothing) an honest "not enough history".
 * Null before the first refit or for a customer who never bought.
 */
export function churnRisk(
	data: Pick<SummaryData, 'p_alive' | 'clv_at' | 'order_count'>,
): { tone: ChurnTone; pAlive: number | null } | null {
	if (!data.clv_at || data.order_count < 1) return null;
	const pAlive = data.p_alive ?? null;
	if (pAlive === null || !Number.isFinite(pAlive)) return { tone: 'unknown', pAlive: null };
	return { tone: pAlive < 0.3 ? 'high' : pAlive < 0.7 ? 'medium' : 'low', pAlive };
}

/** The stage colours of the schema's choices (scripts/snapshot/definition.ts). */
export const STAGE_COLORS: Record<string, string> = {
	prospect: '#A2B5CD',
	customer: '#3399FF',
	regular: '#2ECDA7',
	advocate: '#FFC23B',
	partner: '#E35169',
};
export const CONSENT_CHANNELS = ['email', 'sms', 'kakao', 'night'] as const;

/** Money in the CRM's currency: no decimals for KRW/JPY, two otherwise. */
export function formatMoney(amount: number, currency: string, language: string): string {
	const code = /^[A-Za-z]{3}$/.test(currency) ? currency.toUpperCase() : 'KRW';
	return new Intl.NumberFormat(language, {
		style: 'currency',
		currency: code,
		maximumFractionDigits: code === 'KRW' || code === 'JPY' ? 0 : 2,
	}).format(amount);
}

export const formatDate = (iso: string | null, language: string, timeZone?: string) =>
	iso
		? new Intl.DateTimeFormat(language, { year: 'numeric', month: 'short', day: 'numeric', timeZone }).format(
				new Date(iso),
			)
		: null;

/** "3 days ago" / "3일 전" (whole days, from today's point of view). */
export function daysAgo(iso: string | null, now: Date, language: string): string | null {
	if (!iso) return null;
	const days = Math.round((Date.parse(iso) - now.getTime()) / 86_400_000);
	return new Intl.RelativeTimeFormat(language, { numeric: 'auto' }).format(days, 'day');
}

/** NPS 9-10 promoter, 7-8 passive, 0-6 detractor. */
export function npsTone(score: number | null): 'promoter' | 'passive' | 'detractor' | null {
	if (score === null || !Number.isFinite(score)) return null;
	return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
}

export function toSummaryView(data: SummaryData, tr: Translator, now: Date) {
	const { language } = tr;
	const stageKey = `stage_${data.stage}`;
	const tone = npsTone(data.last_nps);
	return {
		stage: {
			label: tr.has(stageKey) ? tr.t(stageKey) : (data.stage ?? '—'),
			color: STAGE_COLORS[data.stage ?? ''] ?? '#A2B5CD',
			locked: data.stage_locked,
		},
		tier: data.tier ? { label: data.tier.name, color: data.tier.color || 'var(--theme--primary)' } : null,
		owner: data.owner?.name ?? null,
		spend: formatMoney(data.total_spent, data.currency, language),
		orders: tr.t('orders_count', { n: new Intl.NumberFormat(language).format(data.order_count) }),
		lastPurchase: data.last_order_at
			? `${formatDate(data.last_order_at, language)} (${daysAgo(data.last_order_at, now, language)})`
			: tr.t('never'),
		nps: data.last_nps === null ? null : { score: data.last_nps, tone, label: tr.t(`nps_${tone!}`) },
		points: tr.t('points_value', { n: new Intl.NumberFormat(language).format(data.points_balance) }),
		churn: churnView(data, tr),
		predictedValue:
			data.clv_at && data.predicted_clv !== null && data.predicted_clv !== undefined
				? formatMoney(data.predicted_clv, data.currency, language)
				: null,
		consents: CONSENT_CHANNELS.map((channel) => ({
			channel,
			granted: data.consent[channel],
			label: tr.t(`consent_${channel}`),
			title: `${tr.t(`consent_${channel}`)}: ${tr.t(data.consent[channel] ? 'consent_yes' : 'consent_no')}`,
		})),
	};
}
export type SummaryView = ReturnType<typeof toSummaryView>;

function churnView(data: SummaryData, tr: Translator) {
	const risk = churnRisk(data);
	if (!risk) return null;
	if (risk.pAlive === null)
		return { tone: risk.tone, label: tr.t('churn_one_purchase'), title: tr.t('churn_one_purchase_note') };
	const percent = new Intl.NumberFormat(tr.language, { style: 'percent', maximumFractionDigits: 0 }).format(
		risk.pAlive,
	);
	return {
		tone: risk.tone,
		label: tr.t(`churn_${risk.tone}` as 'churn_low'),
		title: tr.t('churn_p_alive', { p: percent }),
	};
}

/** A new item ("+") or none yet: nothing to summarise. */
export const isNewItem = (primaryKey: unknown) => primaryKey === null || primaryKey === undefined || primaryKey === '+';
