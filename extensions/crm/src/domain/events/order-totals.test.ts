import { describe, expect, it } from 'vitest';
import { amountIssues, linesAboveTotal, linesNet, orderTotalMismatch } from './order-totals';

describe('order lines vs total (#15 finding 6)', () => {
	it('refuses total 0 with a 1e18 line, and lines far from the total either way', () => {
		expect(orderTotalMismatch({ total: 0, lines: [{ kind: 'product', line_total: 1e18 }] })).toMatch(/more than/);
		expect(orderTotalMismatch({ total: 0, lines: [{ line_total: 50_000 }] })).toMatch(/does not match/);
		expect(orderTotalMismatch({ total: 100_000, lines: [{ line_total: 50_000 }] })).toMatch(/does not match/);
	});

	it('subtracts discount lines whatever their sign, or discount_total without them', () => {
		const lines = [
			{ quantity: 2, unit_price: 15_000 },
			{ quantity: 1, unit_price: 18_000 },
			{ kind: 'discount', quantity: 1, line_total: 3_000 },
		];
		expect(linesNet(lines)).toBe(45_000);
		expect(orderTotalMismatch({ total: 45_000, discount_total: 3_000, lines })).toBeNull();
		const negative = [
			{ line_total: 20_000 },
			{ kind: 'discount', line_total: -5_000 },
			{ kind: 'shipping', line_total: 3_000 },
		];
		expect(orderTotalMismatch({ total: 18_000, lines: negative })).toBeNull();
		expect(orderTotalMismatch({ total: 45_000, discount_total: 3_000, lines: [{ line_total: 48_000 }] })).toBeNull();
	});

	it('allows 1 % or 1.00 of rounding, and orders without lines', () => {
		expect(orderTotalMismatch({ total: 10_000, lines: [{ line_total: 10_099 }] })).toBeNull();
		expect(orderTotalMismatch({ total: 10_000, lines: [{ line_total: 10_101 }] })).not.toBeNull();
		expect(orderTotalMismatch({ total: 10, lines: [{ line_total: 11 }] })).toBeNull();
		expect(orderTotalMismatch({ total: 10, lines: [{ line_total: 11.01 }] })).not.toBeNull();
		expect(orderTotalMismatch({ total: 5_000, lines: [] })).toBeNull();
		expect(orderTotalMismatch({ total: 5_000, lines: [{ line_total: 'abc' }] })).toBe('a line amount is not a number');
	});
});

describe('order amounts through the items API', () => {
	it('bounds amounts and quantities, strings as the database sends decimals', () => {
		expect(amountIssues({ total: 1e18, discount_total: -1 }, 'order')).toEqual([
			{ field: 'total', message: 'must be a number within ±999999999999.99' },
			{ field: 'discount_total', message: 'must not be negative' },
		]);
		expect(
			amountIssues({ line_total: '1e18', quantity: 1.5, unit_price: 'abc' }, 'line', 'lines[0].').map((i) => i.field),
		).toEqual(['lines[0].unit_price', 'lines[0].line_total', 'lines[0].quantity']);
		expect(amountIssues({ total: '45000.00', line_total: -5000 }, 'order')).toEqual([]);
		expect(amountIssues({ line_total: -5000, quantity: 1 }, 'line')).toEqual([]);
	});

	it('lets lines stay below the total while an order is entered, never above', () => {
		expect(linesAboveTotal({ total: 50_000, lines: [{ line_total: 20_000 }] })).toBeNull();
		expect(linesAboveTotal({ total: 0, lines: [{ line_total: 1e12 }] })).toMatch(/more than the order total 0/);
		expect(
			linesAboveTotal({ total: 10_000, lines: [{ line_total: 12_000 }, { kind: 'discount', line_total: -2_000 }] }),
		).toBeNull();
	});
});
