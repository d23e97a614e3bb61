import { describe, expect, it } from 'vitest';
import { duplicateScore, mergedValues, parseMergeRequest, phoneKey } from '.';

describe('parseMergeRequest', () => {
	it('takes two distinct ids and choices of known fields', () => {
		expect(parseMergeRequest({ survivor: 1, merged: 2, choices: { email: 'merged' } })).toEqual({
			survivor: 1,
			merged: 2,
			choices: { email: 'merged' },
		});
	});

	it('names the field of each problem', () => {
		const fields = (body: unknown) => {
			const parsed = parseMergeRequest(body);
			return 'issues' in parsed ? parsed.issues.map((issue) => issue.field) : [];
		};
		expect(fields([])).toEqual(['body']);
		expect(fields({ survivor: 1, merged: 1 })).toEqual(['merged']);
		expect(fields({ survivor: 1.5, merged: 2 ** 60 })).toEqual(['survivor', 'merged']);
		expect(fields({ survivor: 1, merged: 2, choices: { points_balance: 'merged', email: 'both' } })).toEqual([
			'choices.points_balance',
			'choices.email',
		]);
		// Inherited keys are not choices, and a prototype key is refused as an unknown field.
		expect(fields(JSON.parse('{"survivor":1,"merged":2,"choices":{"__proto__":"merged"}}'))).toEqual([
			'choices.__proto__',
		]);
		expect(fields({ survivor: 1, merged: 2, choices: 'email' })).toEqual(['choices']);
	});
});

describe('mergedValues', () => {
	const survivor = { id: 1, full_name: '김하나', email: 'a@x.kr', phone: null, consent_sms: 1, consent_sms_at: 1000 };
	const merged = { id: 2, full_name: 'Hana Kim', email: 'b@x.kr', phone: '+821011112222', consent_sms: 0 };

	it("keeps the survivor's values, fills its empty ones and applies choices", () => {
		const values = mergedValues(survivor, merged, { full_name: 'merged' });
		expect(values).toMatchObject({ full_name: 'Hana Kim', email: 'a@x.kr', phone: '+821011112222' });
	});

	it('takes each consent from the later statement, as true/false/null', () => {
		expect(mergedValues(survivor, { ...merged, consent_sms_at: 2000 }, {})).toMatchObject({
			consent_sms: false,
			consent_sms_at: 2000,
		});
		expect(mergedValues(survivor, { ...merged, consent_sms_at: 500 }, {})).toMatchObject({
			consent_sms: true,
			consent_sms_at: 1000,
		});
		expect(mergedValues({ id: 1 }, { id: 2 }, {})).toMatchObject({ consent_email: null, consent_email_at: null });
	});

	it('never leaves the survivor referred by itself or by the merged record', () => {
		expect(mergedValues({ id: 1, referred_by: 2 }, { id: 2 }, {}).referred_by).toBeNull();
		expect(mergedValues({ id: 1 }, { id: 2, referred_by: 1 }, {}).referred_by).toBeNull();
		expect(mergedValues({ id: 1 }, { id: 2, referred_by: 7 }, {}).referred_by).toBe(7);
	});
});

describe('duplicates', () => {
	it('combines independent reasons', () => {
		expect(duplicateScore(['phone'])).toBe(0.6);
		expect(duplicateScore(['email', 'name_birthday'])).toBe(0.8);
		expect(duplicateScore(['phone', 'email', 'name_birthday', 'phone'])).toBe(0.92);
		expect(duplicateScore([])).toBe(0);
	});

	it('compares phones by their national digits', () => {
		expect(phoneKey('+82 10-9712-4198')).toBe('01097124198');
		expect(phoneKey('010-9712-4198')).toBe('01097124198');
		expect(phoneKey('(02) 123 4567')).toBe('021234567');
		expect(phoneKey('123')).toBeNull();
		expect(phoneKey(null)).toBeNull();
	});
});
