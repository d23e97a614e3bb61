// Issue #15 findings 6 and 13 at the events API's door: own-property field checks, control characters, lines vs total.
import { describe, expect, it } from 'vitest';
import { validateEvent } from './validate-event';

const now = new Date('2026-03-01T12:00:00Z');
const issues = (data: unknown, type = 'customer.upsert') => {
	const result = validateEvent({ type, idempotency_key: 'k-1', data }, '', { now });
	return result.ok ? [] : result.issues.map((issue) => `${issue.path}: ${issue.message}`);
};
const order = (extra: Record<string, unknown> = {}) => ({
	external_id: 'A-1',
	customer: { external_id: 'C-1' },
	ordered_at: '2026-03-01T10:00:00+09:00',
	total: 30_000,
	lines: [{ product_name: '녹차', quantity: 2, unit_price: 15_000 }],
	...extra,
});

describe('events API bounds', () => {
	it('refuses constructor, toString and __proto__ as unknown fields', () => {
		const data = JSON.parse('{"external_id":"C-1","constructor":1,"toString":"x","__proto__":{"a":1}}');
		expect(issues(data)).toEqual([
			'data.constructor: unknown field',
			'data.toString: unknown field',
			'data.__proto__: unknown field',
		]);
		const line = JSON.parse('{"product_name":"x","quantity":1,"unit_price":30000,"hasOwnProperty":1}');
		expect(issues(order({ lines: [line] }), 'order.placed')).toEqual(['data.lines[0].hasOwnProperty: unknown field']);
	});

	it('refuses NUL and other C0 controls in text; line breaks only in long texts', () => {
		expect(issues({ external_id: 'C-1', full_name: '김\u0000민준' })).toEqual([
			'data.full_name: must not contain control characters or line breaks',
		]);
		expect(issues({ external_id: 'C\u001b-1' })).toEqual([
			'data.external_id: must not contain control characters or line breaks',
		]);
		expect(issues({ external_id: 'C-1', notes: '첫 줄\n둘째 줄\t끝' })).toEqual([]);
		expect(issues({ external_id: 'C-1', notes: 'a\u0007b' })).toEqual([
			'data.notes: must not contain control characters (other than tab and line breaks)',
		]);
	});

	it('refuses lines that do not add up to the total (total 0 with a huge line)', () => {
		expect(issues(order(), 'order.placed')).toEqual([]);
		expect(issues(order({ total: 0 }), 'order.placed')).toEqual([
			expect.stringMatching(/^data\.total: does not match the lines: they add up to 30000/),
		]);
		const huge = order({ total: 0, lines: [{ product_name: 'x', quantity: 1_000, unit_price: 999_999_999_999 }] });
		expect(issues(huge, 'order.placed')).toEqual([
			expect.stringMatching(/^data\.total: the lines add up to more than/),
		]);
		const discounted = order({
			total: 27_000,
			discount_total: 3_000,
			lines: [
				{ product_name: '녹차', quantity: 2, unit_price: 15_000 },
				{ kind: 'discount', product_name: '할인', quantity: 1, line_total: 3_000 },
			],
		});
		expect(issues(discounted, 'order.placed')).toEqual([]);
		expect(issues({ ...order({ total: 1 }) }, 'order.paid')).toEqual([expect.stringMatching(/^data\.total: /)]);
	});
});
