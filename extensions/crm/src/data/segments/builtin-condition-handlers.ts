// Compilers for the built-in conditions; each adds one WHERE clause: a grouped IN / NOT IN for whole-segment queries,
// a correlated aggregate when one customer is evaluated (incremental refresh) or the operator needs it.
import { PURCHASE_STATUSES } from '../../domain/customer-stats/order-stats';
import {
	boughtSpec,
	feedbackSpec,
	fieldSpec,
	interactionSpec,
	ordersSpec,
	segmentSpec,
} from '../../domain/segments/builtin-condition-specs';
import { ConditionRegistry } from '../../domain/segments/condition-registry';
import { CUSTOMER_FIELDS } from '../../domain/segments/field-catalogue';
import type {
	BoughtCondition,
	FeedbackCondition,
	FieldCondition,
	InteractionCondition,
	OrdersCondition,
	SegmentCondition,
} from '../../domain/segments/rule-types';
import { applyWindow, correlate, type CompileContext, type ConditionHandler } from './condition-handler';
import { predicate } from './sql-predicates';
import { segmentReferralsHandler } from './referrals-handler';
import type { Knex } from 'knex';
import type { FieldOp } from '../../domain/segments/rule-types';
import { holdsAtZero } from '../../domain/segments/at-zero';

const purchases = PURCHASE_STATUSES as unknown as string[];

/**
 * Set form of an aggregate condition, for whole-segment queries: one grouped pass over the child table that the
 * planner runs as a hashed semi-join, instead of a correlated subquery per customer (12x slower at 100k customers).
 * When the condition also holds for customers with no rows (aggregate 0: "count = 0", "sum < 1000"), it becomes
 * NOT IN over the customers whose aggregate fails it. Returns false when the operator can't be judged at zero.
 */
function whereGrouped(
	qb: Knex.QueryBuilder,
	ctx: CompileContext,
	rows: Knex.QueryBuilder,
	customerColumn: string,
	aggregate: Knex.Raw,
	op: FieldOp,
	value: unknown,
): boolean {
	const atZero = holdsAtZero(op, value);
	const test = havingTest(ctx.knex, aggregate, op, value);
	if (atZero === null || test === null) return false;
	const grouped = rows.whereNotNull(customerColumn).groupBy(customerColumn).select(customerColumn);
	if (atZero) qb.whereNotIn('crm_customers.id', grouped.havingRaw('NOT (?)', [test]));
	else qb.whereIn('crm_customers.id', grouped.having(test));
	return true;
}

const COMPARISONS: Partial<Record<FieldOp, string>> = { eq: '=', neq: '<>', gt: '>', gte: '>=', lt: '<', lte: '<=' };

/**
 * A plain comparison on a never-NULL aggregate (COUNT, COALESCE(SUM)). Deliberately no CASE guard: the planner
 * estimates a plain HAVING far better, and a misestimate there turns hash semi-joins into nested loops (measured 30x).
 */
function havingTest(knex: Knex, aggregate: Knex.Raw, op: FieldOp, value: unknown): Knex.Raw | null {
	const comparison = COMPARISONS[op];
	if (comparison && typeof value === 'number') return knex.raw(`(?) ${comparison} ?`, [aggregate, value]);
	if (op === 'between' && Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'number')) {
		return knex.raw('(?) BETWEEN ? AND ?', [
			aggregate,
			Math.min(...(value as number[])),
			Math.max(...(value as number[])),
		]);
	}
	if (
		(op === 'in' || op === 'not_in') &&
		Array.isArray(value) &&
		value.length &&
		value.every((v) => typeof v === 'number')
	) {
		return knex.raw(`(?) ${op === 'in' ? 'IN' : 'NOT IN'} (${value.map(() => '?').join(', ')})`, [
			aggregate,
			...(value as number[]),
		]);
	}
	return null;
}

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

const ORDER_AGGREGATES = {
	count: 'COUNT(*)',
	sum: 'COALESCE(SUM(??), 0)',
	avg: 'AVG(??)',
	last_date: 'MAX(??)',
	first_date: 'MIN(??)',
} as const;

export const ordersHandler: ConditionHandler<OrdersCondition> = {
	...ordersSpec,
	compile: (cond, ctx) => (qb) => {
		if (ctx.singleCustomer === undefined && (cond.metric === 'count' || cond.metric === 'sum')) {
			const orders = applyWindow(
				ctx.knex('crm_orders as o').whereIn('o.status', purchases),
				'o.ordered_at',
				cond.window,
				ctx,
			);
			const aggregate = ctx.knex.raw(ORDER_AGGREGATES[cond.metric], cond.metric === 'sum' ? ['o.total'] : []);
			if (whereGrouped(qb, ctx, orders, 'o.customer', aggregate, cond.op, cond.value)) return;
		}
		const column = cond.metric === 'count' ? [] : [cond.metric.endsWith('_date') ? 'o.ordered_at' : 'o.total'];
		const sub = applyWindow(purchaseOrders(ctx), 'o.ordered_at', cond.window, ctx).select(
			ctx.knex.raw(ORDER_AGGREGATES[cond.metric], column),
		);
		const type = cond.metric.endsWith('_date') ? 'timestamp' : 'number';
		qb.where(predicate(ctx, ctx.knex.raw('(?)', [sub]), 'subquery', type, cond.op, cond.value));
	},
};

