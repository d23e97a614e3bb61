import { describe, expect, it } from 'vitest';
import { awardCapIssue, awardCaps, DEFAULT_AWARD_CAPS } from './award-caps';

describe('award caps', () => {
	it('reads bounded whole numbers from the environment, else the defaults', () => {
		expect(awardCaps({})).toEqual(DEFAULT_AWARD_CAPS);
		expect(awardCaps({ CRM_POINTS_AWARD_CAP: '500', CRM_POINTS_DAILY_CAP: '1000' })).toMatchObject({
			perAward: 500,
			perCustomerDay: 1000,
		});
		for (const bad of ['0', '-5', '1e9', '2000000000', 'abc', '1.5'])
			expect(awardCaps({ CRM_POINTS_AWARD_CAP: bad }).perAward).toBe(DEFAULT_AWARD_CAPS.perAward);
	});

	it('refuses an award over the per-award or the per-day cap', () => {
		const caps = { perAward: 1000, perCustomerDay: 1500, adjust: 10 };
		expect(awardCapIssue(1000, 0, caps)).toBeNull();
		expect(awardCapIssue(1001, 0, caps)).toContain('1000 per award');
		expect(awardCapIssue(600, 1000, caps)).toContain('24');
		expect(awardCapIssue(500, 1000, caps)).toBeNull();
		expect(awardCapIssue(500_000_000, 0, caps)).not.toBeNull();
		expect(awardCapIssue(0, 0, caps)).not.toBeNull();
		expect(awardCapIssue(2 ** 53, 0, { ...caps, perAward: Infinity })).not.toBeNull();
	});
});
