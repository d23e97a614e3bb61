import { describe, expect, it } from 'vitest';
import { apiErrorMessage } from './api-error';

describe('apiErrorMessage', () => {
	it("reads the message of a Directus error response, else the error's own", () => {
		expect(apiErrorMessage({ response: { data: { errors: [{ message: 'Not enough points' }] } } })).toBe(
			'Not enough points',
		);
		expect(apiErrorMessage(new Error('network'))).toBe('network');
	});
});
