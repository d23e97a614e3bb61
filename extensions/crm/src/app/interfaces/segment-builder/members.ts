// Pure helpers for the members list on a segment's page: the items query for one page of current members, how the
// answer becomes rows that link to the customer, the refresh state shown next to the count.
import type { Language } from '../../shared/i18n';

export const MEMBERS_PAGE_SIZE = 20;
/** Pages past this are not offered (20,000 members listed); the count stays exact. */
export const MAX_MEMBER_PAGES = 1000;

export interface MemberRow {
	id: number | string;
	name: string;
	email: string;
	enteredAt: string | null;
	/** Admin route of the customer's page. */
	to: string;
}

export interface SegmentState {
	kind: string;
	memberCount: number;
	refreshedAt: string | null;
}

/** Query parameters of GET /items/crm_segment_members for page `page` (1-based) of the segment's current members. */
export function membersQuery(segment: number | string, page: number, size = MEMBERS_PAGE_SIZE) {
	const safePage = Number.isSafeInteger(page) && page >= 1 ? Math.min(page, MAX_MEMBER_PAGES) : 1;
	return {
		filter: JSON.stringify({ segment: { _eq: segment }, left_at: { _null: true } }),
		fields: 'id,entered_at,customer.id,customer.full_name,customer.email',
		sort: '-entered_at,id',
		limit: size,
		page: safePage,
		meta: 'filter_count',
	};
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The API's rows → list rows; a member whose customer cannot be read (deleted, no permission) is left out. */
export function memberRows(data: unknown): MemberRow[] {
	if (!Array.isArray(data)) return [];
	return data.flatMap((row): MemberRow[] => {
		const customer = row && typeof row === 'object' ? (row as { customer?: unknown }).customer : null;
		if (!customer || typeof customer !== 'object') return [];
		const { id, full_name, email } = customer as { id?: unknown; full_name?: unknown; email?: unknown };
		if (typeof id !== 'number' && typeof id !== 'string') return [];
		return [
			{
				id,
				name: text(full_name) || text(email) || `#${id}`,
				email: text(email),
				enteredAt: text((row as { entered_at?: unknown }).entered_at) || null,
				to: `/content/crm_customers/${encodeURIComponent(String(id))}`,
			},
		];
	});
}

/** Number of pages for `total` members (at least 1, at most MAX_MEMBER_PAGES). */
export const pageCount = (total: number, size = MEMBERS_PAGE_SIZE) =>
	Math.min(MAX_MEMBER_PAGES, Math.max(1, Math.ceil((Number.isFinite(total) ? total : 0) / size)));

/** What the refresh line says: a dynamic segment never refreshed has a count of 0 that means "not computed yet". */
export function refreshState(segment: SegmentState): 'static' | 'never' | 'refreshed' {
	if (segment.kind === 'static') return 'static';
	return segment.refreshedAt ? 'refreshed' : 'never';
}

/** The segment's row as read from /items/crm_segments/:id. */
export function readSegmentState(data: unknown): SegmentState {
	const row = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
	const count = Number(row.member_count);
	return {
		kind: text(row.kind) || 'dynamic',
		memberCount: Number.isSafeInteger(count) && count >= 0 ? count : 0,
		refreshedAt: text(row.refreshed_at) || null,
	};
}

/** A timestamp as the user reads it ("2026. 12. 4. 오후 6:30"), or '' when missing or unreadable. */
export function formatWhen(iso: string | null, language: Language, timeZone?: string): string {
	if (!iso) return '';
	const date = new Date(iso);
	if (Number.isNaN(date.getTime())) return '';
	return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}
