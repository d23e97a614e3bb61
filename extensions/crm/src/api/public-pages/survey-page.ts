// The survey answer page (NPS 0-10 or CSAT 1-5 as large tap targets, an optional comment), the thank-you page and
// the error pages shared with unsubscribe. Plain HTML forms: no script is needed, so the page's CSP forbids scripts.
import { MAX_COMMENT_LENGTH, SCALES, type Lang, type SurveyScale } from '../../domain/surveys';
import type { LinkFailure } from '../../domain/signed-links';
import { escapeHtml, messagePage, page } from './html';
import { t } from './i18n';

export interface SurveyForm {
	lang: Lang;
	token: string;
	scale: SurveyScale;
	/** The template's subject; the standard question when empty. */
	question: string | null;
	intro: string | null;
	selected: number | null;
	comment: string | null;
	answered: boolean;
	error?: 'choose_score' | 'comment_too_long';
}

/**
 * The template's body as plain intro text: {{first_name}} / {{full_name}} filled in, other {{…}} expressions dropped
 * (the page is not a message: the follow-up templates' renderer is not needed here).
 */
export function introText(
	body: unknown,
	customer: { first_name?: string | null; full_name?: string | null },
): string | null {
	if (typeof body !== 'string') return null;
	const names: Record<string, string> = {
		first_name: customer.first_name || customer.full_name || '',
		full_name: customer.full_name || '',
	};
	const text = body.replace(/\{\{\{?\s*([\w.]+)[^}]*\}?\}\}/g, (_match, name: string) => names[name] ?? '').trim();
	return text || null;
}

export function surveyFormPage(form: SurveyForm): string {
	const { lang, scale } = form;
	const { min, max } = SCALES[scale];
	const question = form.question?.trim() || t(lang, scale === 'nps' ? 'nps_question' : 'csat_question');
	const choices: string[] = [];
	for (let score = min; score <= max; score++) {
		const checked = form.selected === score ? ' checked' : '';
		choices.push(
			`<label class="choice"><input type="radio" name="score" value="${score}" required${checked}><span>${score}</span></label>`,
		);
	}
	const notes = [
		form.error ? `<p class="error" role="alert">${escapeHtml(t(lang, form.error))}</p>` : '',
		form.answered && !form.error ? `<p class="note">${escapeHtml(t(lang, 'already_answered'))}</p>` : '',
	].join('');
	const body = `<section class="card">
<p class="intro">${escapeHtml(form.intro ?? t(lang, 'survey_title'))}</p>
${notes}
<form method="post" action="answer" accept-charset="utf-8">
<input type="hidden" name="token" value="${escapeHtml(form.token)}">
<fieldset>
<legend>${escapeHtml(question)}</legend>
<div class="scale ${scale}" role="radiogroup" aria-label="${escapeHtml(t(lang, 'score_legend'))}">${choices.join('')}</div>
<div class="ends" aria-hidden="true"><span>${escapeHtml(`${min} · ${t(lang, scale === 'nps' ? 'nps_low' : 'csat_low')}`)}</span><span>${escapeHtml(`${t(lang, scale === 'nps' ? 'nps_high' : 'csat_high')} · ${max}`)}</span></div>
</fieldset>
<label class="comment" for="comment">${escapeHtml(t(lang, 'comment_label'))}</label>
<textarea id="comment" name="comment" maxlength="${MAX_COMMENT_LENGTH}" placeholder="${escapeHtml(t(lang, 'comment_placeholder'))}">${escapeHtml(form.comment ?? '')}</textarea>
<button type="submit">${escapeHtml(t(lang, 'submit'))}</button>
</form>
</section>`;
	return page([lang], question, body);
}

export function thanksPage(lang: Lang, score: number, scale: SurveyScale): string {
	const badge = `<div class="tick" aria-hidden="true"></div><p class="center"><strong>${escapeHtml(t(lang, 'your_score', { score: `${score}/${SCALES[scale].max}` }))}</strong></p>`;
	return messagePage([lang], 'thanks_title', 'thanks_body', {}, badge);
}

export type PageFailure = LinkFailure | 'gone' | 'rate' | 'error';

const FAILURES: Record<
	PageFailure,
	{
		status: number;
		title: 'malformed_title' | 'tampered_title' | 'expired_title' | 'gone_title' | 'rate_title' | 'error_title';
	}
> = {
	malformed: { status: 400, title: 'malformed_title' },
	tampered: { status: 403, title: 'tampered_title' },
	'wrong-purpose': { status: 403, title: 'tampered_title' },
	expired: { status: 410, title: 'expired_title' },
	gone: { status: 410, title: 'gone_title' },
	rate: { status: 429, title: 'rate_title' },
	error: { status: 500, title: 'error_title' },
};

/** The status and page for a failure: in the customer's language when known, else Korean then English. */
export function failurePage(failure: PageFailure, lang: Lang | null): { status: number; html: string } {
	const { status, title } = FAILURES[failure];
	const body = title.replace('_title', '_body') as 'malformed_body';
	return { status, html: messagePage(lang ? [lang] : ['ko', 'en'], title, body) };
}
