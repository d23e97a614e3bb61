import { describe, expect, it } from 'vitest';
import { localDayBounds, zoneOffsetMs } from './local-day';

describe('local calendar days', () => {
	it('knows Seoul is nine hours ahead of UTC and New York four or five behind', () => {
		expect(zoneOffsetMs(new Date('2026-07-01T12:00:00Z'), 'Asia/Seoul')).toBe(9 * 3_600_000);
		expect(zoneOffsetMs(new Date('2026-07-01T12:00:00Z'), 'America/New_York')).toBe(-4 * 3_600_000);
		expect(zoneOffsetMs(new Date('2026-01-01T12:00:00Z'), 'America/New_York')).toBe(-5 * 3_600_000);
	});

	it('puts 23:30 UTC in the next Seoul day, which starts at 15:00 UTC', () => {
		const { start, end } = localDayBounds(new Date('2026-03-10T23:30:00Z'), 'Asia/Seoul');
		expect(start.toISOString()).toBe('2026-03-10T15:00:00.000Z');
		expect(end.toISOString()).toBe('2026-03-11T15:00:00.000Z');
	});

	it('treats local midnight as the start of its own day', () => {
		const { start } = localDayBounds(new Date('2026-03-10T15:00:00Z'), 'Asia/Seoul');
		expect(start.toISOString()).toBe('2026-03-10T15:00:00.000Z');
		expect(localDayBounds(new Date('2026-03-10T14:59:59Z'), 'Asia/Seoul').start.toISOString()).toBe(
			'2026-03-09T15:00:00.000Z',
		);
	});
});
