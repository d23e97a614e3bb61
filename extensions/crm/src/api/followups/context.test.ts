import { describe, expect, it } from 'vitest';
import { dispatchDeps } from './context';
import type { OutgoingMessage } from './providers';

const message: OutgoingMessage = {
	outboxId: 9,
	idempotencyKey: 'crm-outbox-9',
	channel: 'email',
	customer: 1,
	to: 'jiwoo@example.kr',
	subject: '안내',
	body: '<p>안녕하세요</p>',
	marketing: false,
};

describe('dispatcher dependencies', () => {
	it('builds the mail service again after a failed schema read instead of failing every later e-mail', async () => {
		let schemaReads = 0;
		const sent: Record<string, unknown>[] = [];
		class MailService {
			async send(data: Record<string, unknown>) {
				sent.push(data);
				return { messageId: '<m1@example.kr>' };
			}
		}
		const getSchema = async () => {
			// The first read happens while the database is down.
			if (++schemaReads === 1) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
			return {};
		};
		const deps = dispatchDeps({
			database: null as never,
			services: { MailService },
			getSchema,
			env: {},
			logger: { error: () => undefined },
		});
		await expect(deps.adapters.email.send(message)).rejects.toMatchObject({
			permanent: false,
			message: expect.stringContaining('ECONNREFUSED'),
		});
		expect(await deps.adapters.email.send(message)).toEqual({ providerId: '<m1@example.kr>' });
		expect(await deps.adapters.email.send(message)).toEqual({ providerId: '<m1@example.kr>' });
		expect(schemaReads).toBe(2);
		expect(sent).toHaveLength(2);
	});
});
