// Pure logic of the timeline interface: how an entry looks, the filter chips and the request parameters.
// The .vue files only render what these return.
import type { TimelineEntry } from '../../../domain/timeline/types';
import type { Translator } from './i18n';

export type { TimelineEntry };

export const KIND_COLORS: Record<string, string> = {
	order: '#3399FF',
	interaction: '#E35169',
	feedback: '#FFA439',
	points: '#2ECDA7',
	history: '#A2B5CD',
	message: '#6644FF',
};
const KIND_ICONS: Record<string, string> = {
	order: 'receipt_long',
	interaction: 'forum',
	feedback: 'reviews',
	points: 'toll',
	history: 'history',
	message: 'outgoing_mail',
};
const TYPE_ICONS: Record<string, string> = {
	'interaction:call': 'call',
	'interaction:visit': 'directions_walk',
	'interaction:note': 'sticky_note_2',
	'interaction:inquiry': 'help',
	'interaction:complaint': 'report',
	'interaction:after_sales': 'build',
	'interaction:meeting': 'groups',
	'interaction:task': 'task_alt',
	'interaction:message': 'chat',
	'order:refunded': 'currency_exchange',
	'order:cancelled': 'remove_shopping_cart',
	'feedback:nps': 'sentiment_satisfied',
};
/** Known channels in the order chips show them. */
export const CHANNEL_ORDER = [
	'store',
	'phone',
	'visit',
	'email',
	'sms',
	'kakao',
	'web',
	'app',
	'social',
	'marketplace',
];

export const entryIcon = (entry: Pick<TimelineEntry, 'kind' | 'type'>) =>
	TYPE_ICONS[`${entry.kind}:${entry.type}`] ?? KIND_ICONS[entry.kind] ?? 'radio_button_checked';

export function formatMoney(amount: number, currency: string | null | undefined, language: string): string {
	const code = typeof currency === 'string' && /^[A-Za-z]{3}$/.test(currency) ? currency.toUpperCase() : 'KRW';
	return new Intl.NumberFormat(language, {
		style: 'currency',
		currency: code,
		maximumFractionDigits: code === 'KRW' || code === 'JPY' ? 0 : 2,
	}).format(amount);
}

const signed = (n: number, language: string) => (n > 0 ? '+' : '') + new Intl.NumberFormat(language).format(n);
const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null);

/** The headline of an entry, in the user's language. */
export function entryTitle(entry: TimelineEntry, tr: Translator): string {
	const { language } = tr;
	switch (entry.kind) {
		case 'order':
			return tr.t('title_order', {
				amount: formatMoney(entry.value ?? 0, entry.data.currency as string | null, language),
				status: tr.label('order', entry.type),
			});
		case 'interaction':
			return [tr.label('type', entry.type), entry.subject].filter(Boolean).join(': ');
		case 'feedback': {
			const key =
				entry.type === 'csat'
					? 'title_csat'
					: entry.type === 'review'
						? 'title_review'
						: entry.type === 'nps'
							? 'title_nps'
							: null;
			return key
				? tr.t(key, { score: entry.value ?? '' })
				: `${tr.label('feedback', entry.type)} ${entry.value ?? ''}`.trim();
		}
		case 'points':
			return tr.t('title_points', { kind: tr.label('points', entry.type), points: signed(entry.value ?? 0, language) });
		case 'history': {
			const value = (v: unknown) => (entry.type === 'stage' ? tr.label('stage', text(v)) : text(v)) || tr.t('none');
			return tr.t('title_history', {
				what: tr.label('history', entry.type),
				from: value(entry.data.from),
				to: value(entry.data.to),
			});
		}
		default:
			return [tr.label('kind', entry.kind), tr.label(entry.kind, entry.type), entry.subject]
				.filter(Boolean)
				.join(' · ');
	}
}

/** The second line: what was said or why. */
export function entryDetail(entry: TimelineEntry, tr: Translator): string | null {
	if (entry.kind === 'order')
		return (
			[text(entry.subject), entry.data.lines ? tr.t('lines', { n: Number(entry.data.lines) }) : null]
				.filter(Boolean)
				.join(' · ') || null
		);
	if (entry.kind === 'interaction') {
		const body = text(entry.data.body);
		return body && body !== text(entry.subject) ? body : null;
	}
	if (entry.kind === 'feedback' || entry.kind === 'points' || entry.kind === 'history') return text(entry.subject);
	return null;
}

