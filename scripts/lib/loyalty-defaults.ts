// A starting loyalty programme for a fresh install (a common Korean retail shape): 1 % back in points, four tiers on
// points earned in a year, a first-purchase and a birthday-month bonus, two coupons. Added only when the loyalty
// collections are empty, so a business's own programme is never touched; every value is editable in the admin.
import { createItems, readItems } from '@directus/sdk';
import type { AdminClient } from './admin-client.ts';

export const DEFAULT_TIERS = [
	{
		code: 'basic',
		name: '일반 Basic',
		rank: 0,
		threshold: 0,
		multiplier: 1,
		color: '#A2B5CD',
		description: '기본 1% 적립 / 1 % back in points',
	},
	{
		code: 'silver',
		name: '실버 Silver',
		rank: 1,
		threshold: 3000,
		multiplier: 1.2,
		color: '#8E9BAE',
		description: '적립 1.2배 / points × 1.2',
	},
	{
		code: 'gold',
		name: '골드 Gold',
		rank: 2,
		threshold: 10000,
		multiplier: 1.5,
		color: '#E0A526',
		free_shipping: true,
		description: '적립 1.5배, 무료 배송 / points × 1.5, free shipping',
	},
	{
		code: 'vip',
		name: 'VIP',
		rank: 3,
		threshold: 30000,
		multiplier: 2,
		color: '#6644FF',
		free_shipping: true,
		description: '적립 2배, 무료 배송 / points × 2, free shipping',
	},
];

export const DEFAULT_RULES = [
	{
		name: '기본 적립 1% (1,000원당 10P) / Base 1 %',
		kind: 'spend',
		points: 10,
		per_amount: 1000,
		stacking: 'additive',
		priority: 10,
	},
	{
		name: '첫 구매 보너스 / First purchase bonus',
		kind: 'bonus',
		event: 'first_purchase',
		points: 1000,
		stacking: 'additive',
		priority: 20,
	},
	{
		name: '생일 달 구매 보너스 / Birthday month bonus',
		kind: 'bonus',
		event: 'birthday_month',
		points: 2000,
		stacking: 'additive',
		priority: 30,
	},
	{
		name: '설문 응답 보너스 / Survey answered',
		kind: 'bonus',
		event: 'survey_answered',
		points: 200,
		stacking: 'additive',
		priority: 40,
	},
];

export const DEFAULT_REWARDS = [
	{ name: '5,000원 할인 쿠폰 / ₩5,000 off', points_cost: 5000, kind: 'amount', amount: 5000, valid_days: 30 },
	{
		name: '10% 할인 쿠폰 (최대 2만원) / 10 % off (max ₩20,000)',
		points_cost: 8000,
		kind: 'percent',
		percent: 10,
		max_discount: 20000,
		valid_days: 30,
	},
];

export async function installLoyaltyDefaults(client: AdminClient, log: (line: string) => void) {
	const seed = async (collection: string, items: Record<string, unknown>[]) => {
		const existing = await client.request(readItems(collection as never, { limit: 1, fields: ['id'] } as never));
		if ((existing as unknown[]).length) return;
		await client.request(createItems(collection as never, items as never));
		log(`loyalty: added ${items.length} default ${collection.replace('crm_', '').replace('_', ' ')}`);
	};
	await seed('crm_tiers', DEFAULT_TIERS);
	await seed('crm_loyalty_rules', DEFAULT_RULES);
	await seed('crm_rewards', DEFAULT_REWARDS);
}
