import { describe, expect, it } from 'vitest';
import { toHoldoutView } from './holdout';
import { MESSAGES } from './i18n';

const bucket = (frequency: string, customers: number, actualMean: number, predictedMean: number) => ({
	frequency,
	customers,
	actualMean,
	predictedMean,
});
const fit = {
	fitted_at: '2026-12-04T10:00:00.000Z',
	calibration_end: '1997-09-30',
	holdout_end: '1998-06-30',
	holdout_weeks: 39,
	model: 'pareto_nbd',
	reason_text: { en: 'Pareto/NBD: smallest error', ko: 'Pareto/NBD: 오차가 가장 작음' },
	models: [
		{
			kind: 'bgnbd',
			log_likelihood: -95368.4,
			holdout: { rmse: 1.7329, actualTotal: 19684, predictedTotal: 16874, buckets: [bucket('0', 12054, 0.23, 0.19)] },
		},
		{
			kind: 'pareto_nbd',
			log_likelihood: -95415.1,
			holdout: { rmse: 1.7262, actualTotal: 19684, predictedTotal: 17153, buckets: [bucket('0', 12054, 0.23, 0.21)] },
		},
	],
};

describe('CLV holdout panel', () => {
	it('shows per calibration frequency the actual and each model’s predicted mean, and which model was kept', () => {
		const view = toHoldoutView({ clv_fit: fit }, 'en-US')!;
		expect(view.rows).toEqual([{ frequency: '0', customers: '12,054', actual: '0.23', predicted: ['0.19', '0.21'] }]);
		expect(view.models).toEqual([
			{ name: 'BG/NBD', kept: false, rmse: '1.73', logLikelihood: '-95,368' },
			{ name: 'Pareto/NBD', kept: true, rmse: '1.73', logLikelihood: '-95,415' },
		]);
		expect(view.period).toBe('calibration to 1997-09-30, holdout to 1998-06-30 (39 weeks)');
		expect(view.totals).toBe('Holdout repeat purchases: actual 19,684, predicted BG/NBD 16,874, Pareto/NBD 17,153');
		// Korean, and the JSON text SQLite hands back.
		const ko = toHoldoutView([{ clv_fit: JSON.stringify(fit) }], 'ko-KR')!;
		expect(ko.reason).toBe('Pareto/NBD: 오차가 가장 작음');
		expect(ko.period).toContain('39주');
	});

	it('reads no fit, a malformed one or one without a holdout honestly', () => {
		expect(toHoldoutView({ clv_fit: null }, 'en-US')).toBeNull();
		expect(toHoldoutView({ clv_fit: '{broken' }, 'en-US')).toBeNull();
		expect(toHoldoutView(undefined, 'en-US')).toBeNull();
		const plain = toHoldoutView(
			{
				clv_fit: {
					...fit,
					calibration_end: null,
					holdout_end: null,
					holdout_weeks: null,
					models: [{ kind: 'bgnbd', log_likelihood: -1 }],
				},
			},
			'en-US',
		)!;
		expect(plain).toMatchObject({ period: null, totals: null, rows: [] });
		expect(Object.keys(MESSAGES['ko-KR']).sort()).toEqual(Object.keys(MESSAGES['en-US']).sort());
	});
});
