// The checks made right before an action is carried out (the data may have changed since it was planned):
// the rule is still active, the rule's condition still matches, an address exists, consent for advertising on the
// channel, not contacted by this rule within N days, the weekly frequency cap across rules (advertising only), and
// quiet hours (advertising without night consent waits for the morning).
import { endOfQuietHours, inQuietHours, type QuietHours } from './quiet-hours';

export type FollowupAction = 'email' | 'sms' | 'kakao' | 'task' | 'points' | 'tag';
export const MESSAGE_CHANNELS: FollowupAction[] = ['email', 'sms', 'kakao'];
export const isMessage = (action: string): action is 'email' | 'sms' | 'kakao' =>
	(MESSAGE_CHANNELS as string[]).includes(action);

export interface SendFacts {
	action: FollowupAction;
	marketing: boolean;
	ruleActive: boolean;
	matchesCondition: boolean;
	customer: {
		email?: unknown;
		phone?: unknown;
		consent_email?: unknown;
		consent_sms?: unknown;
		consent_kakao?: unknown;
		consent_night?: unknown;
	};
	quiet: QuietHours;
	timeZone: string;
	/** Messages sent to this customer by any rule in the last 7 days. */
	sentLastWeek: number;
	capPerWeek: number | null;
	/** The last time this rule acted for this customer (another occurrence). */
	lastByRuleAt: Date | null;
	minDaysBetween: number;
	now: Date;
}

export type Decision =
	{ action: 'send' } | { action: 'cancel'; reason: string } | { action: 'defer'; until: Date; reason: string };

const yes = (value: unknown) => value === true || value === 1 || value === '1' || value === 'true';

export function decideSend(facts: SendFacts): Decision {
	if (!facts.ruleActive) return { action: 'cancel', reason: 'rule is no longer active' };
	if (!facts.matchesCondition) return { action: 'cancel', reason: "customer no longer matches the rule's condition" };
	const message = isMessage(facts.action);
	if (facts.action === 'email' && !facts.customer.email)
		return { action: 'cancel', reason: 'customer has no e-mail address' };
	if ((facts.action === 'sms' || facts.action === 'kakao') && !facts.customer.phone)
		return { action: 'cancel', reason: 'customer has no phone number' };
	if (message && facts.marketing && !yes(facts.customer[`consent_${facts.action}` as 'consent_email'])) {
		return { action: 'cancel', reason: `no consent to advertising by ${facts.action}` };
	}
	if (
		facts.minDaysBetween > 0 &&
		facts.lastByRuleAt &&
		facts.now.getTime() - facts.lastByRuleAt.getTime() < facts.minDaysBetween * 86_400_000
	) {
		return { action: 'cancel', reason: `contacted by this rule within ${facts.minDaysBetween} days` };
	}
	if (
		message &&
		facts.marketing &&
		facts.capPerWeek !== null &&
		facts.capPerWeek > 0 &&
		facts.sentLastWeek >= facts.capPerWeek
	) {
		return {
			action: 'cancel',
			reason: `frequency cap: ${facts.sentLastWeek} messages in the last 7 days (cap ${facts.capPerWeek})`,
		};
	}
	if (
		message &&
		facts.marketing &&
		!yes(facts.customer.consent_night) &&
		inQuietHours(facts.now, facts.quiet, facts.timeZone)
	) {
		return {
			action: 'defer',
			until: endOfQuietHours(facts.now, facts.quiet, facts.timeZone),
			reason: 'quiet hours (no night-time consent)',
		};
	}
	return { action: 'send' };
}
