// The template helper set: locale-aware formatting for ko-KR and en-US. Pure functions; the engine wraps them as
// handlebars helpers and passes the locale, time zone and currency through the render's @data.

export type Locale = 'ko-KR' | 'en-US';
export const LOCALES: Locale[] = ['ko-KR', 'en-US'];
export const DATE_STYLES = ['long', 'short', 'datetime', 'monthDay', 'time'] as const;
export type DateStyle = (typeof DATE_STYLES)[number];

export interface FormatContext {
	locale: Locale;
	timeZone: string;
	currency: string;
}

export function asLocale(value: unknown): Locale {
	return value === 'en-US' ? 'en-US' : 'ko-KR';
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Dates, ISO strings, epoch milliseconds; a date-only 'YYYY-MM-DD' is a calendar day (never shifted by zone). */
export function formatDate(value: unknown, style: unknown, ctx: FormatContext): string {
	if (value === null || value === undefined || value === '') return '';
	const dateOnly = typeof value === 'string' && DATE_ONLY.test(value);
	const date = dateOnly
		? new Date(`${value}T00:00:00Z`)
		: value instanceof Date
			? value
			: new Date(value as string | number);
	if (Number.isNaN(date.getTime())) return '';
	const timeZone = dateOnly ? 'UTC' : ctx.timeZone;
	const chosen = (DATE_STYLES as readonly string[]).includes(String(style)) ? (style as DateStyle) : 'long';
	const options: Record<DateStyle, Intl.DateTimeFormatOptions> = {
		long: { year: 'numeric', month: 'long', day: 'numeric' },
		short: { year: 'numeric', month: 'numeric', day: 'numeric' },
		datetime: { year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit' },
		monthDay: { month: 'long', day: 'numeric' },
		time: { hour: 'numeric', minute: '2-digit' },
	};
	return new Intl.DateTimeFormat(ctx.locale, { ...options[chosen], timeZone }).format(date);
}

/** KRW in Korean reads "45,000원"; everything else uses Intl's currency format ("₩45,000", "$12.50"). */
export function formatCurrency(amount: unknown, currency: unknown, ctx: FormatContext): string {
	if (amount === null || amount === undefined || amount === '') return '';
	const value = Number(amount);
	if (!Number.isFinite(value)) return '';
	const code = typeof currency === 'string' && /^[A-Z]{3}$/.test(currency) ? currency : ctx.currency;
	if (code === 'KRW' && ctx.locale === 'ko-KR') return `${new Intl.NumberFormat('ko-KR').format(Math.round(value))}원`;
	return new Intl.NumberFormat(ctx.locale, { style: 'currency', currency: code }).format(value);
}

export function formatNumber(value: unknown, ctx: FormatContext): string {
	const number = Number(value);
	return value === null || value === undefined || value === '' || !Number.isFinite(number)
		? ''
		: new Intl.NumberFormat(ctx.locale).format(number);
}

/** The word for `count` items: English picks singular or plural; Korean nouns do not inflect (the singular form). */
export function plural(count: unknown, singular: unknown, pluralForm: unknown, ctx: FormatContext): string {
	const one = String(singular ?? '');
	if (ctx.locale === 'ko-KR') return one;
	const many = typeof pluralForm === 'string' ? pluralForm : `${one}s`;
	return new Intl.PluralRules('en-US').select(Number(count)) === 'one' ? one : many;
}

/** A list of names for a sentence: "A, B 외 2건" / "A, B and 2 more". */
export function listNames(values: unknown, max: unknown, ctx: FormatContext): string {
	const names = Array.isArray(values) ? values.map(String).filter(Boolean) : typeof values === 'string' ? [values] : [];
	const limit = Number.isInteger(Number(max)) && Number(max) > 0 ? Number(max) : 3;
	if (names.length <= limit) return names.join(', ');
	const rest = names.length - limit;
	return ctx.locale === 'ko-KR'
		? `${names.slice(0, limit).join(', ')} 외 ${rest}건`
		: `${names.slice(0, limit).join(', ')} and ${rest} more`;
}

/** `value` unless it is empty, else `fallback`. */
export function withDefault(value: unknown, fallback: unknown): unknown {
	return value === null || value === undefined || value === '' ? fallback : value;
}

/**
 * A greeting name: the customer's own first_name, else the given name guessed from full_name (a Korean name of
 * 2-4 Hangul syllables without spaces drops the one-syllable family name: 김민준 → 민준; others take the first word).
 */
export function firstNameOf(firstName: unknown, fullName: unknown): string {
	if (typeof firstName === 'string' && firstName.trim()) return firstName.trim();
	const full = typeof fullName === 'string' ? fullName.trim() : '';
	if (/^[\uAC00-\uD7A3]{3,4}$/.test(full)) return full.slice(1);
	return full.split(/\s+/)[0] ?? '';
}
