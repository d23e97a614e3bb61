// Compilers for the built-in conditions; each adds one WHERE clause built from EXISTS or a correlated aggregate.
import { PURCHASE_STATUSES } from '../../domain/customer-stats/order-stats';
import { boughtSpec, feedbackSpec, fieldSpec, interactionSpec, ordersSpec, segmentSpec } from '../../domain/segments/builtin-condition-specs';
import { ConditionRegistry } from '../../domain/segments/condition-registry';
import { CUSTOMER_FIELDS } from '../../domain/segments/field-catalogue';
import type { BoughtCondition, FeedbackCondition, FieldCondition, InteractionCondition, OrdersCondition, SegmentCondition } from '../../domain/segments/rule-types';
import { applyWindow, correlate, type CompileContext, type ConditionHandler } from './condition-handler';
import { predicate } from './sql-predicates';

const purchases = PURCHASE_STATUSES as unknown as string[];

/** The customer's purchases (paid/fulfilled), correlated with the outer customer row. */
function purchaseOrders(ctx: CompileContext) {
	return correlate(ctx.knex('crm_orders as o'), 'o.customer', ctx).whereIn('o.status', purchases);
}

export const fieldHandler: ConditionHandler<FieldCondition> = {
	...fieldSpec,
	compile: (cond, ctx) => (qb) => {
		const column = ctx.knex.raw('??', [`crm_customers.${cond.field}`]);
		qb.where(predicate(ctx, column, 'column', CUSTOMER_FIELDS[cond.field], cond.op, cond.value));
	},
};

const ORDER_AGGREGATES = { count: 'COUNT(*)', sum: 'COALESCE(SUM(??), 0)', avg: 'AVG(??)', last_date: 'MAX(??)', first_date: 'MIN(??)' } as const;

export const ordersHandler: ConditionHandler<OrdersCondition> = {
	...ordersSpec,
	compile: (cond, ctx) => (qb) => {
		const column = cond.metric === 'count' ? [] : [cond.metric.endsWith('_date') ? 'o.ordered_at' : 'o.total'];
		const sub = applyWindow(purchaseOrders(ctx), 'o.ordered_at', cond.window, ctx).select(ctx.knex.raw(ORDER_AGGREGATES[cond.metric], column));
		const type = cond.metric.endsWith('_date') ? 'timestamp' : 'number';
		qb.where(predicate(ctx, ctx.knex.raw('(?)', [sub]), 'subquery', type, cond.op, cond.value));
	},
};

export const boughtHandler: ConditionHandler<BoughtCondition> = {
	...boughtSpec,
	compile: (cond, ctx) => (qb) => {
		const sub = correlate(ctx.knex('crm_order_lines as l').join('crm_orders as o', 'o.id', 'l.order'), 'o.customer', ctx)
			.whereIn('o.status', purchases)
			.where('l.kind', 'product')
			.select(ctx.knex.raw('COALESCE(SUM(??), 0)', ['l.quantity']));
		if (cond.product !== undefined) sub.where('l.product', cond.product);
		// The line's own category is what was sold; fall back to the product's current category for lines without one.
		if (cond.category !== undefined) sub.leftJoin('crm_products as p', 'p.id', 'l.product').whereRaw('COALESCE(??, ??) = ?', ['l.category', 'p.category', cond.category]);
		applyWindow(sub, 'o.ordered_at', cond.window, ctx);
		qb.where(ctx.knex.raw('(?) >= ?', [sub, cond.minQuantity ?? 1]));
	},
};

export const interactionHandler: ConditionHandler<InteractionCondition> = {
	...interactionSpec,
	compile: (cond, ctx) => (qb) => {
		const sub = correlate(ctx.knex('crm_interactions as i'), 'i.customer', ctx).count({ n: '*' });
		if (cond.channel !== undefined) sub.where('i.channel', cond.channel);
		if (cond.interactionType !== undefined) sub.where('i.type', cond.interactionType);
		applyWindow(sub, 'i.occurred_at', cond.window, ctx);
		qb.where(ctx.knex.raw('(?) >= ?', [sub, cond.minCount ?? 1]));
	},
};

export const feedbackHandler: ConditionHandler<FeedbackCondition> = {
	...feedbackSpec,
	compile: (cond, ctx) => (qb) => {
		const answers = correlate(ctx.knex('crm_feedback as f'), 'f.customer', ctx);
		const sub =
			cond.metric === 'last_nps'
				? answers.where('f.kind', 'nps').select('f.score').orderBy('f.answered_at', 'desc').orderBy('f.id', 'desc').limit(1)
				: answers.where('f.kind', 'csat').select(ctx.knex.raw('AVG(??)', ['f.score']));
		qb.where(predicate(ctx, ctx.knex.raw('(?)', [sub]), 'subquery', 'number', cond.op, cond.value));
	},
};

export const segmentHandler: ConditionHandler<SegmentCondition> = {
	...segmentSpec,
	compile: (cond, ctx) => (qb) => {
		const members = correlate(ctx.knex('crm_segment_members as m'), 'm.customer', ctx).where('m.segment', cond.segment).whereNull('m.left_at');
		qb.whereExists(members.select(ctx.knex.raw('1')));
	},
};

export const BUILTIN_CONDITION_HANDLERS = [fieldHandler, ordersHandler, boughtHandler, interactionHandler, feedbackHandler, segmentHandler] as ConditionHandler[];

/** A registry with the built-ins; other modules add their own with `.register(handler)`. */
export function createSegmentConditionRegistry(): ConditionRegistry<ConditionHandler> {
	return new ConditionRegistry<ConditionHandler>(BUILTIN_CONDITION_HANDLERS);
}

/** The shared registry used by default. */
export const segmentConditions = createSegmentConditionRegistry();
