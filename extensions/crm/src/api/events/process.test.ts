import { describe, expect, it } from 'vitest';
import { EventRejection } from '../../domain/events/rejection';
import { isUniqueViolation } from '../../data/events/journal';
import { toRejection } from './process';

describe('toRejection', () => {
	it("keeps the CRM's own rejections", () => {
		const rejection = new EventRejection(422, 'UNKNOWN_CUSTOMER', 'data.customer', 'no customer');
		expect(toRejection(rejection)).toBe(rejection);
	});
	it('maps Directus errors from the ItemsService to a path under data', () => {
		expect(
			toRejection({
				status: 400,
				code: 'RECORD_NOT_UNIQUE',
				message: 'Value has to be unique.',
				extensions: { collection: 'crm_customers', field: 'email' },
			}),
		).toMatchObject({ status: 409, code: 'CONFLICT', path: 'data.email', journal: true });
		expect(
			toRejection({
				status: 400,
				code: 'VALUE_TOO_LONG',
				message: 'too long',
				extensions: { collection: 'crm_order_lines', field: 'product_name' },
			}),
		).toMatchObject({ status: 400, path: 'data.lines' });
		expect(toRejection({ status: 403, code: 'FORBIDDEN', message: "You don't have permission" })).toMatchObject({
			status: 403,
			code: 'FORBIDDEN',
			journal: false,
		});
	});
	it('leaves server errors alone', () => {
		expect(toRejection(new Error('connection lost'))).toBeNull();
		expect(toRejection({ status: 500, code: 'INTERNAL' })).toBeNull();
		expect(toRejection(null)).toBeNull();
	});
});

describe('isUniqueViolation', () => {
	it('recognises PostgreSQL and SQLite unique violations', () => {
		expect(isUniqueViolation({ code: '23505' })).toBe(true);
		expect(
			isUniqueViolation({
				code: 'SQLITE_CONSTRAINT',
				message: 'SQLITE_CONSTRAINT: UNIQUE constraint failed: crm_events.idempotency_key',
			}),
		).toBe(true);
		expect(isUniqueViolation({ code: 'SQLITE_CONSTRAINT', message: 'NOT NULL constraint failed' })).toBe(false);
		expect(isUniqueViolation(undefined)).toBe(false);
	});
});
