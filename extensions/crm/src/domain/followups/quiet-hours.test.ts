import { describe, expect, it } from 'vitest';
import { DEFAULT_QUIET_HOURS, deliveryTime, dueAt, endOfQuietHours, inQuietHours } from './quiet-hours';

const seoul = 'Asia/Seoul';
const ad = { marketing: true, nightConsent: false, quiet: DEFAULT_QUIET_HOURS, timeZone: seoul };
// Seoul is UTC+9: 21:00 KST = 12:00 UTC, 08:00 KST = 23:00 UTC the day before.
const kst = (iso: string) => new Date(`${iso}+09:00`);

describe('quiet hours (21:00-08:00 local)', () => {
	it('knows which local times are quiet, edges included at the start and excluded at the end', () => {
		expect(inQuietHours(kst('2026-05-01T20:59:00'), DEFAULT_QUIET_HOURS, seoul)).toBe(false);
		expect(inQuietHours(kst('2026-05-01T21:00:00'), DEFAULT_QUIET_HOURS, seoul)).toBe(true);
		expect(inQuietHours(kst('2026-05-02T03:00:00'), DEFAULT_QUIET_HOURS, seoul)).toBe(true);
		expect(inQuietHours(kst('2026-05-02T07:59:00'), DEFAULT_QUIET_HOURS, seoul)).toBe(true);
		expect(inQuietHours(kst('2026-05-02T08:00:00'), DEFAULT_QUIET_HOURS, seoul)).toBe(false);
		expect(inQuietHours(kst('2026-05-02T03:00:00'), { start: '08:00', end: '08:00' }, seoul)).toBe(false);
		expect(inQuietHours(kst('2026-05-02T03:00:00'), { start: '01:00', end: '06:00' }, seoul)).toBe(true);
		expect(inQuietHours(kst('2026-05-02T07:00:00'), { start: '01:00', end: '06:00' }, seoul)).toBe(false);
	});

	it('moves an advertising message due in the evening to 08:00 the next morning, and one after midnight to 08:00 that morning', () => {
		expect(deliveryTime(kst('2026-05-01T22:30:00'), ad).toISOString()).toBe(kst('2026-05-02T08:00:00').toISOString());
		expect(deliveryTime(kst('2026-05-02T02:15:00'), ad).toISOString()).toBe(kst('2026-05-02T08:00:00').toISOString());
		expect(deliveryTime(kst('2026-12-31T23:00:00'), ad).toISOString()).toBe(kst('2027-01-01T08:00:00').toISOString());
	});

	it('leaves transactional messages and customers with night consent alone', () => {
		const at = kst('2026-05-01T22:30:00');
		expect(deliveryTime(at, { ...ad, marketing: false })).toBe(at);
		expect(deliveryTime(at, { ...ad, nightConsent: true })).toBe(at);
		expect(deliveryTime(kst('2026-05-01T12:00:00'), ad).toISOString()).toBe(kst('2026-05-01T12:00:00').toISOString());
	});

	it('adds the delay before applying quiet hours', () => {
		// Paid at 18:00, three hours later is 21:00: quiet, so 08:00 the next day.
		expect(dueAt(kst('2026-05-01T18:00:00'), 180, ad).toISOString()).toBe(kst('2026-05-02T08:00:00').toISOString());
		expect(dueAt(kst('2026-05-01T18:00:00'), 179, ad).toISOString()).toBe(kst('2026-05-01T20:59:00').toISOString());
		expect(dueAt(kst('2026-05-01T18:00:00'), 3 * 24 * 60, { ...ad, marketing: false }).toISOString()).toBe(
			kst('2026-05-04T18:00:00').toISOString(),
		);
	});

	it("uses the customer's own time zone, across daylight saving changes", () => {
		const ny = { ...ad, timeZone: 'America/New_York' };
		// 2026-03-08 is the US spring-forward night: 08:00 EDT = 12:00 UTC.
		expect(
			endOfQuietHours(new Date('2026-03-08T06:00:00Z'), DEFAULT_QUIET_HOURS, 'America/New_York').toISOString(),
		).toBe('2026-03-08T12:00:00.000Z');
		expect(deliveryTime(new Date('2026-01-10T03:00:00Z'), ny).toISOString()).toBe('2026-01-10T13:00:00.000Z');
	});
});
