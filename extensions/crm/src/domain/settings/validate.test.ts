import { describe, expect, it } from 'vitest';
import { checkSettings, describeSettingsIssues, isTimeZone } from './validate';

const fields = (payload: Record<string, unknown>) => checkSettings(payload).map((issue) => issue.field);

describe('crm_settings validation (#15 finding 11)', () => {
	it('refuses an unknown time zone, accepts IANA zones', () => {
		expect(fields({ timezone: 'Mars/Olympus_Mons' })).toEqual(['timezone']);
		expect(fields({ timezone: '' })).toEqual(['timezone']);
		expect(isTimeZone('Asia/Seoul') && isTimeZone('UTC') && isTimeZone('America/New_York')).toBe(true);
		expect(fields({ timezone: 'Asia/Seoul' })).toEqual([]);
	});

	it('refuses out-of-range days and thresholds, text numbers and 25:99', () => {
		expect(
			fields({
				survey_link_days: 1e9,
				points_expiry_days: -1,
				tier_grace_days: 36_501,
				nps_low_threshold: 'abc',
				quiet_hours_start: '25:99',
				quiet_hours_end: '8:00',
				frequency_cap_per_week: 1.5,
			}),
		).toEqual([
			'quiet_hours_start',
			'quiet_hours_end',
			'survey_link_days',
			'frequency_cap_per_week',
			'nps_low_threshold',
			'points_expiry_days',
			'tier_grace_days',
		]);
		expect(
			fields({
				survey_link_days: 30,
				points_expiry_days: 0,
				tier_grace_days: 36_500,
				nps_low_threshold: 6,
				quiet_hours_start: '21:00:00',
				quiet_hours_end: '08:00',
			}),
		).toEqual([]);
	});

	it('checks choices, sender texts and goals; ignores inherited names and cleared values', () => {
		expect(fields({ currency: 'BTC', default_language: 'fr-FR', sender_name: 'a\u0000b' })).toEqual([
			'currency',
			'default_language',
			'sender_name',
		]);
		expect(fields({ kpi_goals: { retention_rate: 0.4, nps: { target: 50 } } })).toEqual([]);
		expect(fields({ kpi_goals: '{"nps": [1, 2]}' })).toEqual(['kpi_goals']);
		expect(fields({ kpi_goals: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 1])) })).toEqual([
			'kpi_goals',
		]);
		expect(fields(JSON.parse('{"constructor": 1, "__proto__": {"timezone": "x"}, "survey_link_days": null}'))).toEqual(
			[],
		);
		expect(describeSettingsIssues(checkSettings({ timezone: 'Mars/Olympus_Mons' }))).toBe(
			'timezone: must be an IANA time zone, e.g. Asia/Seoul / timezone: Asia/Seoul 같은 IANA 시간대여야 합니다',
		);
	});
});
