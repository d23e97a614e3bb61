import { describe, expect, it } from 'vitest';
import { decideSend, type SendFacts } from './decide';
import { DEFAULT_QUIET_HOURS } from './quiet-hours';

const noon = new Date('2026-05-01T12:00:00+09:00');
const base: SendFacts = {
	action: 'email',
	marketing: true,
	ruleActive: true,
	matchesCondition: true,
	customer: {
		email: 'a@example.kr',
		phone: '+821012345678',
		consent_email: true,
		consent_sms: false,
		consent_kakao: true,
		consent_night: false,
	},
	quiet: DEFAULT_QUIET_HOURS,
	timeZone: 'Asia/Seoul',
	sentLastWeek: 0,
	capPerWeek: 3,
	lastByRuleAt: null,
	minDaysBetween: 0,
	now: noon,
};

describe('send-time decision', () => {
	it('sends when everything holds', () => {
		expect(decideSend(base)).toEqual({ action: 'send' });
	});

	it('cancels advertising without consent for the channel, but not transactional messages', () => {
		expect(decideSend({ ...base, action: 'sms' })).toEqual({
			action: 'cancel',
			reason: 'no consent to advertising by sms',
		});
		expect(decideSend({ ...base, action: 'sms', marketing: false })).toEqual({ action: 'send' });
		expect(decideSend({ ...base, customer: { ...base.customer, consent_email: 0 } })).toMatchObject({
			action: 'cancel',
		});
		expect(decideSend({ ...base, customer: { ...base.customer, email: null }, marketing: false })).toEqual({
			action: 'cancel',
			reason: 'customer has no e-mail address',
		});
	});

	it('cancels for archived rules, unmatched conditions, recent contact by the rule and the weekly cap', () => {
		expect(decideSend({ ...base, ruleActive: false })).toMatchObject({
			action: 'cancel',
			reason: 'rule is no longer active',
		});
		expect(decideSend({ ...base, matchesCondition: false })).toMatchObject({ action: 'cancel' });
		expect(
			decideSend({ ...base, minDaysBetween: 30, lastByRuleAt: new Date(noon.getTime() - 29 * 86_400_000) }),
		).toMatchObject({ action: 'cancel', reason: 'contacted by this rule within 30 days' });
		expect(
			decideSend({ ...base, minDaysBetween: 30, lastByRuleAt: new Date(noon.getTime() - 31 * 86_400_000) }),
		).toEqual({ action: 'send' });
		expect(decideSend({ ...base, sentLastWeek: 3 })).toMatchObject({
			action: 'cancel',
			reason: 'frequency cap: 3 messages in the last 7 days (cap 3)',
		});
		expect(decideSend({ ...base, sentLastWeek: 3, marketing: false })).toEqual({ action: 'send' });
		expect(decideSend({ ...base, sentLastWeek: 9, capPerWeek: 0 })).toEqual({ action: 'send' });
	});

	it('defers advertising during quiet hours to 08:00 unless the customer has night consent', () => {
		const night = new Date('2026-05-01T23:10:00+09:00');
		expect(decideSend({ ...base, now: night })).toEqual({
			action: 'defer',
			until: new Date('2026-05-02T08:00:00+09:00'),
			reason: 'quiet hours (no night-time consent)',
		});
		expect(decideSend({ ...base, now: night, customer: { ...base.customer, consent_night: true } })).toEqual({
			action: 'send',
		});
		expect(decideSend({ ...base, now: night, marketing: false })).toEqual({ action: 'send' });
	});

	it('does not apply message rules to tasks, points and tags', () => {
		expect(
			decideSend({
				...base,
				action: 'task',
				customer: {},
				sentLastWeek: 10,
				now: new Date('2026-05-01T23:10:00+09:00'),
			}),
		).toEqual({ action: 'send' });
		expect(decideSend({ ...base, action: 'points', matchesCondition: false })).toMatchObject({ action: 'cancel' });
	});
});
