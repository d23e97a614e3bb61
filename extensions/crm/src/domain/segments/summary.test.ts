import { describe, expect, it } from 'vitest';
import type { Rule } from './rule-types';
import { summarizeRule } from './summary';

const orders = (metric: string, op: string, value: unknown, window?: unknown): Rule => ({
	type: 'orders',
	metric,
	op,
	value,
	...(window ? { window } : {}),
});
const field = (name: string, op: string, value?: unknown): Rule => ({
	type: 'field',
	field: name,
	op,
	...(value === undefined ? {} : { value }),
});
const ko = (rule: Rule) => summarizeRule(rule, 'ko-KR');
const en = (rule: Rule) => summarizeRule(rule, 'en-US');

describe('summarizeRule', () => {
	const vip: Rule = { all: [orders('count', 'gte', 3, { lastDays: 180 }), orders('sum', 'gte', 300000)] };

	it('reads the example rule in Korean and English', () => {
		expect(ko(vip)).toBe('최근 180일 동안 3회 이상 구매했고 누적 구매액 300,000원 이상인 고객');
		expect(en(vip)).toBe('customers who placed at least 3 orders in the last 180 days and spent at least ₩300,000');
	});

	it('joins "any" with or', () => {
		const rule: Rule = { any: [field('stage', 'eq', 'vip'), orders('sum', 'gt', 1000000, { lastDays: 30 })] };
		expect(ko(rule)).toBe('관계 단계 vip이거나 최근 30일 동안 구매액 1,000,000원 초과인 고객');
		expect(en(rule)).toBe(
			'customers who have relationship stage vip or spent more than ₩1,000,000 in the last 30 days',
		);
	});

	it('negates conditions and groups', () => {
		expect(ko({ not: orders('count', 'gte', 1, { lastDays: 90 }) })).toBe('최근 90일 동안 1회 이상 구매하지 않은 고객');
		expect(en({ not: orders('count', 'gte', 1, { lastDays: 90 }) })).toBe(
			'customers who did not place at least 1 order in the last 90 days',
		);
		expect(ko({ not: field('email', 'is_empty') })).toBe('이메일 미입력에 해당하지 않는 고객');
		expect(en({ not: field('email', 'is_empty') })).toBe('customers who have a e-mail');
		expect(ko({ not: { not: field('consent_sms', 'eq', true) } })).toBe('문자 수신 동의한 고객');
		const group: Rule = { not: { any: [field('consent_email', 'eq', true), field('consent_sms', 'eq', true)] } };
		expect(ko(group)).toBe('(이메일 수신 동의했거나 문자 수신 동의한 경우)에 해당하지 않는 고객');
		expect(en(group)).toBe('customers who meet none of: gave e-mail consent; gave SMS consent');
		expect(en({ not: { all: [field('consent_email', 'eq', true), field('consent_sms', 'eq', false)] } })).toBe(
			'customers who do not meet all of: gave e-mail consent; did not give SMS consent',
		);
	});

	it('nests groups with parentheses and flattens same-kind groups', () => {
		const rule: Rule = {
			all: [
				field('country', 'eq', 'KR'),
				{ any: [field('stage', 'in', ['vip', 'loyal']), { all: [field('last_nps', 'gte', 9)] }] },
				{ all: [field('gender', 'eq', 'f')] },
			],
		};
		expect(ko(rule)).toBe('국가 KR이고 (관계 단계 vip, loyal 중 하나이거나 최근 NPS 9 이상인 경우)이고 성별 f인 고객');
		expect(en(rule)).toBe(
			'customers who have country KR and (have relationship stage one of vip, loyal or have last NPS at least 9) and have gender f',
		);
	});

	it('covers every field operator', () => {
		const cases: [Rule, string, string][] = [
			[field('email', 'neq', 'a@b.c'), '이메일 a@b.c에 해당하지 않는 고객', 'customers who do not have e-mail a@b.c'],
			[
				field('stage', 'not_in', ['lead']),
				'관계 단계 lead 중 하나에 해당하지 않는 고객',
				'customers who do not have relationship stage one of lead',
			],
			[
				field('email', 'contains', 'gmail'),
				"이메일 'gmail' 포함인 고객",
				'customers who have e-mail containing "gmail"',
			],
			[
				field('phone', 'starts_with', '010'),
				"전화번호 '010'(으)로 시작인 고객",
				'customers who have phone starting with "010"',
			],
			[field('order_count', 'lt', 2), '주문 수 2 미만인 고객', 'customers who have order count less than 2'],
			[field('order_count', 'lte', 2), '주문 수 2 이하인 고객', 'customers who have order count at most 2'],
			[
				field('total_spent', 'between', [10000, 50000]),
				'누적 구매액 10,000원~50,000원 사이인 고객',
				'customers who have lifetime spend between ₩10,000 and ₩50,000',
			],
			[
				field('birthday', 'before', '2000-01-01'),
				'생일 2000-01-01 이전인 고객',
				'customers who have birthday before 2000-01-01',
			],
			[
				field('date_created', 'after', '2026-01-01'),
				'생성일 2026-01-01 이후인 고객',
				'customers who have creation date after 2026-01-01',
			],
			[
				field('last_order_at', 'within_last_days', 30),
				'최근 구매일 최근 30일 이내인 고객',
				'customers who have last purchase within the last 30 days',
			],
			[
				field('last_interaction_at', 'not_within_last_days', 60),
				'최근 접촉일 최근 60일 이내에 해당하지 않는 고객',
				'customers who do not have last contact within the last 60 days',
			],
			[
				field('birthday', 'birthday_in_next_days', 7),
				'생일 앞으로 7일 이내인 고객',
				'customers who have birthday in the next 7 days',
			],
			[field('birthday', 'birthday_this_month'), '생일 이번 달인 고객', 'customers who have birthday this month'],
			[field('phone', 'is_not_empty'), '전화번호 미입력에 해당하지 않는 고객', 'customers who have a phone'],
			[
				field('consent_kakao', 'eq', false),
				'카카오톡 수신 동의하지 않은 고객',
				'customers who did not give KakaoTalk consent',
			],
			[field('consent_kakao', 'neq', false), '카카오톡 수신 동의한 고객', 'customers who gave KakaoTalk consent'],
		];
		for (const [rule, k, e] of cases) {
			expect(ko(rule)).toBe(k);
			expect(en(rule)).toBe(e);
		}
	});

	it('covers the other condition types', () => {
		const cases: [Rule, string, string][] = [
			[
				orders('avg', 'gte', 50000),
				'평균 주문 금액 50,000원 이상인 고객',
				'customers who have an average order value at least ₩50,000',
			],
			[
				orders('last_date', 'within_last_days', 30),
				'마지막 구매일 최근 30일 이내인 고객',
				'customers who have a last purchase within the last 30 days',
			],
			[
				orders('first_date', 'before', '2025-12-01'),
				'첫 구매일 2025-12-01 이전인 고객',
				'customers who have a first purchase before 2025-12-01',
			],
			[
				orders('count', 'eq', 0, { from: '2026-01-01', to: '2026-01-31' }),
				'2026-01-01~2026-01-31 기간에 0회 구매한 고객',
				'customers who placed 0 orders between 2026-01-01 and 2026-01-31',
			],
			[
				{ type: 'bought', category: 'hair', minQuantity: 2, window: { lastDays: 60 } },
				"최근 60일 동안 'hair' 카테고리 2개 이상 구매한 고객",
				'customers who bought at least 2 of the "hair" category in the last 60 days',
			],
			[{ type: 'bought', product: 12 }, '상품 #12 구매한 고객', 'customers who bought product #12'],
			[
				{ type: 'interaction', channel: 'email', minCount: 2, window: { lastDays: 30 } },
				'최근 30일 동안 email 상호작용 2회 이상인 고객',
				'customers who had at least 2 email interactions in the last 30 days',
			],
			[{ type: 'interaction' }, '상호작용 1회 이상인 고객', 'customers who had at least one interaction'],
			[
				{ type: 'feedback', metric: 'last_nps', op: 'gte', value: 9 },
				'최근 NPS 9 이상인 고객',
				'customers who have a last NPS of at least 9',
			],
			[
				{ type: 'feedback', metric: 'avg_csat', op: 'lt', value: 3 },
				'평균 CSAT 3 미만인 고객',
				'customers who have an average CSAT of less than 3',
			],
			[{ type: 'segment', segment: 4 }, '세그먼트 #4 소속인 고객', 'customers who are in segment #4'],
			[
				{ not: { type: 'segment', segment: 4 } },
				'세그먼트 #4 소속에 해당하지 않는 고객',
				'customers who are not in segment #4',
			],
			[
				{ type: 'referrals' },
				'추천한 고객 중 구매 고객 1명 이상인 고객',
				'customers who referred at least one paying customer',
			],
			[
				{ type: 'referrals', minCount: 3, buyersOnly: false, window: { lastDays: 90 } },
				'최근 90일 동안 추천한 고객 3명 이상인 고객',
				'customers who referred at least 3 customers in the last 90 days',
			],
			[
				{ not: { type: 'referrals', minCount: 2 } },
				'추천한 고객 중 구매 고객 2명 이상에 해당하지 않는 고객',
				'customers who did not refer at least 2 paying customers',
			],
			[
				{ type: 'field', field: 'tier', op: 'eq', value: 3 },
				'멤버십 등급 3인 고객',
				'customers who have loyalty tier 3',
			],
			[
				{ type: 'loyalty_tier', tier: 'gold' },
				"'loyalty_tier' 조건 충족인 고객",
				'customers who match the "loyalty_tier" condition',
			],
		];
		for (const [rule, k, e] of cases) {
			expect(ko(rule)).toBe(k);
			expect(en(rule)).toBe(e);
		}
	});

	it('uses caller-supplied field labels', () => {
		expect(summarizeRule(field('stage', 'eq', 'vip'), 'ko-KR', { stage: '등급' })).toBe('등급 vip인 고객');
	});
});