export const formatTime = (iso: string, language: string, timeZone?: string) =>
	new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso));
export const formatDay = (iso: string, language: string, timeZone?: string) =>
	new Intl.DateTimeFormat(language, {
		year: 'numeric',
		month: 'long',
		day: 'numeric',
		weekday: 'short',
		timeZone,
	}).format(new Date(iso));

export interface EntryView {
	key: string;
	kind: string;
	id: string;
	icon: string;
	color: string;
	title: string;
	detail: string | null;
	meta: string;
	open: boolean;
	/** The day heading shown above this entry when it starts a new day. */
	day: string | null;
}

/** The feed as rows, with a day heading wherever the day changes. */
export function toFeedView(entries: readonly TimelineEntry[], tr: Translator, timeZone?: string): EntryView[] {
	let lastDay: string | null = null;
	return entries.map((entry) => {
		const day = formatDay(entry.at, tr.language, timeZone);
		const person = text(entry.data.staff_name);
		const meta = [
			formatTime(entry.at, tr.language, timeZone),
			tr.label('channel', entry.channel),
			tr.label('dir', entry.data.direction as string | null),
			person,
		]
			.filter(Boolean)
			.join(' · ');
		const view: EntryView = {
			key: `${entry.kind}:${entry.id}`,
			kind: entry.kind,
			id: String(entry.id),
			icon: entryIcon(entry),
			color: KIND_COLORS[entry.kind] ?? 'var(--theme--primary)',
			title: entryTitle(entry, tr),
			detail: entryDetail(entry, tr),
			meta,
			open: entry.kind === 'interaction' && entry.data.status === 'open',
			day: day === lastDay ? null : day,
		};
		lastDay = day;
		return view;
	});
}

/** Selecting a chip adds it, selecting it again removes it; nothing selected means everything. */
export const toggleChip = (selected: readonly string[], value: string) =>
	selected.includes(value) ? selected.filter((v) => v !== value) : [...selected, value];

export interface Chip {
	value: string;
	label: string;
	active: boolean;
}

export const kindChips = (kinds: readonly string[], selected: readonly string[], tr: Translator): Chip[] =>
	kinds.map((kind) => ({ value: kind, label: tr.label('kind', kind), active: selected.includes(kind) }));

/** Channels seen so far plus those selected, in a stable order (known channels first). */
export function channelChips(seen: readonly string[], selected: readonly string[], tr: Translator): Chip[] {
	const all = [...new Set([...seen, ...selected])];
	const rank = (c: string) => (CHANNEL_ORDER.includes(c) ? CHANNEL_ORDER.indexOf(c) : CHANNEL_ORDER.length);
	return all
		.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
		.map((channel) => ({ value: channel, label: tr.label('channel', channel), active: selected.includes(channel) }));
}

/** Adds the channels of newly loaded entries to those seen (chips never disappear while the page is open). */
export const rememberChannels = (seen: readonly string[], entries: readonly TimelineEntry[]) => [
	...new Set([...seen, ...entries.map((e) => e.channel).filter((c): c is string => !!c)]),
];

/** Query parameters for GET /crm/customers/:id/timeline. */
export function timelineParams(
	filters: { kinds: readonly string[]; channels: readonly string[] },
	before: string | null,
	limit = 30,
): Record<string, string> {
	return {
		limit: String(limit),
		...(filters.kinds.length ? { kinds: filters.kinds.join(',') } : {}),
		...(filters.channels.length ? { channels: filters.channels.join(',') } : {}),
		...(before ? { before } : {}),
	};
}

/** Whether an entry would be in the feed under these filters (for a freshly logged one). */
export const matchesFilters = (
	entry: TimelineEntry,
	filters: { kinds: readonly string[]; channels: readonly string[] },
) =>
	(!filters.kinds.length || filters.kinds.includes(entry.kind)) &&
	(!filters.channels.length || (entry.channel !== null && filters.channels.includes(entry.channel)));
