import { describe, expect, it } from 'vitest';
import { supportedZones, utcOffset, zoneItems } from './zones';

const NOW = new Date('2026-12-04T12:00:00Z');

describe('time zone select', () => {
	it('lists the IANA zones the runtime supports, with their offset now', () => {
		const zones = supportedZones();
		expect(zones).toContain('Asia/Seoul');
		expect(zones.length).toBeGreaterThan(300);
		const items = zoneItems(zones, 'Asia/Seoul', NOW);
		expect(items.find((item) => item.value === 'Asia/Seoul')).toEqual({
			value: 'Asia/Seoul',
			text: 'Asia/Seoul (+09:00)',
		});
		expect(items.find((item) => item.value === 'UTC')?.text).toBe('UTC (+00:00)');
		expect(items.map((item) => item.value)).toEqual([...items.map((item) => item.value)].sort());
	});

	it('follows daylight saving time', () => {
		expect(utcOffset('Europe/Berlin', new Date('2026-07-01T12:00:00Z'))).toBe('+02:00');
		expect(utcOffset('Europe/Berlin', NOW)).toBe('+01:00');
	});

	it('keeps a stored zone this runtime does not list, and ignores unknown names for the offset', () => {
		const items = zoneItems(['Asia/Seoul'], 'Mars/Olympus', NOW);
		expect(items).toEqual([
			{ value: 'Asia/Seoul', text: 'Asia/Seoul (+09:00)' },
			{ value: 'Mars/Olympus', text: 'Mars/Olympus' },
			{ value: 'UTC', text: 'UTC (+00:00)' },
		]);
		expect(utcOffset('Mars/Olympus', NOW)).toBe('');
	});
});
