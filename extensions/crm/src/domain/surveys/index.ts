// Surveys: the answer scales, what counts as a low score, the keys that make answers and Support tasks idempotent,
// and the task's wording. Pure: the glue reads settings and writes rows.

export type SurveyScale = 'nps' | 'csat';
export type Lang = 'ko' | 'en';

export const SCALES: Record<SurveyScale, { min: number; max: number }> = {
	nps: { min: 0, max: 10 },
	csat: { min: 1, max: 5 },
};
/** CSAT scores at or below this are low (NPS uses the nps_low_threshold setting, default 6). */
export const CSAT_LOW_MAX = 2;
export const DEFAULT_NPS_LOW_THRESHOLD = 6;
export const MAX_COMMENT_LENGTH = 2000;

export const isSurveyScale = (value: unknown): value is SurveyScale => value === 'nps' || value === 'csat';

/** The whole-number score on the scale, or null (a form sends strings: "7" is 7, "7.5" or "" is null). */
export function parseScore(value: unknown, scale: SurveyScale): number | null {
	const number = typeof value === 'string' && /^\s*\d{1,2}\s*$/.test(value) ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isInteger(number)) return null;
	const { min, max } = SCALES[scale];
	return number >= min && number <= max ? number : null;
}

/** The comment trimmed (empty → null), or undefined when it is not text or too long. */
export function parseComment(value: unknown): string | null | undefined {
	if (value === undefined || value === null) return null;
	if (typeof value !== 'string') return undefined;
	const text = value.replace(/\r\n/g, '\n').trim();
	if (text.length > MAX_COMMENT_LENGTH) return undefined;
	return text || null;
}

export function isLowScore(scale: SurveyScale, score: number, npsLowThreshold: number | null | undefined): boolean {
	return scale === 'nps' ? score <= (npsLowThreshold ?? DEFAULT_NPS_LOW_THRESHOLD) : score <= CSAT_LOW_MAX;
}

/** One answer per customer, survey and order: re-submitting the same link updates this row. */
export const surveySourceKey = (customer: number, survey: string, order: number | null | undefined) =>
	`survey:${customer}:${survey}:${order ?? 'none'}`;
/** One Support task per low-scored answer. */
export const lowScoreTaskKey = (feedbackId: number | string) => `low-score:${feedbackId}`;

export const languageOf = (value: unknown): Lang | null =>
	typeof value === 'string' && /^en\b/i.test(value)
		? 'en'
		: typeof value === 'string' && /^ko\b/i.test(value)
			? 'ko'
			: null;

/** The Support task's subject and body, in the CRM's default language. */
export function lowScoreTaskText(input: {
	scale: SurveyScale;
	score: number;
	comment: string | null;
	survey: string;
	question: string | null;
	customerName: string | null;
	lang: Lang;
}) {
	const { scale, score, comment, survey, question, customerName, lang } = input;
	const max = SCALES[scale].max;
	const label = scale === 'nps' ? 'NPS' : lang === 'ko' ? '만족도' : 'CSAT';
	const who = customerName ?? (lang === 'ko' ? '고객' : 'Customer');
	const subject =
		lang === 'ko'
			? `저점 응답 후속 조치: ${who} · ${label} ${score}/${max}`
			: `Follow up low score: ${who} · ${label} ${score}/${max}`;
	const lines =
		lang === 'ko'
			? [
					`설문 "${survey}"에 ${label} ${score}점(${max}점 만점)으로 응답했습니다.`,
					question ? `질문: ${question}` : null,
					`의견: ${comment ?? '(없음)'}`,
				]
			: [
					`Answered survey "${survey}" with ${label} ${score} out of ${max}.`,
					question ? `Question: ${question}` : null,
					`Comment: ${comment ?? '(none)'}`,
				];
	return { subject: subject.slice(0, 255), body: lines.filter(Boolean).join('\n') };
}
