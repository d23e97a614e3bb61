import { describe, expect, it } from 'vitest';
import { translator } from './i18n';
import { duplicateRows, fieldChoices, movesText, pointsText, type PreviewData } from './view';

const ko = translator('ko-KR');
const en = translator('en-US');

describe('duplicates card', () => {
	it('names the other record of each pair, its reasons and likelihood, in the user language', () => {
		const pairs = [
			{
				a: 3,
				b: 9,
				a_name: '김하나',
				b_name: 'Hana Kim',
				reasons: ['email' as const, 'name_birthday' as const],
				score: 0.8,
			},
			{ a: 1, b: 3, a_name: null, b_name: '김하나', reasons: ['phone' as const], score: 0.6 },
		];
		expect(duplicateRows(pairs, 3, ko)).toEqual([
			{
				other: 9,
				name: 'Hana Kim',
				to: '/content/crm_customers/9',
				reasons: '같은 이메일 · 같은 이름과 생일',
				likelihood: '일치 가능성 80%',
			},
			{ other: 1, name: '#1', to: '/content/crm_customers/1', reasons: '같은 전화번호', likelihood: '일치 가능성 60%' },
		]);
		expect(duplicateRows(pairs.slice(1), 3, en)[0]).toMatchObject({
			reasons: 'same phone',
			likelihood: '60% likely the same',
		});
	});

	it('asks only about fields both records fill differently, and says what moves', () => {
		const preview: PreviewData = {
			survivor: { full_name: '김하나', email: 'a@x.kr', phone: null, tags: ['vip'] },
			merged: { full_name: '김하나', email: 'b@x.kr', phone: '+821011112222', tags: ['web'] },
			moves: { crm_orders: 2, crm_points_ledger: 5, crm_segment_members: 1 },
			points: { survivor: 1200, merged: 34_000, combined: 35_200 },
		};
		expect(fieldChoices(preview, ko)).toEqual([
			{ field: 'email', label: '이메일', survivor: 'a@x.kr', merged: 'b@x.kr' },
			{ field: 'tags', label: '태그', survivor: 'vip', merged: 'web' },
		]);
		expect(movesText(preview, ko)).toBe('옮겨질 기록: 주문 2건, 상담 0건, 포인트 내역 5건, 메시지 0건, 세그먼트 1건');
		expect(pointsText(preview, ko)).toBe('포인트: 1,200P + 34,000P = 35,200P');
	});
});
