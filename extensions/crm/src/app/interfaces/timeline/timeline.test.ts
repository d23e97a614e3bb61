import { describe, expect, it } from 'vitest';
import { translator } from './i18n';
import {
	channelChips,
	entryIcon,
	kindChips,
	matchesFilters,
	rememberChannels,
	timelineParams,
	toFeedView,
	toggleChip,
	type TimelineEntry,
} from './timeline';

const ko = translator('ko-KR');
const en = translator('en-US');
const entry = (over: Partial<TimelineEntry>): TimelineEntry => ({
	kind: 'interaction',
	id: 1,
	at: '2026-03-05T01:30:00.000Z',
	channel: null,
	type: null,
	subject: null,
	value: null,
	data: {},
	...over,
});

describe('timeline entries', () => {
	it('titles each kind in Korean', () => {
		const rows = toFeedView(
			[
				entry({
					kind: 'order',
					id: 9,
					type: 'paid',
					value: 125000,
					channel: 'web',
					subject: 'A-1001',
					data: { currency: 'KRW', lines: 3 },
				}),
				entry({
					kind: 'interaction',
					id: 4,
					type: 'call',
					channel: 'phone',
					subject: '배송 문의',
					data: { body: '배송 문의\n내일 도착 예정 안내', direction: 'inbound', status: 'open', staff_name: '김담당' },
				}),
				entry({ kind: 'feedback', id: 2, type: 'nps', value: 9, subject: '친절해요', channel: 'web' }),
				entry({ kind: 'points', id: 7, type: 'earn', value: 1250, subject: 'order 9' }),
				entry({
					kind: 'history',
					id: 3,
					type: 'stage',
					data: { from: 'customer', to: 'regular' },
					subject: 'rule: 3 orders',
				}),
				entry({ kind: 'message', id: 5, type: 'kakao', subject: '봄 세일 안내' }),
			],
			ko,
			'Asia/Seoul',
		);
		expect(rows.map((r) => r.title)).toEqual([
			'주문 ₩125,000 · 결제 완료',
			'통화: 배송 문의',
			'NPS 9점',
			'포인트 적립 +1,250P',
			'관계 단계 변경: 고객 → 단골',
			'발송 메시지 · kakao · 봄 세일 안내',
		]);
		expect(rows.map((r) => r.detail)).toEqual([
			'A-1001 · 상품 3개',
			'배송 문의\n내일 도착 예정 안내',
			'친절해요',
			'order 9',
			'rule: 3 orders',
			null,
		]);
		expect(rows[1]).toMatchObject({
			icon: 'call',
			open: true,
			meta: '오전 10:30 · 전화 · 수신 · 김담당',
			key: 'interaction:4',
		});
		expect(rows[0]!.day).toMatch(/^2026년 3월 5일 \(?목\)?$/);
		expect(rows.slice(1).every((r) => r.day === null)).toBe(true);
	});

	it('starts a day heading whenever the day changes, and titles in English', () => {
		const rows = toFeedView(
			[
				entry({ type: 'note', subject: 'VIP' }),
				entry({ id: 2, at: '2026-03-03T05:00:00.000Z', kind: 'feedback', type: 'csat', value: 4 }),
			],
			en,
			'UTC',
		);
		expect(rows.map((r) => [r.title, r.day])).toEqual([
			['Note: VIP', 'Thu, March 5, 2026'],
			['CSAT 4/5', 'Tue, March 3, 2026'],
		]);
	});

	it('hides an interaction body equal to its subject and falls back to kind icons', () => {
		expect(toFeedView([entry({ type: 'note', subject: 'same', data: { body: 'same' } })], en)[0]!.detail).toBeNull();
		expect(entryIcon({ kind: 'order', type: 'refunded' })).toBe('currency_exchange');
		expect(entryIcon({ kind: 'interaction', type: 'unknown' })).toBe('forum');
		expect(entryIcon({ kind: 'brand_new', type: null })).toBe('radio_button_checked');
	});
});

describe('filter chips', () => {
	it('toggles values on and off', () => {
		expect(toggleChip([], 'order')).toEqual(['order']);
		expect(toggleChip(['order', 'points'], 'order')).toEqual(['points']);
	});

	it('labels kind chips and marks the selected ones', () => {
		expect(kindChips(['order', 'interaction'], ['interaction'], ko)).toEqual([
			{ value: 'order', label: '주문', active: false },
			{ value: 'interaction', label: '상호작용', active: true },
		]);
	});

	it('offers the channels seen so far plus the selected ones, known channels first', () => {
		const seen = rememberChannels(
			['web'],
			[entry({ channel: 'phone' }), entry({ channel: null }), entry({ channel: 'zalo' })],
		);
		expect(seen).toEqual(['web', 'phone', 'zalo']);
		expect(channelChips(seen, ['store'], en).map((c) => [c.value, c.label, c.active])).toEqual([
			['store', 'Store', true],
			['phone', 'Phone', false],
			['web', 'Web', false],
			['zalo', 'zalo', false],
		]);
	});

	it('builds the request parameters', () => {
		expect(timelineParams({ kinds: [], channels: [] }, null)).toEqual({ limit: '30' });
		expect(timelineParams({ kinds: ['order', 'points'], channels: ['web'] }, 'abc', 10)).toEqual({
			limit: '10',
			kinds: 'order,points',
			channels: 'web',
			before: 'abc',
		});
	});

	it('tells whether a new entry passes the filters', () => {
		const call = entry({ channel: 'phone' });
		expect(matchesFilters(call, { kinds: [], channels: [] })).toBe(true);
		expect(matchesFilters(call, { kinds: ['interaction'], channels: ['phone'] })).toBe(true);
		expect(matchesFilters(call, { kinds: ['order'], channels: [] })).toBe(false);
		expect(matchesFilters(call, { kinds: [], channels: ['web'] })).toBe(false);
		expect(matchesFilters(entry({ kind: 'points' }), { kinds: [], channels: ['web'] })).toBe(false);
	});
});
