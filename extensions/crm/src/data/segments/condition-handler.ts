// The full contract for a segment condition type: the pure spec plus how it compiles to a WHERE clause.
import type { Knex } from 'knex';
import type { ConditionSpec } from '../../domain/segments/condition-registry';
import type { Condition, TimeWindow } from '../../domain/segments/rule-types';
import { windowBounds } from '../../domain/segments/time-windows';
import { toDbTimestamp } from '../timestamps';
import type { PredicateContext } from './sql-predicates';

/** What a handler may use while compiling; `customerId` is the outer column to correlate subqueries with. */
export interface CompileContext extends PredicateContext {
	customerId: string;
	/** Set when evaluating one customer (incremental refresh): correlated subqueries are cheapest then. */
	singleCustomer?: number;
}

export interface ConditionHandler<C extends Condition = Condition> extends ConditionSpec<C> {
	/** Returns a function that adds this condition's WHERE clause to the builder it is given. */
	compile(cond: C, ctx: CompileContext): (qb: Knex.QueryBuilder) => void;
}

/** `<alias>.customer = crm_customers.id`, for correlated subqueries. */
export function correlate(qb: Knex.QueryBuilder, column: string, ctx: CompileContext): Knex.QueryBuilder {
	return qb.whereRaw('?? = ??', [column, ctx.customerId]);
}

/** Restricts `column` to the window: [now - lastDays, ∞) or [from, to). */
export function applyWindow(
	qb: Knex.QueryBuilder,
	column: string,
	window: TimeWindow | undefined,
	ctx: CompileContext,
): Knex.QueryBuilder {
	const { from, to } = windowBounds(window, ctx.now);
	if (from) qb.where(column, '>=', toDbTimestamp(ctx.knex, from));
	if (to) qb.where(column, '<', toDbTimestamp(ctx.knex, to));
	return qb;
}
