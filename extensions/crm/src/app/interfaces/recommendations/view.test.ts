import { describe, expect, it } from 'vitest';
import { translator } from './i18n';
import {
	asOf,
	formatLift,
	formatPercent,
	isNewItem,
	recommendationsPath,
	toRows,
	type RecommendationData,
} from './view';

const item: RecommendationData = {
	product: 7,
	name: '머그컵',
	support: 0.2,
	confidence: 0.6667,
	lift: 1.6667,
	pair_count: 2,
	because: { product: 3, name: '텀블러' },
};

describe('recommendations card view', () => {
	it('says why each product is recommended, with confidence and lift, in Korean', () => {
		expect(toRows([item], translator('ko-KR'))).toEqual([
			{
				key: 7,
				name: '머그컵',
				to: '/content/crm_products/7',
				reason: '텀블러 구매 고객의 66.7%가 함께 구매',
				confidence: '66.7%',
				lift: '1.67배',
				baskets: '동시 구매 2건',
			},
		]);
	});

	it('and in English, falling back to the id when a name is missing', () => {
		const [row] = toRows([{ ...item, name: null, because: { product: 3, name: null }, lift: 2 }], translator('en-US'));
		expect(row).toMatchObject({
			name: '#7',
			reason: '66.7% of customers who bought #3 also bought it',
			lift: '2.0×',
			baskets: '2 baskets with both',
		});
	});

	it('formats ratios and the computation date per language', () => {
		expect(formatPercent(0.25, 'en-US')).toBe('25%');
		expect(formatLift(1.23456, 'en-US')).toBe('1.23');
		expect(asOf('2026-03-01T12:00:00Z', translator('en-US'))).toBe('as of March 1, 2026');
		expect(asOf('2026-03-01T12:00:00Z', translator('ko-KR'))).toBe('2026년 3월 1일 기준');
		expect(asOf(null, translator('ko-KR'))).toBeNull();
	});

	it('knows a new customer and builds the request path', () => {
		expect([isNewItem('+'), isNewItem(null), isNewItem(12)]).toEqual([true, true, false]);
		expect(recommendationsPath(12)).toBe('/crm/customers/12/recommendations');
	});
});