export const boughtHandler: ConditionHandler<BoughtCondition> = {
	...boughtSpec,
	compile: (cond, ctx) => (qb) => {
		const lines = ctx
			.knex('crm_order_lines as l')
			.join('crm_orders as o', 'o.id', 'l.order')
			.whereIn('o.status', purchases)
			.where('l.kind', 'product');
		if (cond.product !== undefined) lines.where('l.product', cond.product);
		// The line's own category is what was sold; fall back to the product's current category for lines without one.
		if (cond.category !== undefined)
			lines
				.leftJoin('crm_products as p', 'p.id', 'l.product')
				.whereRaw('COALESCE(??, ??) = ?', ['l.category', 'p.category', cond.category]);
		applyWindow(lines, 'o.ordered_at', cond.window, ctx);
		const quantity = ctx.knex.raw('COALESCE(SUM(??), 0)', ['l.quantity']);
		if (
			ctx.singleCustomer === undefined &&
			whereGrouped(qb, ctx, lines, 'o.customer', quantity, 'gte', cond.minQuantity ?? 1)
		)
			return;
		qb.where(ctx.knex.raw('(?) >= ?', [correlate(lines, 'o.customer', ctx).select(quantity), cond.minQuantity ?? 1]));
	},
};

export const interactionHandler: ConditionHandler<InteractionCondition> = {
	...interactionSpec,
	compile: (cond, ctx) => (qb) => {
		const rows = ctx.knex('crm_interactions as i');
		if (cond.channel !== undefined) rows.where('i.channel', cond.channel);
		if (cond.interactionType !== undefined) rows.where('i.type', cond.interactionType);
		applyWindow(rows, 'i.occurred_at', cond.window, ctx);
		if (
			ctx.singleCustomer === undefined &&
			whereGrouped(qb, ctx, rows, 'i.customer', ctx.knex.raw('COUNT(*)'), 'gte', cond.minCount ?? 1)
		)
			return;
		qb.where(ctx.knex.raw('(?) >= ?', [correlate(rows, 'i.customer', ctx).count({ n: '*' }), cond.minCount ?? 1]));
	},
};

export const feedbackHandler: ConditionHandler<FeedbackCondition> = {
	...feedbackSpec,
	compile: (cond, ctx) => (qb) => {
		const answers = correlate(ctx.knex('crm_feedback as f'), 'f.customer', ctx);
		const sub =
			cond.metric === 'last_nps'
				? answers
						.where('f.kind', 'nps')
						.select('f.score')
						.orderBy('f.answered_at', 'desc')
						.orderBy('f.id', 'desc')
						.limit(1)
				: answers.where('f.kind', 'csat').select(ctx.knex.raw('AVG(??)', ['f.score']));
		qb.where(predicate(ctx, ctx.knex.raw('(?)', [sub]), 'subquery', 'number', cond.op, cond.value));
	},
};

export const segmentHandler: ConditionHandler<SegmentCondition> = {
	...segmentSpec,
	compile: (cond, ctx) => (qb) => {
		const members = correlate(ctx.knex('crm_segment_members as m'), 'm.customer', ctx)
			.where('m.segment', cond.segment)
			.whereNull('m.left_at');
		qb.whereExists(members.select(ctx.knex.raw('1')));
	},
};

export const BUILTIN_CONDITION_HANDLERS = [
	fieldHandler,
	ordersHandler,
	boughtHandler,
	interactionHandler,
	feedbackHandler,
	segmentHandler,
] as ConditionHandler[];

/**
 * A registry with the built-ins segment and stage rules share; other modules add their own with `.register(handler)`
 * (stage rules add their `referrals`, see data/stages/stage-conditions.ts).
 */
export function createSegmentConditionRegistry(): ConditionRegistry<ConditionHandler> {
	return new ConditionRegistry<ConditionHandler>(BUILTIN_CONDITION_HANDLERS);
}

/** The registry segment rules compile with by default: the built-ins plus `referrals` (as domain SEGMENT_CONDITION_SPECS). */
export const segmentConditions = createSegmentConditionRegistry().register(segmentReferralsHandler as ConditionHandler);
