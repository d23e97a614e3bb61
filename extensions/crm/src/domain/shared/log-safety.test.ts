import { describe, expect, it } from 'vitest';
import { redactDbError, safeReason } from './log-safety';

const knexError = () => {
	const error = new Error(
		"select * from crm_customers where email in ('kim@example.kr', 'lee@example.kr') - SQLITE_ERROR: too many SQL variables",
	);
	Object.assign(error, { code: 'SQLITE_ERROR', detail: 'Key (email)=(kim@example.kr) already exists.' });
	return error;
};

describe('errors without their SQL (#15 finding 5)', () => {
	it('keeps the driver message and the code, never the statement, values or detail', () => {
		const safe = redactDbError(knexError()) as Error & { code?: string; detail?: string };
		expect(safe.message).toBe('database error (statement left out of the log): SQLITE_ERROR: too many SQL variables');
		expect(safe.code).toBe('SQLITE_ERROR');
		expect(safe.detail).toBeUndefined();
		expect(`${safe.message}${safe.stack}`).not.toContain('example.kr');
	});

	it('shortens reasons and leaves quoted values out; other errors pass unchanged', () => {
		expect(safeReason(new Error('invalid input syntax for type integer: "abc"'))).toBe(
			'invalid input syntax for type integer: …',
		);
		expect(safeReason(new Error('x'.repeat(1000)))).toHaveLength(301);
		const plain = new Error('segment 4 not found');
		expect(redactDbError(plain)).toBe(plain);
	});
});
