import { describe, expect, it } from 'vitest';
import { linesNet, orderTotalMismatch } from './order-totals';

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
