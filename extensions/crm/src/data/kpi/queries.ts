// One SQL query per KPI group and period, returning counts and sums; domain/kpi/values.ts turns them into KPIs.
import type { Knex } from 'knex';
import type { FeedbackAggregates, FollowupAggregates, LtvAggregates, OrderAggregates } from '../../domain/kpi/values';
import { whereChannel, whereCustomer, type KpiFilters } from './filters';
import { num, plusDays, PURCHASE_STATUSES, ts } from './sql';

export interface Range {
	start: Date;
	end: Date;
}

/** Purchases (paid or fulfilled orders) as `o`, narrowed by the filters. */
function purchases(knex: Knex, filters: KpiFilters): Knex.QueryBuilder {
	const qb = knex('crm_orders as o').whereIn('o.status', PURCHASE_STATUSES as unknown as string[]);
	whereChannel(qb, 'o.channel', filters);
	return whereCustomer(knex, qb, 'o.customer', filters);
}

const sum = (knex: Knex, expression: string, bindings: Knex.RawBinding[], alias: string) =>
	knex.raw(`coalesce(sum(${expression}), 0) as ??`, [...bindings, alias]);

/**
 * Period P and the one before it (Q) in one pass over Q ∪ P, grouped by customer: purchases and revenue in P, whether
 * the customer bought in Q, and their first purchase ever (crm_customers.first_order_at) for new vs returning.
 */
export async function orderAggregates(
	knex: Knex,
	period: Range,
	previous: Range,
	filters: KpiFilters,
): Promise<OrderAggregates> {
	const start = ts(knex, period.start);
	const perCustomer = purchases(knex, filters)
		.join('crm_customers as c', 'c.id', 'o.customer')
		.where('o.ordered_at', '>=', ts(knex, previous.start))
		.where('o.ordered_at', '<', ts(knex, period.end))
		.groupBy('o.customer')
		.select('o.customer')
		.select(knex.raw('sum(case when ?? >= ? then 1 else 0 end) as ??', ['o.ordered_at', start, 'n']))
		.select(knex.raw('sum(case when ?? >= ? then ?? else 0 end) as ??', ['o.ordered_at', start, 'o.total', 'revenue']))
		.select(knex.raw('max(case when ?? < ? then 1 else 0 end) as ??', ['o.ordered_at', start, 'previous']))
		.select(knex.raw('max(??) as ??', ['c.first_order_at', 'first_at']));
	const row = await knex
		.from(perCustomer.as('pc'))
		.first(
			sum(knex, 'case when ?? > 0 then 1 else 0 end', ['pc.n'], 'active'),
			sum(knex, '??', ['pc.n'], 'orders'),
			sum(knex, '??', ['pc.revenue'], 'revenue'),
			sum(knex, 'case when ?? >= 2 then 1 else 0 end', ['pc.n'], 'repeaters'),
			sum(knex, '??', ['pc.previous'], 'previous_active'),
			sum(knex, 'case when ?? = 1 and ?? > 0 then 1 else 0 end', ['pc.previous', 'pc.n'], 'retained'),
			sum(knex, 'case when ?? > 0 and ?? >= ? then 1 else 0 end', ['pc.n', 'pc.first_at', start], 'new_customers'),
			sum(
				knex,
				'case when ?? > 0 and ?? >= ? then ?? else 0 end',
				['pc.n', 'pc.first_at', start, 'pc.revenue'],
				'new_revenue',
			),
		);
	return {
		active: num(row?.active),
		orders: num(row?.orders),
		revenue: num(row?.revenue),
		repeaters: num(row?.repeaters),
		previousActive: num(row?.previous_active),
		retained: num(row?.retained),
		newCustomers: num(row?.new_customers),
		newRevenue: num(row?.new_revenue),
	};
}

/** Everything bought before the period's end: revenue and distinct customers. */
export async function ltvAggregates(knex: Knex, period: Range, filters: KpiFilters): Promise<LtvAggregates> {
	const row = await purchases(knex, filters)
		.where('o.ordered_at', '<', ts(knex, period.end))
		.first(
			knex.raw('coalesce(sum(??), 0) as ??', ['o.total', 'revenue']),
			knex.raw('count(distinct ??) as ??', ['o.customer', 'customers']),
		);
	return { revenue: num(row?.revenue), customers: num(row?.customers) };
}

