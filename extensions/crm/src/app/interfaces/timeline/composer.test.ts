import { describe, expect, it } from 'vitest';
import { composerPayload, entryFromInteraction } from './composer';

const now = new Date('2026-03-05T01:30:00.000Z');

describe('composer payload', () => {
	it('maps call, visit and note to channel and direction, with now as occurred_at', () => {
		const payloads = (['call', 'visit', 'note'] as const).map((type) =>
			composerPayload(type, '  배송 문의 회신  ', 7, now, 'u1'),
		);
		expect(payloads.map((p) => p.ok && [p.body.channel, p.body.direction, p.body.type])).toEqual([
			['phone', 'outbound', 'call'],
			['visit', 'outbound', 'visit'],
			['store', 'internal', 'note'],
		]);
		expect(payloads[0]).toEqual({
			ok: true,
			body: {
				customer: 7,
				type: 'call',
				channel: 'phone',
				direction: 'outbound',
				status: 'done',
				subject: '배송 문의 회신',
				body: null,
				occurred_at: '2026-03-05T01:30:00.000Z',
				staff: 'u1',
			},
		});
	});

	it('makes the first line the subject (shortened to 80 characters) and keeps the whole text as body', () => {
		const long = 'x'.repeat(120);
		const multi = composerPayload('note', 'First line\r\nsecond line', 1, now);
		expect(multi.ok && [multi.body.subject, multi.body.body]).toEqual(['First line', 'First line\nsecond line']);
		const shortened = composerPayload('call', long, 1, now);
		expect(shortened.ok && shortened.body.subject).toBe(`${'x'.repeat(79)}…`);
		expect(shortened.ok && shortened.body.subject.length).toBe(80);
		expect(shortened.ok && shortened.body.body).toBe(long);
	});

	it('refuses empty text', () => {
		expect(composerPayload('call', ' \n ', 1, now)).toEqual({ ok: false, reason: 'empty' });
	});

	it('turns the created interaction into a feed entry', () => {
		const item = {
			id: 31,
			customer: 7,
			type: 'call',
			channel: 'phone',
			direction: 'outbound',
			status: 'done',
			subject: 'Hi',
			body: null,
			occurred_at: '2026-03-05T01:30:00.000Z',
			staff: 'u1',
		};
		expect(entryFromInteraction(item, 'Admin User')).toEqual({
			kind: 'interaction',
			id: 31,
			at: '2026-03-05T01:30:00.000Z',
			channel: 'phone',
			type: 'call',
			subject: 'Hi',
			value: null,
			data: { status: 'done', direction: 'outbound', body: null, staff: 'u1', staff_name: 'Admin User' },
		});
	});
});
