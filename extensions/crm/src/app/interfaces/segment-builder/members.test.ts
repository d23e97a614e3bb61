import { describe, expect, it } from 'vitest';
import {
	formatWhen,
	MAX_MEMBER_PAGES,
	memberRows,
	membersQuery,
	pageCount,
	readSegmentState,
	refreshState,
} from './members';

describe('segment members list', () => {
	it('asks for one page of current members, newest first, with the total', () => {
		expect(membersQuery(7, 3)).toEqual({
			filter: '{"segment":{"_eq":7},"left_at":{"_null":true}}',
			fields: 'id,entered_at,customer.id,customer.full_name,customer.email',
			sort: '-entered_at,id',
			limit: 20,
			page: 3,
			meta: 'filter_count',
		});
		expect(membersQuery(7, 0).page).toBe(1);
		expect(membersQuery(7, 1.5).page).toBe(1);
		expect(membersQuery(7, Number.MAX_SAFE_INTEGER).page).toBe(MAX_MEMBER_PAGES);
	});

	it('turns rows into names that link to the customer, falling back to the e-mail or the id', () => {
		expect(
			memberRows([
				{ id: 1, entered_at: '2026-12-01T00:00:00Z', customer: { id: 5, full_name: '김민지', email: 'm@x.kr' } },
				{ id: 2, entered_at: null, customer: { id: 6, full_name: null, email: 'j@x.kr' } },
				{ id: 3, customer: { id: 8 } },
				{ id: 4, customer: null },
				null,
			]),
		).toEqual([
			{ id: 5, name: '김민지', email: 'm@x.kr', enteredAt: '2026-12-01T00:00:00Z', to: '/content/crm_customers/5' },
			{ id: 6, name: 'j@x.kr', email: 'j@x.kr', enteredAt: null, to: '/content/crm_customers/6' },
			{ id: 8, name: '#8', email: '', enteredAt: null, to: '/content/crm_customers/8' },
		]);
		expect(memberRows('nope')).toEqual([]);
	});

	it('counts pages, at least one and bounded', () => {
		expect(pageCount(0)).toBe(1);
		expect(pageCount(20)).toBe(1);
		expect(pageCount(21)).toBe(2);
		expect(pageCount(Number.NaN)).toBe(1);
		expect(pageCount(1e12)).toBe(MAX_MEMBER_PAGES);
	});

	it('says "never refreshed" for a dynamic segment without a refresh time', () => {
		expect(refreshState(readSegmentState({ kind: 'dynamic', member_count: 0, refreshed_at: null }))).toBe('never');
		expect(
			refreshState(readSegmentState({ kind: 'dynamic', member_count: 3, refreshed_at: '2026-12-04T09:00:00Z' })),
		).toBe('refreshed');
		expect(refreshState(readSegmentState({ kind: 'static', member_count: 2 }))).toBe('static');
		expect(readSegmentState({ member_count: '12' })).toEqual({ kind: 'dynamic', memberCount: 12, refreshedAt: null });
		expect(readSegmentState({ member_count: -1 }).memberCount).toBe(0);
	});

	it('formats the refresh time in the language and time zone', () => {
		expect(formatWhen('2026-12-04T09:30:00Z', 'ko-KR', 'Asia/Seoul')).toBe('2026. 12. 4. 오후 6:30');
		expect(formatWhen('2026-12-04T09:30:00Z', 'en-US', 'UTC')).toBe('Dec 4, 2026, 9:30 AM');
		expect(formatWhen(null, 'en-US')).toBe('');
		expect(formatWhen('not a date', 'en-US')).toBe('');
	});
});
