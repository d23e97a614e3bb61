// The safety net for causes whose action hook was lost (Directus does not await action hooks; a process can die
// right after a commit): every minute, recent causes that have no outbox row for an active rule are planned.
// The "no row yet" test is one indexed NOT EXISTS on the dedupe key per rule, so a quiet minute costs a few queries.
import type { Knex } from 'knex';
import { parseTimestamp } from '../../domain/customer-stats/order-stats';
import type { Cause } from '../outbox/plan';
import { planCauses } from '../outbox/plan';
import { toDbTimestamp } from '../timestamps';
import { activeRules, followupSettings, type FollowupRule } from './rules-repo';
import { feedbackCause, interactionCause, memberCause, orderCause } from './triggers';
import { planIsolated } from './rule-errors';

export const SWEEP_LOOKBACK_MS = 2 * 86_400_000;
const LIMIT = 500;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- loose row shape, kept from before the linter
type Row = { id: number; customer: number; segment: number; [column: string]: any };

/** rule:<id>:customer:<customer column>:<prefix>:<id column><suffix>, built in SQL (SQLite and PostgreSQL). */
function keyExpr(knex: Knex, rule: number, customerColumn: string, prefix: string, idColumn: string, suffix = '') {
	const text = (sql: string) => `cast(${sql} as varchar(255))`;
	return knex.raw(`${text('?')} || ${text('??')} || ${text('?')} || ${text('??')} || ${text('?')}`, [
		`rule:${rule}:customer:`,
		customerColumn,
		`:${prefix}:`,
		idColumn,
		suffix,
	]);
}

const unplanned = (knex: Knex, key: Knex.Raw) => (query: Knex.QueryBuilder) =>
	query.whereNotExists(knex('crm_outbox').select(knex.raw('1')).where('dedupe_key', key));

const since = (rule: FollowupRule, now: Date) =>
	new Date(Math.max(rule.createdAt.getTime(), now.getTime() - SWEEP_LOOKBACK_MS));

async function sweepRule(knex: Knex, rule: FollowupRule, now: Date, npsThreshold: number): Promise<Cause[]> {
	const from = toDbTimestamp(knex, since(rule, now));
	const at = (value: unknown) => parseTimestamp(value) ?? now;
	switch (rule.trigger) {
		case 'order_paid':
		case 'order_fulfilled': {
			const rows = await knex('crm_orders as o')
				.select('o.id', 'o.customer', 'o.date_created')
				.whereIn('o.status', rule.trigger === 'order_paid' ? ['paid', 'fulfilled'] : ['fulfilled'])
				.where('o.date_created', '>=', from)
				.where('o.ordered_at', '>=', toDbTimestamp(knex, new Date(now.getTime() - SWEEP_LOOKBACK_MS)))
				.modify(unplanned(knex, keyExpr(knex, rule.id, 'o.customer', 'order', 'o.id')))
				.limit(LIMIT);
			return rows.map((row: Row) => orderCause(row, at(row.date_created)));
		}
		case 'inquiry_closed': {
			const rows = await knex('crm_interactions as i')
				.select('i.id', 'i.customer', 'i.date_updated', 'i.date_created')
				.where({ 'i.type': 'inquiry', 'i.status': 'done' })
				.where((w) =>
					w
						.where('i.date_updated', '>=', from)
						.orWhere((c) => c.whereNull('i.date_updated').where('i.date_created', '>=', from)),
				)
				.modify(unplanned(knex, keyExpr(knex, rule.id, 'i.customer', 'interaction', 'i.id')))
				.limit(LIMIT);
			return rows.map((row: Row) => interactionCause(row, at(row.date_updated ?? row.date_created)));
		}
		case 'low_score': {
			const rows = await knex('crm_feedback as f')
				.select('f.id', 'f.customer', 'f.date_created')
				.where('f.date_created', '>=', from)
				.where((w) =>
					w
						.where((n) => n.where('f.kind', 'nps').where('f.score', '<=', npsThreshold))
						.orWhere((c) => c.whereIn('f.kind', ['csat', 'review']).where('f.score', '<=', 2)),
				)
				.modify(unplanned(knex, keyExpr(knex, rule.id, 'f.customer', 'feedback', 'f.id')))
				.limit(LIMIT);
			return rows.map((row: Row) => feedbackCause(row, at(row.date_created)));
		}
		case 'segment_entered':
		case 'segment_left': {
			if (rule.segment === null) return [];
			const change = rule.trigger === 'segment_entered' ? 'entered' : 'left';
			const column = change === 'entered' ? 'm.entered_at' : 'm.left_at';
			const rows = await knex('crm_segment_members as m')
				.select('m.id', 'm.customer', 'm.segment', `${column} as at`)
				.where('m.segment', rule.segment)
				.where(column, '>=', from)
				.modify(unplanned(knex, keyExpr(knex, rule.id, 'm.customer', 'member', 'm.id', `:${change}`)))
				.limit(LIMIT);
			return rows.map((row: Row) => memberCause(row, change, at(row.at)));
		}
		default:
			return [];
	}
}

export const SWEPT_TRIGGERS = [
	'order_paid',
	'order_fulfilled',
	'inquiry_closed',
	'low_score',
	'segment_entered',
	'segment_left',
];

/** Plans whatever recent causes have no outbox row yet; returns the number of rows planned. */
export async function sweepUnplanned(knex: Knex, now: Date): Promise<number> {
	const rules = await activeRules(knex, SWEPT_TRIGGERS);
	if (!rules.length) return 0;
	const settings = await followupSettings(knex);
	let planned = 0;
	for (const rule of rules)
		planned += await planIsolated(knex, rule.id, async (trx) =>
			planCauses(trx, rule, await sweepRule(trx, rule, now, settings.npsLowThreshold), settings),
		);
	return planned;
}
