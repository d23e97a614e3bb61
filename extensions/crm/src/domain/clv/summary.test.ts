import { describe, it, expect } from 'vitest';
import { summarizeTransactions, toDayNumber, type Transaction } from './summary';

const transactions: Transaction[] = [
	{ customerId: 'ann', date: '2024-01-01', amount: 10 },
	{ customerId: 'ann', date: '2024-01-01', amount: 5 }, // same day: merged into the first purchase
	{ customerId: 'ann', date: '2024-01-08', amount: 20 },
	{ customerId: 'ann', date: new Date(Date.UTC(2024, 0, 15, 18, 30)), amount: 7 },
	{ customerId: 'ann', date: '2024-01-15', amount: 3 }, // same day as the Date above
	{ customerId: 'ann', date: '2024-02-01', amount: 999 }, // after calibration: ignored
	{ customerId: 'bob', date: '2024-01-22', amount: 42 },
	{ customerId: 'cat', date: '2024-02-02', amount: 1 }, // first purchase after calibration
];

describe('summarizeTransactions', () => {
	it('merges same-day purchases and ignores purchases after the calibration end (weeks)', () => {
		const summaries = summarizeTransactions(transactions, { calibrationEnd: '2024-01-29', timeUnit: 'weeks' });
		expect(summaries).toEqual([
			{ customerId: 'ann', frequency: 2, recency: 2, age: 4, meanRepeatValue: 15 },
			{ customerId: 'bob', frequency: 0, recency: 0, age: 1, meanRepeatValue: null },
		]);
	});

	it('measures time in days and includes purchases on the calibration end day', () => {
		const summaries = summarizeTransactions(transactions, {
			calibrationEnd: new Date(Date.UTC(2024, 1, 1)),
			timeUnit: 'days',
		});
		const ann = summaries.find((summary) => summary.customerId === 'ann');
		expect(ann).toEqual({
			customerId: 'ann',
			frequency: 3,
			recency: 31,
			age: 31,
			meanRepeatValue: (20 + 10 + 999) / 3,
		});
		expect(summaries.map((summary) => summary.customerId)).toEqual(['ann', 'bob']);
	});

	it('does not depend on the input order', () => {
		const reversed = summarizeTransactions([...transactions].reverse(), {
			calibrationEnd: '2024-01-29',
			timeUnit: 'weeks',
		});
		const ann = reversed.find((summary) => summary.customerId === 'ann');
		expect(ann).toMatchObject({ frequency: 2, recency: 2, age: 4, meanRepeatValue: 15 });
	});

	it('returns nothing for no transactions', () => {
		expect(summarizeTransactions([], { calibrationEnd: '2024-01-01', timeUnit: 'days' })).toEqual([]);
	});

	it('rejects bad dates and amounts', () => {
		const options = { calibrationEnd: '2024-01-29', timeUnit: 'days' } as const;
		expect(() => summarizeTransactions([{ customerId: 'a', date: '2024-1-5', amount: 1 }], options)).toThrow(
			RangeError,
		);
		expect(() => summarizeTransactions([{ customerId: 'a', date: '2024-02-30', amount: 1 }], options)).toThrow(
			RangeError,
		);
		expect(() => summarizeTransactions([{ customerId: 'a', date: '2024-01-05', amount: Number.NaN }], options)).toThrow(
			RangeError,
		);
		expect(() => summarizeTransactions([{ customerId: 'a', date: new Date(Number.NaN), amount: 1 }], options)).toThrow(
			RangeError,
		);
	});
});

describe('toDayNumber', () => {
	it('counts UTC calendar days since 1970-01-01', () => {
		expect(toDayNumber('1970-01-01')).toBe(0);
		expect(toDayNumber('1997-09-30') - toDayNumber('1997-01-01')).toBe(272);
		expect(toDayNumber(new Date(Date.UTC(1970, 0, 2, 23, 59)))).toBe(1);
	});
});
