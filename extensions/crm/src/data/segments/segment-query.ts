// Compiles a segment rule to ONE query selecting matching crm_customers.id; nothing is loaded into JS.
import type { Knex } from 'knex';
import type { ConditionRegistry } from '../../domain/segments/condition-registry';
import { childPath, isAll, isAny, isNot, type Condition, type Issue, type Rule } from '../../domain/segments/rule-types';
import { validateRule } from '../../domain/segments/validate-rule';
import { segmentConditions } from './builtin-condition-handlers';
import type { CompileContext, ConditionHandler } from './condition-handler';

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
	const ctx: CompileContext = { knex, now: options.now, timeZone: options.timeZone ?? 'UTC', customerId: 'crm_customers.id', singleCustomer: options.customer };
	const qb = knex('crm_customers').select('crm_customers.id');
	if (options.customer !== undefined) qb.where('crm_customers.id', options.customer);
	applyRule(rule, qb, ctx, registry, '');
	return qb;
}

function applyRule(rule: Rule, qb: Knex.QueryBuilder, ctx: CompileContext, registry: ConditionRegistry<ConditionHandler>, path: string): void {
	if (isAll(rule)) {
		qb.where((group) => rule.all.forEach((child, i) => group.where((inner) => applyRule(child, inner, ctx, registry, `${childPath(path, 'all')}[${i}]`))));
	} else if (isAny(rule)) {
		qb.where((group) => rule.any.forEach((child, i) => group.orWhere((inner) => applyRule(child, inner, ctx, registry, `${childPath(path, 'any')}[${i}]`))));
	} else if (isNot(rule)) {
		qb.whereNot((inner) => applyRule(rule.not, inner, ctx, registry, childPath(path, 'not')));
	} else {
		const cond = rule as Condition;
		const handler = registry.get(cond.type);
		if (!handler) throw new InvalidSegmentRuleError([{ path: childPath(path, 'type'), message: `unknown condition type ${JSON.stringify(cond.type)}` }]);
		handler.compile(cond, ctx)(qb);
	}
}

/** How many customers match `rule`, counted in the database. */
export async function countMatching(knex: Knex, rule: Rule, options: CompileOptions): Promise<number> {
	const row = await knex.count({ n: '*' }).from(compileSegmentQuery(knex, rule, options).as('matching')).first();
	return Number(row?.n ?? 0);
}
