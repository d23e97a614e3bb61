// What the duplicates card and the merge dialog show, from GET /crm/customers/:id/duplicates and the merge preview.
// Pure, so it is unit-tested.
import { CHOOSABLE_FIELDS, type ChoosableField, type DuplicateReason } from '../../../domain/merge';
import type { MessageKey, Translator } from './i18n';

export interface DuplicatePairData {
	a: number;
	b: number;
	a_name: string | null;
	b_name: string | null;
	reasons: DuplicateReason[];
	score: number;
}

export interface DuplicateRow {
	other: number;
	name: string;
	/** The other customer's page in the admin app. */
	to: string;
	reasons: string;
	likelihood: string;
}

export interface PreviewData {
	survivor: Record<string, unknown>;
	merged: Record<string, unknown>;
	moves: Record<string, number>;
	points: { survivor: number; merged: number; combined: number };
}

export interface FieldChoice {
	field: ChoosableField;
	label: string;
	survivor: string;
	merged: string;
}

export const isNewItem = (primaryKey: unknown) => primaryKey === null || primaryKey === undefined || primaryKey === '+';

export const duplicatesPath = (customer: string | number) =>
	`/crm/customers/${encodeURIComponent(String(customer))}/duplicates`;

export function duplicateRows(pairs: DuplicatePairData[], customer: number, tr: Translator): DuplicateRow[] {
	return pairs.map((pair) => {
		const otherIsB = pair.a === customer;
		const other = otherIsB ? pair.b : pair.a;
		return {
			other,
			name: (otherIsB ? pair.b_name : pair.a_name) ?? `#${other}`,
			to: `/content/crm_customers/${other}`,
			reasons: pair.reasons.map((reason) => tr.t(`reason_${reason}` as MessageKey)).join(' · '),
			likelihood: tr.t('likelihood', { percent: Math.round(pair.score * 100) }),
		};
	});
}

const shown = (value: unknown, tr: Translator): string => {
	if (value === null || value === undefined || value === '') return tr.t('empty_value');
	if (Array.isArray(value)) return value.length ? value.join(', ') : tr.t('empty_value');
	if (typeof value === 'object') return JSON.stringify(value);
	return String(value);
};
const isEmpty = (value: unknown) =>
	value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length);

/** The fields where both records have a value and the values differ: the only ones staff need to choose. */
export function fieldChoices(preview: PreviewData, tr: Translator): FieldChoice[] {
	return CHOOSABLE_FIELDS.filter((field) => {
		const [mine, theirs] = [preview.survivor[field], preview.merged[field]];
		return !isEmpty(mine) && !isEmpty(theirs) && JSON.stringify(mine) !== JSON.stringify(theirs);
	}).map((field) => ({
		field,
		label: tr.t(`field_${field}` as MessageKey),
		survivor: shown(preview.survivor[field], tr),
		merged: shown(preview.merged[field], tr),
	}));
}

export function movesText(preview: PreviewData, tr: Translator): string {
	const n = (table: string) => preview.moves[table] ?? 0;
	return tr.t('moves', {
		orders: n('crm_orders'),
		interactions: n('crm_interactions'),
		ledger: n('crm_points_ledger'),
		outbox: n('crm_outbox'),
		members: n('crm_segment_members'),
	});
}

export function pointsText(preview: PreviewData, tr: Translator): string {
	const format = (points: number) => points.toLocaleString(tr.language);
	return tr.t('points', {
		survivor: format(preview.points.survivor),
		merged: format(preview.points.merged),
		combined: format(preview.points.combined),
	});
}
