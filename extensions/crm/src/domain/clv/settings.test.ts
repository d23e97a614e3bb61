import { describe, expect, it } from 'vitest';
import { checkClvSettingsPatch, clvSettingsFromRow, DEFAULT_CLV_SETTINGS, parseRefitRequest } from './settings';

describe('CLV settings', () => {
	it('takes the defaults for missing or null values and the stored ones otherwise', () => {
		expect(clvSettingsFromRow(null)).toEqual(DEFAULT_CLV_SETTINGS);
		expect(
			clvSettingsFromRow({ clv_purchase_days: 30, clv_months: '24', clv_monthly_discount: 0, clv_model: 'pareto_nbd' }),
		).toEqual({ purchaseDays: 30, months: 24, monthlyDiscount: 0, model: 'pareto_nbd' });
		expect(clvSettingsFromRow({ clv_purchase_days: -3, clv_model: 'magic' })).toEqual(DEFAULT_CLV_SETTINGS);
	});

	it('names each bad field of a settings change, in English and Korean', () => {
		const issues = checkClvSettingsPatch({
			clv_purchase_days: 0,
			clv_months: 1.5,
			clv_monthly_discount: 0.9,
			clv_model: 'lifetimes',
			currency: 'USD',
		});
		expect(issues.map((issue) => issue.path)).toEqual([
			'clv_purchase_days',
			'clv_months',
			'clv_monthly_discount',
			'clv_model',
		]);
		for (const issue of issues) expect(issue.message).toMatch(/[가-힣]/);
		expect(checkClvSettingsPatch({ clv_purchase_days: 3650, clv_months: null, clv_model: 'auto' })).toEqual([]);
	});
});

describe('parseRefitRequest', () => {
	const today = '2026-12-04';
	it('accepts no body, a calibration end, and a calibration end with a holdout end', () => {
		expect(parseRefitRequest(undefined, today)).toEqual({ request: {} });
		expect(parseRefitRequest({}, today)).toEqual({ request: {} });
		expect(parseRefitRequest({ calibration_end: '1997-09-30' }, today)).toEqual({
			request: { calibrationEnd: '1997-09-30' },
		});
		expect(parseRefitRequest({ calibration_end: '1997-09-30', holdout_end: '1998-06-30' }, today)).toEqual({
			request: { calibrationEnd: '1997-09-30', holdoutEnd: '1998-06-30' },
		});
	});

	it('refuses bad dates, naming the field', () => {
		const paths = (body: unknown) => {
			const parsed = parseRefitRequest(body, today);
			return 'issues' in parsed ? parsed.issues.map((issue) => issue.path) : [];
		};
		expect(paths({ calibration_end: '1997-02-30' })).toEqual(['calibration_end']);
		expect(paths({ calibration_end: '30/09/1997' })).toEqual(['calibration_end']);
		expect(paths({ calibration_end: 19970930 })).toEqual(['calibration_end']);
		expect(paths({ calibration_end: today })).toEqual(['calibration_end']);
		expect(paths({ calibration_end: '1969-12-31' })).toEqual(['calibration_end']);
		expect(paths({ holdout_end: '1998-06-30' })).toEqual(['holdout_end']);
		expect(paths({ calibration_end: '1997-09-30', holdout_end: '1997-09-30' })).toEqual(['holdout_end']);
		expect(paths({ calibration_end: '1997-09-30', holdout_end: '2026-12-05' })).toEqual(['holdout_end']);
		expect(paths({ calibrationEnd: '1997-09-30' })).toEqual(['calibrationEnd']);
		expect(paths([1])).toEqual(['body']);
	});
});
