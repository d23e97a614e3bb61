import { describe, expect, it } from 'vitest';
import { normaliseEmail, normalisePhone } from './contact';

describe('normaliseEmail', () => {
	it('trims and lower-cases', () => {
		expect(normaliseEmail('  Minjun.Kim@Example.CO.KR ')).toBe('minjun.kim@example.co.kr');
		expect(normaliseEmail('a+tag@shop.com')).toBe('a+tag@shop.com');
	});
	it('rejects what is not an address', () => {
		for (const bad of [
			'',
			'minjun',
			'minjun@',
			'@example.com',
			'a@b',
			'a b@example.com',
			'a@@example.com',
			'a@example..com',
			'a@example.com.',
			`${'x'.repeat(250)}@example.com`,
		]) {
			expect(normaliseEmail(bad), bad).toBeNull();
		}
	});
});

describe('normalisePhone', () => {
	it('turns Korean numbers in their usual spellings into E.164', () => {
		for (const spelling of [
			'010-1234-5678',
			'01012345678',
			'+82 10 1234 5678',
			'+82-10-1234-5678',
			'+82 010 1234 5678',
			'(010) 1234.5678',
			' 010 1234 5678 ',
		]) {
			expect(normalisePhone(spelling), spelling).toBe('+821012345678');
		}
		expect(normalisePhone('02-123-4567')).toBe('+8221234567');
		expect(normalisePhone('02-1234-5678')).toBe('+82212345678');
		expect(normalisePhone('031-123-4567')).toBe('+82311234567');
		expect(normalisePhone('011-123-4567')).toBe('+82111234567');
		expect(normalisePhone('070-1234-5678')).toBe('+827012345678');
	});
	it('keeps other international numbers with 8-15 digits', () => {
		expect(normalisePhone('+1 (415) 555-0100')).toBe('+14155550100');
		expect(normalisePhone('+44 20 7946 0958')).toBe('+442079460958');
		expect(normalisePhone('+1234567')).toBeNull();
		expect(normalisePhone('+1234567890123456')).toBeNull();
	});
	it('rejects malformed numbers', () => {
		for (const bad of [
			'',
			'12345',
			'010-1234',
			'010-1234-56789',
			'1012345678',
			'0010-1234-5678',
			'+82 99 1234 5678',
			'010-CALL-ME',
			'+',
			'++821012345678',
			'+0123456789',
			'1588-1234',
		]) {
			expect(normalisePhone(bad), bad).toBeNull();
		}
	});
});
