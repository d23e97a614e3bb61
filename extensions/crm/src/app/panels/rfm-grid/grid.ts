// Pure shaping and formatting for the RFM grid panel; the .vue only renders what this returns.
import { translate, type PanelLanguage } from './i18n';

export const SCORES = [1, 2, 3, 4, 5] as const;
export const CUSTOMERS_COLLECTION = 'crm_customers';

export interface GridCell {
	r: number;
	f: number;
	customers: number;
	avgMonetary: number;
}
export interface GridData {
	computedAt: string | null;
	cells: GridCell[];
	unscored: number;
}

export interface DisplayCell extends GridCell {
	key: string;
	countLabel: string;
	avgLabel: string;
	title: string;
	/** 0..1: share of the fullest cell, for the background shade. */
	intensity: number;
}

export interface DisplayGrid {
	/** Rows from F=5 (top) down to F=1; each row holds R=1..5 left to right. */
	rows: { f: number; cells: DisplayCell[] }[];
	columns: readonly number[];
	scored: number;
	unscored: number;
	computedAtLabel: string | null;
}

/** Nothing to show: RFM never ran, or nobody got a score. */
export function isEmptyGrid(data: GridData | null | undefined): boolean {
	return !data || data.computedAt === null || data.cells.every((c) => c.customers === 0);
}

export function formatCount(n: number, language: PanelLanguage): string {
	return new Intl.NumberFormat(language).format(n);
}

/** A currency amount when `currency` is an ISO 4217 code, a plain rounded number otherwise. */
export function formatMoney(n: number, language: PanelLanguage, currency: string | null | undefined): string {
	const code =
		typeof currency === 'string' && /^[A-Za-z]{3}$/.test(currency.trim()) ? currency.trim().toUpperCase() : null;
	const options: Intl.NumberFormatOptions = code
		? { style: 'currency', currency: code, maximumFractionDigits: code === 'KRW' || code === 'JPY' ? 0 : 2 }
		: { maximumFractionDigits: 0 };
	return new Intl.NumberFormat(language, options).format(n);
}

export function formatComputedAt(iso: string | null, language: PanelLanguage): string | null {
	if (!iso) return null;
	const date = new Date(iso);
	return Number.isNaN(date.getTime())
		? null
		: new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function toDisplayGrid(data: GridData, language: PanelLanguage, currency?: string | null): DisplayGrid {
	const byKey = new Map(data.cells.map((c) => [`${c.r}:${c.f}`, c]));
	const max = Math.max(0, ...data.cells.map((c) => c.customers));
	const rows = [...SCORES].reverse().map((f) => ({
		f,
		cells: SCORES.map((r): DisplayCell => {
			const cell = byKey.get(`${r}:${f}`) ?? { r, f, customers: 0, avgMonetary: 0 };
			const countLabel = formatCount(cell.customers, language);
			const avgLabel = cell.customers ? formatMoney(cell.avgMonetary, language, currency) : '–';
			return {
				...cell,
				key: `${r}:${f}`,
				countLabel,
				avgLabel,
				title: translate(language, 'cell_title', { r, f, customers: countLabel, avg: avgLabel }),
				intensity: max ? cell.customers / max : 0,
			};
		}),
	}));
	return {
		rows,
		columns: SCORES,
		scored: data.cells.reduce((sum, c) => sum + c.customers, 0),
		unscored: data.unscored,
		computedAtLabel: formatComputedAt(data.computedAt, language),
	};
}

/** The Directus filter selecting one cell's customers. */
export function cellFilter(r: number, f: number) {
	return { _and: [{ rfm_r: { _eq: r } }, { rfm_f: { _eq: f } }] };
}

/**
 * Directus 12.4's content route reads only `bookmark` and `archive` from the URL (no `filter`), so a cell opens
 * through a personal bookmark carrying the filter: this is the preset to create (or update) for that.
 */
export function cellBookmark(r: number, f: number, language: PanelLanguage) {
	return {
		bookmark: translate(language, 'bookmark_title', { r, f }),
		collection: CUSTOMERS_COLLECTION,
		layout: 'tabular',
		filter: cellFilter(r, f),
		icon: 'grid_view',
	};
}

/** The app route of a bookmark (relative to the router, i.e. without the /admin base). */
export function bookmarkRoute(bookmarkId: number | string): string {
	return `/content/${CUSTOMERS_COLLECTION}?bookmark=${encodeURIComponent(String(bookmarkId))}`;
}

/** The same as a full admin URL, for a plain link or a reload. */
export function bookmarkHref(bookmarkId: number | string, adminBase = '/admin'): string {
	return `${adminBase.replace(/\/$/, '')}${bookmarkRoute(bookmarkId)}`;
}

export interface StoredPreset {
	id: number | string;
	bookmark: string | null;
	collection: string;
	user: string | null;
}

/** The current user's own bookmark for this cell, if one exists already (so clicking twice doesn't pile up bookmarks). */
export function findCellBookmark(
	presets: readonly StoredPreset[],
	userId: string,
	r: number,
	f: number,
	language: PanelLanguage,
): StoredPreset | null {
	const title = cellBookmark(r, f, language).bookmark;
	return (
		presets.find((p) => p.user === userId && p.collection === CUSTOMERS_COLLECTION && p.bookmark === title) ?? null
	);
}
