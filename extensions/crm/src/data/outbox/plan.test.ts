import { describe, expect, it } from 'vitest';
import type { FollowupRule, FollowupSettings } from '../followups/rules-repo';
import { plannedRows } from './plan';

const rule = {
	id: 4,
	trigger: 'order_paid',
	delayMinutes: 60,
	marketing: true,
	holdoutPercent: 0,
	template: 9,
	action: 'email',
} as FollowupRule;
const settings = { timeZone: 'Asia/Seoul', quiet: { start: '21:00', end: '08:00' } } as FollowupSettings;
const at = new Date('2026-05-01T11:30:00Z'); // 20:30 in Seoul: +60 min lands in quiet hours

describe('planned outbox rows', () => {
	it('keys each row by rule, customer and occurrence and moves advertising out of quiet hours unless night consent', () => {
		const customers = new Map<number, Record<string, unknown>>([
			[1, { consent_night: false }],
			[2, { consent_night: true }],
			[3, { consent_night: 0, timezone: 'America/New_York' }],
		]);
		const rows = plannedRows(
			rule,
			[1, 2, 3, 99].map((customer) => ({ customer, occurrence: 'order:5', triggerAt: at, context: { order: 5 } })),
			customers,
			settings,
		);
		expect(rows.map((row) => row.dedupe_key)).toEqual([
			'rule:4:customer:1:order:5',
			'rule:4:customer:2:order:5',
			'rule:4:customer:3:order:5',
		]);
		expect(rows[0].due_at.toISOString()).toBe('2026-05-01T23:00:00.000Z'); // 08:00 the next morning in Seoul
		expect(rows[1].due_at.toISOString()).toBe('2026-05-01T12:30:00.000Z');
		expect(rows[2].due_at.toISOString()).toBe('2026-05-01T12:30:00.000Z'); // 08:30 in New York: not quiet there
		expect(rows[0]).toMatchObject({
			status: 'scheduled',
			channel: 'email',
			template: 9,
			marketing: true,
			context: { trigger: 'order_paid', order: 5 },
		});
	});

	it('records held-out customers with status held_out', () => {
		const customers = new Map(Array.from({ length: 200 }, (_, i) => [i + 1, {}] as [number, Record<string, unknown>]));
		const rows = plannedRows(
			{ ...rule, holdoutPercent: 25 },
			[...customers.keys()].map((customer) => ({ customer, occurrence: 'x', triggerAt: at })),
			customers,
			settings,
		);
		const held = rows.filter((row) => row.status === 'held_out').length;
		expect(held).toBeGreaterThan(30);
		expect(held).toBeLessThan(70);
	});
});
