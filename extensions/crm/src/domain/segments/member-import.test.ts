import { describe, expect, it } from 'vitest';
import {
	detectKeyColumn,
	keyOfColumn,
	matchRows,
	normaliseKey,
	planMembership,
	readMemberUpload,
} from './member-import';

const upload = (body: unknown) => {
	const result = readMemberUpload(body);
	if (!result.ok) throw new Error(JSON.stringify(result.issues));
	return result.upload;
};
const issues = (body: unknown) => {
	const result = readMemberUpload(body);
	return result.ok ? [] : result.issues.map((i) => i.path);
};

describe('member upload columns', () => {
	it('knows CRM ids, external ids, e-mails and phones by the names people give them, Korean included', () => {
		expect(
			['id', 'ID', 'crm_id', 'external_id', '회원번호', 'E-mail', '이메일', '휴대폰', 'phone', 'name'].map(keyOfColumn),
		).toEqual(['id', 'id', 'id', 'external_id', 'external_id', 'email', 'email', 'phone', 'phone', null]);
	});
	it('prefers the most precise key when several columns could identify customers', () => {
		expect(detectKeyColumn(['이름', '휴대폰', '이메일'])).toEqual({ column: '이메일', key: 'email' });
		expect(detectKeyColumn(['email', 'id'])).toEqual({ column: 'id', key: 'id' });
		expect(detectKeyColumn(['email', 'id'], 'email')).toEqual({ column: 'email', key: 'email' });
		expect(detectKeyColumn(['이름', '메모'])).toBeNull();
	});
	it('normalises keys to the stored form and says why a cell cannot match', () => {
		expect(normaliseKey('email', ' Minjun@Example.COM ')).toEqual({ value: 'minjun@example.com' });
		expect(normaliseKey('phone', '010-1234-5678')).toEqual({ value: '+821012345678' });
		expect(normaliseKey('id', '42')).toEqual({ value: 42 });
		expect(normaliseKey('external_id', ' A-1 ')).toEqual({ value: 'A-1' });
		expect(normaliseKey('id', '4.2')).toEqual({ value: null, reason: 'not a customer id' });
		expect(normaliseKey('id', '0')).toEqual({ value: null, reason: 'not a customer id' });
		expect(normaliseKey('email', 'minjun@')).toEqual({ value: null, reason: 'not a valid e-mail address' });
		expect(normaliseKey('phone', '12345')).toEqual({ value: null, reason: 'not a valid phone number' });
		expect(normaliseKey('email', '  ')).toEqual({ value: null, reason: 'empty' });
	});
});

describe('readMemberUpload', () => {
	it('reads CSV text with the customer import parser (BOM, quotes) and numbers data rows from 1', () => {
		const result = upload({
			csv: '\uFEFF이름,이메일\r\n"김, 민준",MINJUN@example.com\r\n박서연,\r\n',
			mode: 'replace',
			dry_run: true,
		});
		expect(result).toEqual({
			mode: 'replace',
			dryRun: true,
			column: '이메일',
			key: 'email',
			rows: [
				{ row: 1, raw: 'MINJUN@example.com', value: 'minjun@example.com' },
				{ row: 2, raw: '', value: null, reason: 'empty' },
			],
		});
	});
	it('reads JSON rows, and a named column with what it holds', () => {
		expect(
			upload({
				rows: [{ customer: 7 }, { customer: '8' }, { customer: null }],
				column: 'customer',
				match: 'id',
			}).rows.map((r) => r.value),
		).toEqual([7, 8, null]);
		expect(upload({ rows: [{ email: 'a@b.co' }] })).toMatchObject({ mode: 'add', dryRun: false, key: 'email' });
		// A single unnamed column is fine when the caller says what it holds.
		expect(upload({ csv: 'x\n+82 10 1234 5678\n', match: 'phone' }).rows[0].value).toBe('+821012345678');
	});
	it('names the offending key for bad input', () => {
		expect(issues(null)).toEqual(['csv']);
		expect(issues({})).toEqual(['csv']);
		expect(issues({ csv: 'email\na@b.co', rows: [{ email: 'a@b.co' }] })).toEqual(['csv']);
		expect(issues({ csv: 'email\n"a@b.co' })).toEqual(['csv']);
		expect(issues({ csv: 42 })).toEqual(['csv']);
		expect(issues({ rows: [] })).toEqual(['rows']);
		expect(issues({ rows: ['a@b.co'] })).toEqual(['rows']);
		expect(issues({ csv: 'email\na@b.co', mode: 'merge', dry_run: 'yes', match: 'name' })).toEqual([
			'mode',
			'dry_run',
			'match',
		]);
		expect(issues({ csv: 'email\na@b.co', column: 'mail' })).toEqual(['column']);
		expect(issues({ csv: 'memo\nhello' })).toEqual(['column']);
		expect(issues({ csv: 'memo\nhello', column: 'memo' })).toEqual(['match']);
	});
});

describe('matching and membership', () => {
	it('reports matched and unmatched rows by row number, counting a repeated customer once', () => {
		const rows = upload({ csv: 'email\na@b.co\nnobody@b.co\nbad\nA@B.CO\n' }).rows;
		expect(matchRows(rows, 'email', new Map([['a@b.co', 5]]))).toEqual({
			matched: [
				{ row: 1, customer: 5 },
				{ row: 4, customer: 5 },
			],
			unmatched: [
				{ row: 2, value: 'nobody@b.co', reason: 'no customer with this email' },
				{ row: 3, value: 'bad', reason: 'not a valid e-mail address' },
			],
			customers: [5],
		});
	});
	it('adds only newcomers; replace also lets go of members not in the upload', () => {
		expect(planMembership([1, 2, 3], [3, 4, 4], 'add')).toEqual({ enter: [4], leave: [] });
		expect(planMembership([1, 2, 3], [3, 4], 'replace')).toEqual({ enter: [4], leave: [1, 2] });
		expect(planMembership([], [], 'replace')).toEqual({ enter: [], leave: [] });
	});
});
