import { describe, expect, it } from 'vitest';
import { translator } from './i18n';
import { churnRisk, daysAgo, formatMoney, isNewItem, npsTone, toSummaryView, type SummaryData } from './summary';

const data: SummaryData = {
	id: 1,
	stage: 'regular',
	stage_locked: true,
	tier: { code: 'gold', name: '골드 Gold', color: '#FFC23B' },
	total_spent: 1_234_500,
	order_count: 12,
	last_order_at: '2026-03-02T03:00:00.000Z',
	last_nps: 6,
	owner: { id: 'u1', name: '김담당' },
	consent: { email: true, sms: false, kakao: true, night: false },
	points_balance: 4200,
	currency: 'KRW',
};
const now = new Date('2026-03-05T03:00:00.000Z');

describe('customer summary view', () => {
	it('shapes the card in Korean: stage, tier, won without decimals, orders, last purchase, NPS tone, consents', () => {
		const view = toSummaryView(data, translator('ko-KR'), now);
		expect(view.stage).toEqual({ label: '단골', color: '#2ECDA7', locked: true });
		expect(view.tier).toEqual({ label: '골드 Gold', color: '#FFC23B' });
		expect(view.spend).toBe('₩1,234,500');
		expect(view.orders).toBe('12건');
		expect(view.lastPurchase).toBe('2026년 3월 2일 (3일 전)');
		expect(view.nps).toEqual({ score: 6, tone: 'detractor', label: '비추천' });
		expect(view.points).toBe('4,200P');
		expect(view.owner).toBe('김담당');
		expect(view.consents.map((c) => [c.channel, c.granted, c.label])).toEqual([
			['email', true, '이메일'],
			['sms', false, '문자'],
			['kakao', true, '카카오톡'],
			['night', false, '야간'],
		]);
		expect(view.consents[1]!.title).toBe('문자: 미동의');
	});

	it('says so in English when there is no purchase, NPS, tier or owner', () => {
		const view = toSummaryView(
			{
				...data,
				stage: 'prospect',
				stage_locked: false,
				tier: null,
				owner: null,
				last_order_at: null,
				last_nps: null,
				total_spent: 0,
				order_count: 0,
			},
			translator('en-US'),
			now,
		);
		expect(view).toMatchObject({
			stage: { label: 'Prospect', locked: false },
			tier: null,
			owner: null,
			lastPurchase: 'Never',
			nps: null,
			spend: '₩0',
			orders: '0',
		});
	});

	it('shows an unknown stage code as it is', () => {
		expect(toSummaryView({ ...data, stage: 'vip' }, translator('en-US'), now).stage.label).toBe('vip');
	});

	it('classifies NPS scores', () => {
		expect([10, 9, 8, 7, 6, 0, null].map(npsTone)).toEqual([
			'promoter',
			'promoter',
			'passive',
			'passive',
			'detractor',
			'detractor',
			null,
		]);
	});

	it('formats money for other currencies and relative days', () => {
		expect(formatMoney(12.5, 'USD', 'en-US')).toBe('$12.50');
		expect(formatMoney(1000, 'bogus', 'ko-KR')).toBe('₩1,000');
		expect(daysAgo('2026-03-04T03:00:00.000Z', now, 'en-US')).toBe('yesterday');
		expect(daysAgo(null, now, 'en-US')).toBeNull();
	});

	it('shows the churn risk honestly: not enough history for a one-time buyer the model cannot judge', () => {
		const scored = { ...data, clv_at: '2026-03-01T04:10:00.000Z', predicted_clv: 12.5, currency: 'USD' };
		const oneTime = toSummaryView({ ...scored, order_count: 1, p_alive: null }, translator('ko-KR'), now);
		expect(oneTime.churn).toMatchObject({ tone: 'unknown', label: '구매 1회: 판단할 이력 부족' });
		const en = toSummaryView({ ...scored, order_count: 1, p_alive: null }, translator('en-US'), now);
		expect(en.churn?.label).toBe('one purchase: not enough history');
		// USD amounts in dollars, not "₩12".
		expect(en.predictedValue).toBe('$12.50');
		expect(toSummaryView({ ...scored, p_alive: 0.12 }, translator('en-US'), now).churn).toEqual({
			tone: 'high',
			label: 'high',
			title: 'Probability still active: 12%',
		});
		expect(churnRisk({ ...scored, p_alive: 0.5 })).toEqual({ tone: 'medium', pAlive: 0.5 });
		expect(churnRisk({ ...scored, p_alive: 0.95 })).toEqual({ tone: 'low', pAlive: 0.95 });
		// Before any refit, or for someone who never bought: nothing to say.
		expect(toSummaryView(data, translator('ko-KR'), now).churn).toBeNull();
		expect(churnRisk({ ...scored, order_count: 0, p_alive: null })).toBeNull();
	});

	it('treats "+" and no key as a new item', () => {
		expect([isNewItem('+'), isNewItem(null), isNewItem(undefined), isNewItem(5), isNewItem('5')]).toEqual([
			true,
			true,
			true,
			false,
			false,
		]);
	});
});
