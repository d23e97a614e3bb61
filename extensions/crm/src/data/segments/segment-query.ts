// Compiles a segment rule to ONE query selecting matching crm_customers.id; nothing is loaded into JS.
import type { Knex } from 'knex';
import { PURCHASE_STATUSES } from '../../domain/customer-stats/order-stats';
import { holdsAtZero } from '../../domain/segments/at-zero';
import type { ConditionRegistry } from '../../domain/segments/condition-registry';
import {
	childPath,
	isAll,
	isAny,
	isNot,
	type Condition,
	type Issue,
	type OrdersCondition,
	type Rule,
} from '../../domain/segments/rule-types';
import { windowBounds } from '../../domain/segments/time-windows';
import { validateRule } from '../../domain/segments/validate-rule';
import { ordersHandler, segmentConditions } from './builtin-condition-handlers';
import { applyWindow, type CompileContext, type ConditionHandler } from './condition-handler';

export interface CompileOptions {
	now: Date;
	/** Time zone for calendar conditions (birthdays); defaults to UTC. */
	timeZone?: string;
	registry?: ConditionRegistry<ConditionHandler>;
	/** Evaluate for this one customer only (incremental refresh). */
	customer?: number;
}

export class InvalidSegmentRuleError extends Error {
	constructor(readonly issues: Issue[]) {
		super(`invalid segment rule: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`);
	}
}

/** `select crm_customers.id from crm_customers where <rule>`; throws InvalidSegmentRuleError for invalid rules. */
export function compileSegmentQuery(knex: Knex, rule: Rule, options: CompileOptions): Knex.QueryBuilder {
	const registry = options.registry ?? segmentConditions;
	const issues = validateRule(rule, { registry });
	if (issues.length) throw new InvalidSegmentRuleError(issues);
	const ctx: CompileContext = {
		knex,
		now: options.now,
		timeZone: options.timeZone ?? 'UTC',
		customerId: 'crm_customers.id',
		singleCustomer: options.customer,
	};
	const qb = knex('crm_customers').select('crm_customers.id');
	if (options.customer !== undefined) qb.where('crm_customers.id', options.customer);
	applyRule(rule, qb, ctx, registry, '');
	return qb;
}

function applyRule(
	rule: Rule,
	qb: Knex.QueryBuilder,
	ctx: CompileContext,
	registry: ConditionRegistry<ConditionHandler>,
	path: string,
): void {
	if (isAll(rule)) {
		const shared =
			ctx.singleCustomer === undefined && registry.get('orders') === ordersHandler
				? sharedPurchasePasses(rule.all, ctx.now)
				: [];
		const merged = new Set<Rule>(shared.flat());
		qb.where((group) => {
			for (const conditions of shared) whereOrderAggregates(group, conditions, ctx);
			rule.all.forEach((child, i) => {
				if (!merged.has(child))
					group.where((inner) => applyRule(child, inner, ctx, registry, `${childPath(path, 'all')}[${i}]`));
			});
		});
	} else if (isAny(rule)) {
		qb.where((group) =>
			rule.any.forEach((child, i) =>
				group.orWhere((inner) => applyRule(child, inner, ctx, registry, `${childPath(path, 'any')}[${i}]`)),
			),
		);
	} else if (isNot(rule)) {
		qb.whereNot((inner) => applyRule(rule.not, inner, ctx, registry, childPath(path, 'not')));
	} else {
		const cond = rule as Condition;
		const handler = registry.get(cond.type);
		if (!handler)
			throw new InvalidSegmentRuleError([
				{ path: childPath(path, 'type'), message: `unknown condition type ${JSON.stringify(cond.type)}` },
			]);
		handler.compile(cond, ctx)(qb);
	}
}

const AGGREGATES = { count: 'COUNT(*)', sum: 'COALESCE(SUM(??), 0)' } as const;
const COMPARISONS: Partial<Record<string, string>> = { eq: '=', neq: '<>', gt: '>', gte: '>=', lt: '<', lte: '<=' };

/** `count` / `sum` compared with a number (or `between` two), false for a customer without purchases. */
function isMergeable(child: Rule): child is OrdersCondition {
	const c = child as OrdersCondition;
	if (c.type !== 'orders' || (c.metric !== 'count' && c.metric !== 'sum')) return false;
	const numeric =
		(COMPARISONS[c.op] && typeof c.value === 'number') ||
		(c.op === 'between' &&
			Array.isArray(c.value) &&
			c.value.length === 2 &&
			c.value.every((v) => typeof v === 'number'));
	return Boolean(numeric) && holdsAtZero(c.op, c.value) === false;
}

/**
 * Order count/sum conditions of one `all` over the same window, grouped so each group is answered by ONE grouped pass
 * over the purchases with every test in its HAVING. The orders handler alone makes one hashed pass per condition:
 * "≥ 3 orders totalling ≥ 300,000 in 180 days" scanned the window twice (1.33x the hand-written query at 100k customers).
 */
function sharedPurchasePasses(children: readonly Rule[], now: Date): OrdersCondition[][] {
	const groups = new Map<string, OrdersCondition[]>();
	for (const child of children) {
		if (!isMergeable(child)) continue;
		const { from, to } = windowBounds(child.window, now);
		const key = `${from?.getTime() ?? ''}|${to?.getTime() ?? ''}`;
		groups.set(key, [...(groups.get(key) ?? []), child]);
	}
	return [...groups.values()].filter((group) => group.length > 1);
}

/** `id IN (purchases in the window GROUP BY customer HAVING test AND test …)`: what each condition compiles to, intersected. */
function whereOrderAggregates(qb: Knex.QueryBuilder, conditions: OrdersCondition[], ctx: CompileContext): void {
	const { knex } = ctx;
	const rows = applyWindow(
		knex('crm_orders as o').whereIn('o.status', PURCHASE_STATUSES as unknown as string[]),
		'o.ordered_at',
		conditions[0].window,
		ctx,
	)
		.whereNotNull('o.customer')
		.groupBy('o.customer')
		.select('o.customer');
	for (const c of conditions) {
		const aggregate = knex.raw(AGGREGATES[c.metric as 'count' | 'sum'], c.metric === 'sum' ? ['o.total'] : []);
		const [low, high] =
			c.op === 'between' ? [Math.min(...(c.value as number[])), Math.max(...(c.value as number[]))] : [];
		rows.having(
			c.op === 'between'
				? knex.raw('(?) BETWEEN ? AND ?', [aggregate, low, high])
				: knex.raw(`(?) ${COMPARISONS[c.op]} ?`, [aggregate, c.value as number]),
		);
	}
	qb.whereIn('crm_customers.id', rows);
}

/** How many customers match `rule`, counted in the database. */
export async function countMatching(knex: Knex, rule: Rule, options: CompileOptions): Promise<number> {
	const row = await knex
		.count({ n: '*' })
		.from(compileSegmentQuery(knex, rule, options).as('matching'))
		.first();
	return Number(row?.n ?? 0);
}
