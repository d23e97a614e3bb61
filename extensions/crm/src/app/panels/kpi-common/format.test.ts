import { describe, expect, it } from 'vitest';
import {
	formatChange,
	formatKpiValue,
	formatMoney,
	formatPeriodKey,
	parseSegmentOption,
	segmentParam,
	toLanguage,
} from './format';

describe('KPI formatting', () => {
	it('formats values by unit for Korean and English', () => {
		expect(formatKpiValue(2 / 3, 'ratio', 'ko-KR')).toBe('66.7%');
		expect(formatKpiValue(52_500, 'money', 'ko-KR', 'KRW')).toBe('₩52,500');
		expect(formatKpiValue(1_234_567, 'money', 'en-US', 'KRW', true)).toBe('₩1.2M');
		expect(formatKpiValue(1234.5, 'money', 'en-US', 'usd')).toBe('$1,234.50');
		expect(formatKpiValue(1200, 'count', 'en-US')).toBe('1,200');
		expect(formatKpiValue(-50, 'score', 'en-US')).toBe('-50');
		expect(formatKpiValue(4 / 3, 'number', 'en-US')).toBe('1.33');
		expect(formatKpiValue(null, 'ratio', 'en-US')).toBe('–');
		expect(formatMoney(10, 'en-US', 'not a code')).toBe('10');
	});

	it('formats changes: points for ratios and NPS, relative otherwise', () => {
		expect(formatChange({ absolute: 1 / 6, relative: 1 / 3 }, 'ratio', 'ko-KR')).toBe('+16.7%p');
		expect(formatChange({ absolute: -0.05, relative: -0.1 }, 'ratio', 'en-US')).toBe('-5 pp');
		expect(formatChange({ absolute: 75, relative: 1.5 }, 'score', 'en-US')).toBe('+75');
		expect(formatChange({ absolute: 100_000, relative: 100_000 / 110_000 }, 'money', 'en-US', 'KRW')).toBe('+90.9%');
		expect(formatChange({ absolute: 5, relative: null }, 'count', 'en-US')).toBe('+5');
		expect(formatChange(null, 'count', 'en-US')).toBeNull();
	});

	it('names periods', () => {
		expect(formatPeriodKey('2026-03', 'ko-KR')).toBe('2026년 3월');
		expect(formatPeriodKey('2026-03', 'en-US')).toBe('Mar 2026');
		expect(formatPeriodKey('2026-Q1', 'ko-KR')).toBe('2026년 1분기');
		expect(formatPeriodKey('2026-Q1', 'en-US')).toBe('Q1 2026');
		expect(formatPeriodKey('2026-03-01', 'en-US')).toBe('Mar 1, 2026');
		expect(formatPeriodKey('2026-W09', 'en-US')).toBe('2026-W09');
	});

	it('reads the segment option and the language', () => {
		expect(parseSegmentOption('all, 3,x,3')).toEqual([null, 3]);
		expect(parseSegmentOption(['4'])).toEqual([4]);
		expect(parseSegmentOption(undefined)).toEqual([null]);
		expect(segmentParam([null, 3])).toBe('all,3');
		expect([toLanguage('ko'), toLanguage('en-GB'), toLanguage(undefined)]).toEqual(['ko-KR', 'en-US', 'en-US']);
	});
});
