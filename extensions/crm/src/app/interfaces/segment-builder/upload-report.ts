// Pure helpers for the members upload control: the answer of POST /crm/segments/:id/members/import and its labels.
import type { MessageKey } from './i18n';

export interface UploadAnswer {
	segment: number;
	mode: 'add' | 'replace';
	dry_run: boolean;
	column: string;
	match: string;
	rows: number;
	matched: number;
	unmatched: number;
	customers: number;
	added: number;
	removed: number;
	members_before: number;
	members: number;
	unmatched_rows: { row: number; value: string; reason: string }[];
}

/** The API's reasons (English, stable) as message keys, so the table reads in the user's language. */
export function reasonKey(reason: string): MessageKey | null {
	if (reason === 'empty') return 'reason_empty';
	if (reason === 'not a customer id') return 'reason_id';
	if (reason === 'not a valid e-mail address') return 'reason_email';
	if (reason === 'not a valid phone number') return 'reason_phone';
	if (reason.startsWith('no customer with this')) return 'reason_none';
	return null;
}

/** Rows shown in the preview table; the rest are summarised as "and N more rows". */
export const SHOWN_ROWS = 20;
