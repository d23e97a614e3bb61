import { describe, expect, it } from 'vitest';
import { firstNameOf, formatCurrency, formatDate, listNames, plural } from './helpers';

const ko = { locale: 'ko-KR' as const, timeZone: 'Asia/Seoul', currency: 'KRW' };
const en = { locale: 'en-US' as const, timeZone: 'Asia/Seoul', currency: 'KRW' };

describe('template helpers', () => {
	it('formats dates in the CRM time zone, and date-only values as calendar days', () => {
		// 2026-03-04 20:30 UTC is already 5 March in Seoul.
		expect(formatDate('2026-03-04T20:30:00Z', undefined, ko)).toBe('2026년 3월 5일');
		expect(formatDate('2026-03-04T20:30:00Z', 'long', en)).toBe('March 5, 2026');
		expect(formatDate('1990-02-28', 'monthDay', ko)).toBe('2월 28일');
		expect(formatDate(Date.UTC(2026, 0, 2), 'short', en)).toBe('1/2/2026');
		expect(formatDate(null, 'long', ko)).toBe('');
		expect(formatDate('not a date', 'long', ko)).toBe('');
	});

	it('formats KRW the Korean way in Korean and with Intl otherwise', () => {
		expect(formatCurrency(45000, undefined, ko)).toBe('45,000원');
		expect(formatCurrency('1234567.4', 'KRW', ko)).toBe('1,234,567원');
		expect(formatCurrency(45000, undefined, en)).toBe('₩45,000');
		expect(formatCurrency(12.5, 'USD', en)).toBe('$12.50');
		expect(formatCurrency(null, undefined, ko)).toBe('');
	});

	it('pluralises English and leaves Korean nouns alone', () => {
		expect(plural(1, 'item', 'items', en)).toBe('item');
		expect(plural(2, 'item', 'items', en)).toBe('items');
		expect(plural(0, 'point', undefined, en)).toBe('points');
		expect(plural(3, '상품', undefined, ko)).toBe('상품');
	});

	it('lists names with a remainder', () => {
		expect(listNames(['a', 'b'], undefined, ko)).toBe('a, b');
		expect(listNames(['a', 'b', 'c', 'd', 'e'], 2, ko)).toBe('a, b 외 3건');
		expect(listNames(['a', 'b', 'c', 'd'], 3, en)).toBe('a, b, c and 1 more');
	});

	it('finds a greeting name', () => {
		expect(firstNameOf('민준', '김민준')).toBe('민준');
		expect(firstNameOf(null, '김민준')).toBe('민준');
		expect(firstNameOf('', '남궁민수')).toBe('궁민수'.slice(0, 3));
		expect(firstNameOf(null, 'Jane Doe')).toBe('Jane');
		expect(firstNameOf(null, null)).toBe('');
	});
});
