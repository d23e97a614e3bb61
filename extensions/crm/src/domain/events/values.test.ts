import { describe, expect, it } from 'vitest';
import { amount, customerRef, list, pastDate, quantity, readObject, text, timestamp, type Context } from './values';

const NOW = new Date('2026-03-01T12:00:00Z');
const ctx = (): Context => ({ issues: [], now: NOW, futureToleranceMs: 5 * 60_000 });
const run = <T>(check: (v: unknown, p: string, c: Context) => T | undefined, value: unknown) => {
	const c = ctx();
	return { value: check(value, 'x', c), issues: c.issues };
};

describe('amount', () => {
	it('accepts non-negative numbers with at most two decimals', () => {
		expect(run(amount, 0).value).toBe(0);
		expect(run(amount, 12000).value).toBe(12000);
		expect(run(amount, 19.99).value).toBe(19.99);
	});
	it('refuses negative, non-numeric and over-precise amounts', () => {
		expect(run(amount, -1).issues).toEqual([{ path: 'x', message: 'must not be negative' }]);
		expect(run(amount, '100').issues[0].message).toBe('must be a number');
		expect(run(amount, Number.NaN).issues[0].message).toBe('must be a number');
		expect(run(amount, 1.005).issues[0].message).toBe('must have at most 2 decimal places');
		expect(run(amount, 1e13).issues[0].message).toMatch(/at most/);
	});
});

describe('quantity', () => {
	it('is a positive integer', () => {
		expect(run(quantity, 3).value).toBe(3);
		for (const bad of [0, -1, 1.5, '2', null]) expect(run(quantity, bad).issues[0].message).toMatch(/positive integer/);
	});
});

describe('timestamp', () => {
	it('normalises to ISO UTC', () => {
		expect(run(timestamp, '2026-03-01T10:15:00+09:00').value).toBe('2026-03-01T01:15:00.000Z');
		expect(run(timestamp, '2026-03-01T12:04:00Z').value).toBe('2026-03-01T12:04:00.000Z');
	});
	it('refuses no time zone, invalid dates, the far future and the absurd past', () => {
		expect(run(timestamp, '2026-03-01T10:15:00').issues[0].message).toMatch(/time zone/);
		expect(run(timestamp, '2025-02-29T10:15:00Z').issues[0].message).toBe('is not a valid date-time');
		expect(run(timestamp, '2025-01-01T24:15:00Z').issues[0].message).toBe('is not a valid date-time');
		expect(run(timestamp, '2026-03-01T12:06:00Z').issues[0].message).toMatch(/future \(more than 5 minutes/);
		expect(run(timestamp, '1989-12-31T23:59:59Z').issues[0].message).toMatch(/before 1990/);
		expect(run(timestamp, 1709280000).issues[0].message).toMatch(/ISO 8601/);
	});
});

describe('pastDate', () => {
	it('accepts a real past date only', () => {
		expect(run(pastDate, '1990-05-17').value).toBe('1990-05-17');
		expect(run(pastDate, '1990-02-30').issues[0].message).toMatch(/YYYY-MM-DD/);
		expect(run(pastDate, '2027-01-01').issues[0].message).toMatch(/future/);
	});
});

describe('readObject', () => {
	const spec = {
		name: { check: text(10), required: true },
		note: { check: text(), nullable: true },
		tags: { check: list(text(5), 2) },
	};
	it('reports every problem with its path', () => {
		const c = ctx();
		expect(readObject({ nmae: 'a', note: 5, tags: ['ok', 'toolong'] }, 'data', c, spec)).toBeUndefined();
		expect(c.issues).toEqual([
			{ path: 'data.nmae', message: 'unknown field' },
			{ path: 'data.name', message: 'is required' },
			{ path: 'data.note', message: 'must be a string' },
			{ path: 'data.tags[1]', message: 'must be at most 5 characters' },
		]);
	});
	it('keeps null where allowed and trims strings', () => {
		const c = ctx();
		expect(readObject({ name: ' 김민준 ', note: null }, 'data', c, spec)).toEqual({ name: '김민준', note: null });
		expect(c.issues).toEqual([]);
	});
});

describe('customerRef', () => {
	it('takes exactly one key, normalised', () => {
		expect(run(customerRef, { phone: '010-1234-5678' }).value).toEqual({ phone: '+821012345678' });
		expect(run(customerRef, { email: ' A@B.CO ' }).value).toEqual({ email: 'a@b.co' });
		expect(run(customerRef, { id: 1, email: 'a@b.co' }).issues[0].message).toMatch(
			/exactly one of: id, external_id, email, phone/,
		);
		expect(run(customerRef, {}).issues[0].path).toBe('x');
		expect(run(customerRef, { email: 'nope' }).issues[0]).toEqual({
			path: 'x.email',
			message: 'is not a valid e-mail address',
		});
		expect(run(customerRef, 7).issues[0].message).toMatch(/must be an object/);
	});
});
