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
