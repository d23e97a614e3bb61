import { describe, expect, it } from 'vitest';
import { checkSettingsPatch, DEFAULT_RECOMMENDATION_SETTINGS, settingsFromRow } from './settings';

describe('recommendation settings', () => {
	it('takes the defaults for missing or empty values', () => {
		expect(settingsFromRow(null)).toEqual({ settings: DEFAULT_RECOMMENDATION_SETTINGS });
		expect(settingsFromRow({ rec_min_support: null, rec_basket: '' })).toEqual({
			settings: DEFAULT_RECOMMENDATION_SETTINGS,
		});
		expect(DEFAULT_RECOMMENDATION_SETTINGS).toEqual({
			minSupport: 0.01,
			minConfidence: 0.1,
			minLift: 1,
			minPairs: 2,
			windowDays: 365,
			maxPerProduct: 5,
			basket: 'customer',
		});
	});

	it('reads stored values, including PostgreSQL decimals as strings', () => {
		const row = {
			rec_min_support: '0.200000',
			rec_min_confidence: '0.5',
			rec_min_lift: 1.2,
			rec_min_pairs: 3,
			rec_window_days: 90,
			rec_max_per_product: 2,
			rec_basket: 'order',
		};
		expect(settingsFromRow(row)).toEqual({
			settings: {
				minSupport: 0.2,
				minConfidence: 0.5,
				minLift: 1.2,
				minPairs: 3,
				windowDays: 90,
				maxPerProduct: 2,
				basket: 'order',
			},
		});
	});

	it('names every bad field in a write', () => {
		expect(
			checkSettingsPatch({
				rec_min_confidence: 1.5,
				rec_window_days: 0,
				rec_max_per_product: 2.5,
				rec_basket: 'cart',
				rec_min_lift: -1,
				rec_min_pairs: 'two',
				rec_min_support: true,
			}),
		).toEqual([
			{ path: 'rec_min_support', message: 'must be a number from 0 to 1' },
			{ path: 'rec_min_confidence', message: 'must be a number from 0 to 1' },
			{ path: 'rec_min_lift', message: 'must be a number from 0 to 1000' },
			{ path: 'rec_min_pairs', message: 'must be a whole number from 1 to 1000000' },
			{ path: 'rec_window_days', message: 'must be a whole number from 1 to 3650' },
			{ path: 'rec_max_per_product', message: 'must be a whole number from 1 to 50' },
			{ path: 'rec_basket', message: 'must be one of customer, order' },
		]);
	});

	it('leaves fields that are not its own, good values and clears alone', () => {
		expect(
			checkSettingsPatch({
				currency: 'KRW',
				rec_min_support: 0.05,
				rec_min_confidence: '0.3',
				rec_basket: 'order',
				rec_window_days: null,
				rec_min_lift: '',
			}),
		).toEqual([]);
	});

	it('reports a bad stored value instead of mining with it', () => {
		expect(settingsFromRow({ rec_max_per_product: 0 })).toEqual({
			issues: [{ path: 'rec_max_per_product', message: 'must be a whole number from 1 to 50' }],
		});
	});
});
