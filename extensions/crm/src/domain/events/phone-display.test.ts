import { describe, expect, it } from 'vitest';
import { formatPhone } from './contact';
import { displayPhone } from './phone-display';

describe('displayPhone', () => {
	it('shows stored numbers as the server formats them', () => {
		for (const stored of ['+821097124198', '+8221234567', '+82311234567', '+12125551234', '+442079460958'])
			expect(displayPhone(stored), stored).toBe(formatPhone(stored));
		expect(displayPhone('+821097124198')).toBe('010-9712-4198');
	});
	it('leaves what is not a number as it is', () => {
		expect(displayPhone('내선 12')).toBe('내선 12');
		expect(displayPhone('+82')).toBe('+82');
	});
});