/** NPS and CSAT answers given in the period. */
export async function feedbackAggregates(knex: Knex, period: Range, filters: KpiFilters): Promise<FeedbackAggregates> {
	const qb = knex('crm_feedback as f')
		.whereIn('f.kind', ['nps', 'csat'])
		.where('f.answered_at', '>=', ts(knex, period.start))
		.where('f.answered_at', '<', ts(knex, period.end));
	whereChannel(qb, 'f.channel', filters);
	whereCustomer(knex, qb, 'f.customer', filters);
	const row = await qb.first(
		sum(knex, "case when ?? = 'nps' then 1 else 0 end", ['f.kind'], 'nps_answers'),
		sum(knex, "case when ?? = 'nps' and ?? >= 9 then 1 else 0 end", ['f.kind', 'f.score'], 'promoters'),
		sum(knex, "case when ?? = 'nps' and ?? <= 6 then 1 else 0 end", ['f.kind', 'f.score'], 'detractors'),
		sum(knex, "case when ?? = 'csat' then 1 else 0 end", ['f.kind'], 'csat_answers'),
		sum(knex, "case when ?? = 'csat' and ?? >= 4 then 1 else 0 end", ['f.kind', 'f.score'], 'satisfied'),
	);
	return {
		npsAnswers: num(row?.nps_answers),
		promoters: num(row?.promoters),
		detractors: num(row?.detractors),
		csatAnswers: num(row?.csat_answers),
		satisfied: num(row?.satisfied),
	};
}

export const DEFAULT_ATTRIBUTION_DAYS = 7;

/**
 * Follow-up messages of the period (sent, or held out as the control group, timed by sent_at or else due_at): counts,
 * cost, how many were followed by a purchase within the attribution window, and the revenue of purchases within the
 * window after a sent message (each purchase once, however many messages preceded it).
 */
export async function followupAggregates(
	knex: Knex,
	period: Range,
	filters: KpiFilters,
	attributionDays = DEFAULT_ATTRIBUTION_DAYS,
): Promise<FollowupAggregates> {
	const messageTime = knex.raw('coalesce(??, ??)', ['m.sent_at', 'm.due_at']);
	const converted = purchases(knex, { channel: filters.channel })
		.select(knex.raw('1'))
		.whereRaw('?? = ??', ['o.customer', 'm.customer'])
		.whereRaw('?? > ?', ['o.ordered_at', messageTime])
		.whereRaw('?? <= ?', ['o.ordered_at', plusDays(knex, messageTime, attributionDays)]);
	const messages = knex('crm_outbox as m')
		.leftJoin('crm_followup_rules as r', 'r.id', 'm.rule')
		.whereIn('m.status', ['sent', 'held_out'])
		.where(messageTime, '>=', ts(knex, period.start))
		.where(messageTime, '<', ts(knex, period.end));
	whereCustomer(knex, messages, 'm.customer', filters);
	const counts = await messages.first(
		sum(knex, "case when ?? = 'sent' then 1 else 0 end", ['m.status'], 'sent'),
		sum(knex, "case when ?? = 'held_out' then 1 else 0 end", ['m.status'], 'held_out'),
		sum(knex, "case when ?? = 'sent' then coalesce(??, 0) else 0 end", ['m.status', 'r.cost_per_message'], 'cost'),
		sum(knex, "case when ?? = 'sent' and exists ? then 1 else 0 end", ['m.status', converted], 'sent_converted'),
		sum(
			knex,
			"case when ?? = 'held_out' and exists ? then 1 else 0 end",
			['m.status', converted.clone()],
			'held_out_converted',
		),
	);

	const sentTime = knex.raw('??', ['m.sent_at']);
	const precededBySend = knex('crm_outbox as m')
		.select(knex.raw('1'))
		.whereRaw('?? = ??', ['m.customer', 'o.customer'])
		.where('m.status', 'sent')
		.where('m.sent_at', '>=', ts(knex, period.start))
		.where('m.sent_at', '<', ts(knex, period.end))
		.whereRaw('?? > ??', ['o.ordered_at', 'm.sent_at'])
		.whereRaw('?? <= ?', ['o.ordered_at', plusDays(knex, sentTime, attributionDays)]);
	const attributed = await purchases(knex, filters)
		.where('o.ordered_at', '>', ts(knex, period.start))
		.where('o.ordered_at', '<=', ts(knex, new Date(period.end.getTime() + attributionDays * 86_400_000)))
		.whereExists(precededBySend)
		.first(knex.raw('coalesce(sum(??), 0) as ??', ['o.total', 'revenue']));
	return {
		sent: num(counts?.sent),
		heldOut: num(counts?.held_out),
		cost: num(counts?.cost),
		sentConverted: num(counts?.sent_converted),
		heldOutConverted: num(counts?.held_out_converted),
		attributedRevenue: num(attributed?.revenue),
	};
}
