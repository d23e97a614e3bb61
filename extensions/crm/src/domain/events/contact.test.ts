import { describe, expect, it } from 'vitest';
import { formatPhone, normaliseEmail, normalisePhone, phoneSearchTerm } from './contact';

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
		// Shared-cost business numbers and a mobile number typed without its trunk 0 are valid Korean numbers too.
		expect(normalisePhone('1588-1234')).toBe('+8215881234');
		expect(normalisePhone('1012345678')).toBe('+821012345678');
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
			'0010-1234-5678',
			'+82 99 1234 5678',
			'010-CALL-ME',
			'+',
			'++821012345678',
			'+0123456789',
			'+44 7700 900123',
			'010-1234-5678'.repeat(4),
		]) {
			expect(normalisePhone(bad), bad).toBeNull();
		}
	});
});

describe('formatPhone', () => {
	it('shows Korean numbers domestically and others internationally', () => {
		expect(formatPhone('+821097124198')).toBe('010-9712-4198');
		expect(formatPhone('+8221234567')).toBe('02-123-4567');
		expect(formatPhone('+12125551234')).toBe('+1 212 555 1234');
	});
	it('leaves what it cannot read as it is', () => {
		expect(formatPhone('내선 12')).toBe('내선 12');
		expect(formatPhone('+82 99')).toBe('+82 99');
	});
});

describe('phoneSearchTerm', () => {
	it('turns a whole number in any spelling into its E.164 form', () => {
		for (const typed of ['010-9712-4198', '01097124198', '+82 10 9712 4198', ' 010 9712 4198 '])
			expect(phoneSearchTerm(typed), typed).toBe('+821097124198');
	});
	it('searches part of a number by its digits, without the trunk 0', () => {
		expect(phoneSearchTerm('9712-4198')).toBe('97124198');
		expect(phoneSearchTerm('010-9712')).toBe('109712');
		expect(phoneSearchTerm('4198')).toBe('4198');
		expect(phoneSearchTerm('+82 10 97')).toBe('+821097');
	});
	it('leaves names, e-mails, short numbers and long input alone', () => {
		for (const typed of ['김민준', 'minjun@example.kr', '123', '010', '', 'A-1234', '1'.repeat(41)])
			expect(phoneSearchTerm(typed), typed).toBeNull();
	});
});
