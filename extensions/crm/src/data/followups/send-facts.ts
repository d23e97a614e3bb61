// What the dispatcher reads about a customer right before acting: the profile, whether the rule's condition still
// matches (the segment rule compiled for this one customer), recent sends for the cap and min-days checks, and the
// data a template can use (last order with its lines, the triggering order, inquiry, answer, segment, recommendations).
import type { Knex } from 'knex';
import { parseTimestamp } from '../../domain/customer-stats/order-stats';
import { MESSAGE_CHANNELS } from '../../domain/followups';
import type { Recommendation } from '../../domain/recommendations';
import type { OrderFacts } from '../../domain/templates';
import { customerRecommendations } from '../recommendations/read';
import { compileSegmentQuery } from '../segments/segment-query';
import { toDbTimestamp } from '../timestamps';
import type { FollowupRule } from './rules-repo';

const WEEK = 7 * 86_400_000;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- loose row shape, kept from before the linter
export async function loadCustomer(knex: Knex, id: number): Promise<Record<string, any> | null> {
	return (await knex('crm_customers').first('*').where('id', id)) ?? null;
}

export async function matchesCondition(
	knex: Knex,
	rule: FollowupRule,
	customer: number,
	now: Date,
	timeZone: string,
): Promise<boolean> {
	if (!rule.condition) return true;
	return Boolean(await compileSegmentQuery(knex, rule.condition, { now, timeZone, customer }).first());
}

/** Messages (any rule) sent to the customer in the 7 days before `now`. */
export async function sentLastWeek(knex: Knex, customer: number, now: Date): Promise<number> {
	const [{ n }] = await knex('crm_outbox')
		.count({ n: '*' })
		.where({ customer, status: 'sent' })
		.whereIn('channel', MESSAGE_CHANNELS)
		.where('sent_at', '>=', toDbTimestamp(knex, new Date(now.getTime() - WEEK)));
	return Number(n);
}

export async function lastByRule(knex: Knex, rule: number, customer: number, exceptId: number): Promise<Date | null> {
	const row = await knex('crm_outbox')
		.max({ at: 'sent_at' })
		.where({ rule, customer, status: 'sent' })
		.whereNot('id', exceptId)
		.first();
	return parseTimestamp(row?.at);
}

const PAID = ['paid', 'fulfilled'];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- loose row shape, kept from before the linter
async function orderWithLines(knex: Knex, order: Record<string, any> | undefined): Promise<OrderFacts | null> {
	if (!order) return null;
	const lines = await knex('crm_order_lines')
		.select('product_name', 'quantity', 'unit_price', 'line_total', 'category', 'kind')
		.where('order', order.id)
		.orderBy('id');
	return { ...order, ordered_at: parseTimestamp(order.ordered_at)?.toISOString() ?? null, lines } as OrderFacts;
}

export interface TriggerData {
	lastOrder: OrderFacts | null;
	order: OrderFacts | null;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- loose row shape, kept from before the linter
	interaction: Record<string, any> | null;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- loose row shape, kept from before the linter
	feedback: Record<string, any> | null;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- loose row shape, kept from before the linter
	segment: Record<string, any> | null;
	recommended: Recommendation[];
}

/** How many recommendations a template's `recommended` list carries. */
const TEMPLATE_RECOMMENDATIONS = 5;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- loose row shape, kept from before the linter
export async function triggerData(knex: Knex, customer: number, context: Record<string, any>): Promise<TriggerData> {
	const last = await knex('crm_orders')
		.first('id', 'total', 'currency', 'ordered_at', 'status')
		.where('customer', customer)
		.whereIn('status', PAID)
		.orderBy('ordered_at', 'desc')
		.orderBy('id', 'desc');
	const byId = (table: string, id: unknown, fields: string[]) =>
		id == null
			? null
			: knex(table)
					.first(fields)
					.where('id', id as number);
	const order =
		context.order == null
			? null
			: String(context.order) === String(last?.id)
				? last
				: await byId('crm_orders', context.order, ['id', 'total', 'currency', 'ordered_at', 'status']);
	const interaction = await byId('crm_interactions', context.interaction, ['id', 'type', 'subject', 'occurred_at']);
	const feedback = await byId('crm_feedback', context.feedback, ['id', 'kind', 'score', 'comment']);
	const segment = await byId('crm_segments', context.segment, ['id', 'name']);
	const recommended = await customerRecommendations(knex, customer, TEMPLATE_RECOMMENDATIONS);
	return {
		lastOrder: await orderWithLines(knex, last),
		order: await orderWithLines(knex, order ?? undefined),
		interaction: interaction ?? null,
		feedback: feedback ?? null,
		segment: segment ?? null,
		recommended,
	};
}
