// A small demo-like CRM for the screens test: at least one row in every crm_ collection, created through the API and
// the CRM's own endpoints (points, coupons, events, stage history, follow-up outbox and KPI snapshots come from the
// CRM, as in a real shop). Returns one item id per collection.
import { createItem, customEndpoint, readItems } from '@directus/sdk';
import type { AdminClient } from '../../scripts/lib/admin-client.ts';

type Row = { id: number | string };

const post = <T>(client: AdminClient, path: string, body: unknown) =>
	client.request(customEndpoint<T>({ path, method: 'POST', body: JSON.stringify(body) }));
const create = async (client: AdminClient, collection: string, body: Record<string, unknown>) =>
	(await client.request(createItem(collection as never, body as never))) as Row;
const firstId = async (client: AdminClient, collection: string) => {
	const rows = (await client.request(
		readItems(collection as never, { fields: ['id'], limit: 1, sort: ['id'] } as never),
	)) as Row[] | Row;
	// A singleton answers with its one row.
	return Array.isArray(rows) ? rows[0]?.id : rows?.id;
};

export const FIXTURE_COLLECTIONS = [
	'crm_settings',
	'crm_customers',
	'crm_products',
	'crm_orders',
	'crm_order_lines',
	'crm_interactions',
	'crm_feedback',
	'crm_segments',
	'crm_segment_members',
	'crm_loyalty_rules',
	'crm_tiers',
	'crm_rewards',
	'crm_coupons',
	'crm_points_ledger',
	'crm_events',
	'crm_history',
	'crm_templates',
	'crm_followup_rules',
	'crm_outbox',
	'crm_kpi_snapshots',
] as const;

export async function createScreensFixture(client: AdminClient): Promise<Record<string, number | string>> {
	const product = await create(client, 'crm_products', {
		sku: 'CF-001',
		name: '에티오피아 원두 200g',
		category: '원두',
		price: 18000,
		status: 'active',
	});
	const customer = await create(client, 'crm_customers', {
		full_name: '김민준',
		first_name: '민준',
		email: 'minjun@example.kr',
		phone: '010-9712-4198',
		consent_email: true,
		tags: ['단골'],
	});
	const template = await create(client, 'crm_templates', {
		key: 'thanks',
		name: '구매 감사',
		kind: 'email',
		purpose: 'transactional',
		subject: '구매해 주셔서 감사합니다',
		body: '{{first_name}}님, 구매해 주셔서 감사합니다.',
	});
	await create(client, 'crm_followup_rules', {
		name: '결제 후 감사 메일',
		trigger: 'order_paid',
		action: 'email',
		template: template.id,
		delay_minutes: 60 * 24 * 3,
		status: 'active',
	});
	await create(client, 'crm_orders', {
		customer: customer.id,
		external_id: 'A-1001',
		status: 'paid',
		channel: 'store',
		ordered_at: new Date(Date.now() - 86_400_000).toISOString(),
		total: 36000,
		lines: [{ product: product.id, quantity: 2, unit_price: 18000, line_total: 36000 }],
	});
	await create(client, 'crm_interactions', {
		customer: customer.id,
		type: 'call',
		channel: 'phone',
		direction: 'inbound',
		status: 'done',
		subject: '배송 문의',
		occurred_at: new Date().toISOString(),
	});
	await create(client, 'crm_feedback', {
		customer: customer.id,
		kind: 'nps',
		score: 9,
		comment: '커피가 맛있어요',
		answered_at: new Date().toISOString(),
	});
	const segment = await create(client, 'crm_segments', { name: 'VIP 후보', kind: 'static' });
	await create(client, 'crm_segment_members', {
		segment: segment.id,
		customer: customer.id,
		source: 'manual',
		entered_at: new Date().toISOString(),
	});
	await post(client, '/crm/loyalty/adjust', {
		customer: customer.id,
		points: 6000,
		reason: '매장 이벤트 적립',
		idempotency_key: 'screens-adjust-1',
	});
	const [reward] = (await client.request(
		readItems('crm_rewards' as never, { fields: ['id'], sort: ['points_cost'], limit: 1 } as never),
	)) as Row[];
	if (reward)
		await post(client, '/crm/loyalty/redeem', {
			customer: customer.id,
			reward: reward.id,
			idempotency_key: 'screens-redeem-1',
		});
	await post(client, '/crm/events', {
		type: 'customer.upsert',
		idempotency_key: 'screens-event-1',
		data: { external_id: 'shop-77', full_name: '이서연', email: 'seoyeon@example.kr' },
	});
	await post(client, '/crm/stages/refresh', {});
	await post(client, '/crm/kpi/snapshots', {});

	const ids: Record<string, number | string> = {};
	for (const collection of FIXTURE_COLLECTIONS) {
		const id = await firstId(client, collection);
		if (id === undefined) throw new Error(`screens fixture: ${collection} has no row`);
		ids[collection] = id;
	}
	return ids;
}
