// Reads for surveys and unsubscribe links: the customer, the survey template, the settings, an existing answer.
// Writes go through Directus's ItemsService in the glue (api/surveys), except the consent change (data/consent).
import type { Knex } from 'knex';
import { DEFAULT_NPS_LOW_THRESHOLD, isSurveyScale, languageOf, type Lang, type SurveyScale } from '../domain/surveys';

export interface SurveyCustomer {
	id: number;
	full_name: string | null;
	first_name: string | null;
	owner: string | null;
	lang: Lang;
}

export interface SurveyTemplate {
	key: string;
	question: string | null;
	body: string | null;
	scale: SurveyScale;
}

export interface SurveySettings {
	npsLowThreshold: number;
	linkDays: number;
	supportOwner: string | null;
	lang: Lang;
}

export async function surveySettings(knex: Knex): Promise<SurveySettings> {
	const row = await knex('crm_settings').first(
		'nps_low_threshold',
		'survey_link_days',
		'support_owner',
		'default_language',
	);
	const days = Number(row?.survey_link_days);
	return {
		npsLowThreshold: row?.nps_low_threshold == null ? DEFAULT_NPS_LOW_THRESHOLD : Number(row.nps_low_threshold),
		linkDays: Number.isFinite(days) && days > 0 ? days : 30,
		supportOwner: row?.support_owner ?? null,
		lang: languageOf(row?.default_language) ?? 'ko',
	};
}

/** The customer, speaking their own language, else the CRM's default; null when the customer is gone. */
export async function surveyCustomer(knex: Knex, id: number, fallback: Lang): Promise<SurveyCustomer | null> {
	const row = await knex('crm_customers').first('id', 'full_name', 'first_name', 'owner', 'language').where('id', id);
	if (!row) return null;
	return {
		id: Number(row.id),
		full_name: row.full_name ?? null,
		first_name: row.first_name ?? null,
		owner: row.owner ?? null,
		lang: languageOf(row.language) ?? fallback,
	};
}

/** An active survey template by key (kind survey, a known scale); null otherwise. */
export async function surveyTemplate(knex: Knex, key: string): Promise<SurveyTemplate | null> {
	const row = await knex('crm_templates')
		.first('key', 'subject', 'body', 'survey_scale', 'status', 'kind')
		.where('key', key);
	if (!row || row.kind !== 'survey' || row.status === 'archived' || !isSurveyScale(row.survey_scale)) return null;
	return { key: row.key, question: row.subject ?? null, body: row.body ?? null, scale: row.survey_scale };
}

export interface StoredAnswer {
	id: number;
	score: number;
	comment: string | null;
}

export async function storedAnswer(knex: Knex, sourceKey: string): Promise<StoredAnswer | null> {
	const row = await knex('crm_feedback').first('id', 'score', 'comment').where('source_key', sourceKey);
	return row ? { id: Number(row.id), score: Number(row.score), comment: row.comment ?? null } : null;
}

/** Whether the order exists and belongs to the customer. */
export async function orderOfCustomer(knex: Knex, order: number, customer: number): Promise<boolean> {
	return Boolean(await knex('crm_orders').first('id').where({ id: order, customer }));
}

/** The customer's language alone (for pages about a link whose signature is genuine). */
export async function customerLanguage(knex: Knex, id: number): Promise<Lang | null> {
	const [row, settings] = await Promise.all([
		knex('crm_customers').first('language').where('id', id),
		knex('crm_settings').first('default_language'),
	]);
	if (!row) return null;
	return languageOf(row.language) ?? languageOf(settings?.default_language) ?? 'ko';
}
