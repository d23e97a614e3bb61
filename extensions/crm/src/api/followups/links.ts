// Links rendered into messages, from the CRM's one signed-link helper: the one-click unsubscribe link (per customer
// and channel) and the survey link of a survey template. Both need an absolute PUBLIC_URL; without one there is no
// link, and an advertising message is then refused rather than sent without its opt-out.
import { isLinkableSurveyKey } from '../../domain/signed-links';
import { publicBase, surveyUrl, unsubscribeUrl } from '../signed-links';

export interface MessageLinks {
	unsubscribe(customer: number, channel: string, now: Date): string | null;
	survey(input: {
		customer: number;
		surveyKey: unknown;
		order: number | null;
		channel: string;
		now: Date;
		validDays: number;
	}): string | null;
}

/** Unsubscribe links stay valid for two years: an old advertising e-mail must still let the customer opt out. */
export const UNSUBSCRIBE_VALID_DAYS = 730;
const DAY = 86_400_000;

export function messageLinks(env: Record<string, unknown>): MessageLinks {
	const base = () => {
		const url = publicBase(env.PUBLIC_URL);
		return /^https?:\/\//i.test(url) ? url : null;
	};
	return {
		unsubscribe(customer, channel, now) {
			const url = base();
			if (!url || !['email', 'sms', 'kakao'].includes(channel)) return null;
			return unsubscribeUrl(url, customer, channel as 'email', new Date(now.getTime() + UNSUBSCRIBE_VALID_DAYS * DAY));
		},
		survey({ customer, surveyKey, order, channel, now, validDays }) {
			const url = base();
			if (!url || !isLinkableSurveyKey(surveyKey)) return null;
			return surveyUrl(url, {
				customer,
				survey: surveyKey,
				order,
				channel,
				expiresAt: new Date(now.getTime() + Math.max(1, validDays) * DAY),
			});
		},
	};
}

/** The token of every link a preview renders: it has the shape of a link but signs nothing, so it opens nothing. */
export const PREVIEW_TOKEN = 'preview';

/**
 * Links for previews: where a real message would carry a signed link, a preview carries a placeholder that the
 * unsubscribe and survey pages refuse. A preview never mints a live credential (anyone who can preview could
 * otherwise unsubscribe a customer or answer a survey for them).
 */
export function previewLinks(env: Record<string, unknown>): MessageLinks {
	const base = () => {
		const url = publicBase(env.PUBLIC_URL);
		return /^https?:\/\//i.test(url) ? url : null;
	};
	return {
		unsubscribe(_customer, channel) {
			const url = base();
			return url && ['email', 'sms', 'kakao'].includes(channel)
				? `${url}/crm/unsubscribe?token=${PREVIEW_TOKEN}`
				: null;
		},
		survey({ surveyKey }) {
			const url = base();
			return url && isLinkableSurveyKey(surveyKey) ? `${url}/crm/surveys/answer?token=${PREVIEW_TOKEN}` : null;
		},
	};
}
