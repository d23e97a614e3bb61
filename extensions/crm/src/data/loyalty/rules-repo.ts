// Reads earning rules, tiers and per-rule cap usage: one query each, whatever the number of rules.
import type { Knex } from 'knex';
import { validateEarningRule, type EarningRule, type Tier } from '../../domain/loyalty';
import { localDayBounds } from '../../domain/calendar/local-day';
import { toDbTimestamp } from '../timestamps';

export async function activeRules(
	knex: Knex,
	onInvalid?: (id: unknown, errors: unknown) => void,
): Promise<EarningRule[]> {
	const rows = await knex('crm_loyalty_rules').select('*').where('status', 'active');
	const rules: EarningRule[] = [];
	for (const row of rows) {
		const checked = validateEarningRule(row);
		if ('rule' in checked) rules.push(checked.rule);
		else onInvalid?.(row.id, checked.errors);
	}
	return rules;
}

export async function allTiers(knex: Knex): Promise<(Tier & { color: string | null })[]> {
	const rows = await knex('crm_tiers')
		.select('id', 'code', 'name', 'rank', 'threshold', 'multiplier', 'color')
		.orderBy('rank');
	return rows.map((row) => ({
		id: row.id,
		code: row.code,
		name: row.name,
		rank: Number(row.rank),
		threshold: Number(row.threshold),
		multiplier: Number(row.multiplier ?? 1),
		color: row.color ?? null,
	}));
}

/** Points this customer already earned per capped rule: today (CRM time zone) and ever. */
export async function capUsage(knex: Knex, customer: number, rules: EarningRule[], at: Date, timeZone: string) {
	const capped = rules.filter((rule) => rule.capPerDay !== null || rule.capPerCustomer !== null).map((rule) => rule.id);
	const today: Record<string, number> = {};
	const total: Record<string, number> = {};
	if (!capped.length) return { today, total };
	const { start, end } = localDayBounds(at, timeZone);
	const rows = await knex('crm_points_ledger')
		.select('rule')
		.sum({ total: 'points' })
		.sum({
			today: knex.raw('CASE WHEN ?? >= ? AND ?? < ? THEN ?? ELSE 0 END', [
				'occurred_at',
				toDbTimestamp(knex, start),
				'occurred_at',
				toDbTimestamp(knex, end),
				'points',
			]),
		})
		.where('customer', customer)
		.whereIn('kind', ['earn', 'reverse'])
		.whereIn('rule', capped)
		.groupBy('rule');
	for (const row of rows as Record<string, unknown>[]) {
		today[String(row.rule)] = Number(row.today ?? 0);
		total[String(row.rule)] = Number(row.total ?? 0);
	}
	return { today, total };
}

/** Points earned in the tier window: earnings minus their reversals (never the balance, never redemptions). */
export async function earnedSince(knex: Knex, customer: number, since: Date): Promise<number> {
	const row = await knex('crm_points_ledger')
		.sum({ earned: 'points' })
		.where('customer', customer)
		.where('occurred_at', '>=', toDbTimestamp(knex, since))
		.where((where) =>
			where.where('kind', 'earn').orWhere((reversal) => reversal.where('kind', 'reverse').whereNotNull('order')),
		)
		.first();
	return Number(row?.earned ?? 0);
}
