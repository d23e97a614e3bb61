// Whether a rule applies at an instant / to an order / to a line. A null filter means "any".
import { zonedDay } from './calendar';
import type { EarningContext, EarningRule, OrderLineFacts } from './types';

/** Half-open [startsAt, endsAt): a rule ending at midnight does not apply to an order placed at midnight. */
export function isWithinDates(rule: Pick<EarningRule, 'startsAt' | 'endsAt'>, at: Date): boolean {
	const time = at.getTime();
	return (!rule.startsAt || rule.startsAt.getTime() <= time) && (!rule.endsAt || time < rule.endsAt.getTime());
}

/** A list filter matches when it is absent, or when the value is present and listed. */
export function matchesFilter(filter: readonly string[] | null, value: string | null | undefined): boolean {
	return filter === null || filter.length === 0 || (value !== null && value !== undefined && filter.includes(value));
}

/**
 * The order-level filters: dates, weekday of `at` in the CRM time zone, tier and channel. `channel` undefined means
 * the trigger has no channel (a survey answer, say), so the rule's channel filter is not consulted.
 */
export function ruleAppliesAt(
	rule: EarningRule,
	at: Date,
	channel: string | null | undefined,
	ctx: Pick<EarningContext, 'tierCode' | 'timeZone'>,
): boolean {
	if (!isWithinDates(rule, at)) return false;
	if (rule.weekdays && rule.weekdays.length && !rule.weekdays.includes(zonedDay(at, ctx.timeZone).weekday))
		return false;
	if (!matchesFilter(rule.tiers, ctx.tierCode)) return false;
	return channel === undefined || matchesFilter(rule.channels, channel);
}

/** Discount, reward and shipping lines never earn, nor do free or refunded (≤ 0) product lines. */
export function isEarningLine(line: OrderLineFacts): boolean {
	return line.kind === 'product' && Number.isFinite(line.lineTotal) && line.lineTotal > 0;
}

/** The line-level filters: which of the order's lines a rule counts. */
export function ruleCountsLine(rule: EarningRule, line: OrderLineFacts): boolean {
	return matchesFilter(rule.categories, line.category) && matchesFilter(rule.products, line.product);
}

/** Whether `at` falls in the birthday's month in the CRM time zone; the year of birth is irrelevant. */
export function isBirthdayMonth(birthday: string | null, at: Date, timeZone: string): boolean {
	const match = typeof birthday === 'string' ? /^\d{4}-(\d{2})-(\d{2})/.exec(birthday.trim()) : null;
	if (!match) return false;
	const month = Number(match[1]);
	const day = Number(match[2]);
	if (month < 1 || month > 12 || day < 1 || day > 31) return false;
	return zonedDay(at, timeZone).month === month;
}
