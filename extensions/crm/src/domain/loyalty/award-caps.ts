// Caps on points that do not come from an order: follow-up rules, the Flow operation, event bonuses (per award and
// per customer per rolling day) and manual adjustments (per adjustment). Read from the environment with defaults;
// anything that is not a whole number from 1 to 1,000,000,000 falls back to the default.

export interface AwardCaps {
	/** Most points one automatic award (follow-up, Flow, bonus) may give. */
	perAward: number;
	/** Most points automatic awards may give one customer within 24 hours. */
	perCustomerDay: number;
	/** Largest manual adjustment, either way. */
	adjust: number;
}

export const DEFAULT_AWARD_CAPS: AwardCaps = { perAward: 100_000, perCustomerDay: 300_000, adjust: 10_000_000 };
const MAX_CAP = 1_000_000_000;

const capFrom = (value: unknown, fallback: number) => {
	const n =
		typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : NaN;
	return Number.isInteger(n) && n >= 1 && n <= MAX_CAP ? n : fallback;
};

export function awardCaps(env: Record<string, unknown>): AwardCaps {
	return {
		perAward: capFrom(env.CRM_POINTS_AWARD_CAP, DEFAULT_AWARD_CAPS.perAward),
		perCustomerDay: capFrom(env.CRM_POINTS_DAILY_CAP, DEFAULT_AWARD_CAPS.perCustomerDay),
		adjust: capFrom(env.CRM_POINTS_ADJUST_CAP, DEFAULT_AWARD_CAPS.adjust),
	};
}

/** Why an automatic award of `points` is refused (null when within the caps); `today` is what it already got. */
export function awardCapIssue(points: number, today: number, caps: AwardCaps): string | null {
	if (!Number.isSafeInteger(points) || points <= 0)
		return 'points must be a positive whole number / 포인트는 양의 정수여야 합니다';
	if (points > caps.perAward)
		return `${points} points exceed the cap of ${caps.perAward} per award / 1회 지급 한도 ${caps.perAward}점을 넘습니다`;
	if (today + points > caps.perCustomerDay)
		return `the customer would get ${today + points} automatic points within 24 hours, over the cap of ${caps.perCustomerDay} / 고객별 24시간 자동 지급 한도 ${caps.perCustomerDay}점을 넘습니다`;
	return null;
}
