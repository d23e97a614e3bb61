// Date triggers, planned by a schedule: birthdays and customer-since anniversaries (hourly, so each time zone's day
// is planned soon after it starts) and inactivity relative to the customer's own rhythm (daily). Candidates are
// narrowed in SQL (month-day of the date; lapsed longer than the floor), decided exactly in the domain (time zone,
// 29 February, median gap) and inserted in bulk; dedupe keys make every re-run a no-op.
import type { Knex } from 'knex';
import { parseTimestamp } from '../../domain/customer-stats/order-stats';
import {
	anniversaryYears,
	celebratedMonthDays,
	dedupeKey,
	fallsOn,
	inactivity,
	localDate,
	startOfLocalDate,
} from '../../domain/followups';
import { planCauses, type Cause } from '../outbox/plan';
import { toDbTimestamp } from '../timestamps';
import {
	activeRules,
	customerTimeZone,
	followupSettings,
	type FollowupRule,
	type FollowupSettings,
} from './rules-repo';
import { isSqlite } from '../dialect';
import { planIsolated } from './rule-errors';

const CHUNK = 1000;

/** Every local calendar day in progress somewhere on Earth (UTC-12 … UTC+14), with its neighbours when asked. */
function monthDaysInProgress(now: Date, widen: boolean): string[] {
	const days = new Set([localDate(now, 'Etc/GMT+12'), localDate(now, 'UTC'), localDate(now, 'Pacific/Kiritimati')]);
	const keys = new Set<string>();
	for (const day of days) {
		for (const offset of widen ? [-1, 0, 1] : [0]) {
			const shifted = new Date(Date.parse(`${day}T12:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
			for (const key of celebratedMonthDays(shifted)) keys.add(key);
		}
	}
	return [...keys];
}

/** A date column as 'YYYY-MM-DD'. node-postgres turns DATE into a Date at local midnight, so local parts are read. */
function dateOnly(value: unknown): string | null {
	if (value instanceof Date)
		return `${value.getFullYear()}-${String(value.getMonth() + 1).padStart(2, '0')}-${String(value.getDate()).padStart(2, '0')}`;
	// SQLite through Directus: epoch milliseconds of the date's UTC midnight.
	if (typeof value === 'number' || (typeof value === 'string' && /^-?\d{6,}$/.test(value)))
		return new Date(Number(value)).toISOString().slice(0, 10);
	return value === null || value === undefined || value === '' ? null : String(value).slice(0, 10);
}

/** Drops causes that already have an outbox row for this rule (one indexed lookup per chunk). */
async function withoutPlanned(knex: Knex, rule: FollowupRule, causes: Cause[]): Promise<Cause[]> {
	if (!causes.length) return causes;
	const keys = causes.map((cause) => dedupeKey(rule.id, cause.customer, cause.occurrence));
	const existing = new Set(
		(await knex('crm_outbox').select('dedupe_key').whereIn('dedupe_key', keys)).map((row) => row.dedupe_key),
	);
	return causes.filter((_, i) => !existing.has(keys[i]));
}

async function calendarCauses(knex: Knex, rule: FollowupRule, now: Date, settings: FollowupSettings): Promise<Cause[]> {
	const birthday = rule.trigger === 'birthday';
	const column = birthday ? 'birthday' : 'first_order_at';
	// Directus keeps dates and timestamps as epoch milliseconds on SQLite (text when written by other means).
	const md = isSqlite(knex)
		? `(case when typeof(${column}) in ('integer', 'real') then strftime('%m-%d', ${column} / 1000, 'unixepoch') else strftime('%m-%d', ${column}) end)`
		: birthday
			? "to_char(birthday, 'MM-DD')"
			: "to_char(first_order_at at time zone 'UTC', 'MM-DD')";
	const keys = monthDaysInProgress(now, !birthday);
	const rows = await knex('crm_customers')
		.select('id', column, 'timezone')
		.whereNotNull(column)
		.whereRaw(`${md} in (${keys.map(() => '?').join(', ')})`, keys);
	const causes: Cause[] = [];
	for (const row of rows) {
		const zone = customerTimeZone(row, settings);
		const day = localDate(now, zone);
		const value = birthday ? dateOnly(row.birthday) : parseTimestamp(row.first_order_at);
		const due = birthday ? fallsOn(value, day, zone) : anniversaryYears(value, day, zone) !== null;
		if (!due) continue;
		const years = birthday ? null : anniversaryYears(value, day, zone);
		causes.push({
			customer: Number(row.id),
			occurrence: `${rule.trigger}:${day.slice(0, 4)}`,
			triggerAt: startOfLocalDate(day, zone),
			context: { day, ...(years ? { years } : {}) },
		});
	}
	return withoutPlanned(knex, rule, causes);
}

async function planInactivity(knex: Knex, rule: FollowupRule, now: Date, settings: FollowupSettings): Promise<number> {
	const lapsedBefore = toDbTimestamp(knex, new Date(now.getTime() - rule.inactivityFloorDays * 86_400_000));
	let after = 0;
	let planned = 0;
	for (;;) {
		const customers = await knex('crm_customers')
			.select('id')
			.where('id', '>', after)
			.whereNotNull('last_order_at')
			.where('last_order_at', '<=', lapsedBefore)
			.orderBy('id')
			.limit(CHUNK);
		if (!customers.length) return planned;
		after = Number(customers[customers.length - 1].id);
		const ids = customers.map((row) => Number(row.id));
		const orders = await knex('crm_orders')
			.select('customer', 'ordered_at')
			.whereIn('customer', ids)
			.whereIn('status', ['paid', 'fulfilled']);
		const dates = new Map<number, Date[]>();
		for (const order of orders) {
			const at = parseTimestamp(order.ordered_at);
			if (at) dates.set(Number(order.customer), [...(dates.get(Number(order.customer)) ?? []), at]);
		}
		const causes: Cause[] = [];
		for (const id of ids) {
			const state = inactivity(dates.get(id) ?? [], now, rule.inactivityFactor, rule.inactivityFloorDays);
			if (!state.inactive || !state.lastOrderAt) continue;
			causes.push({
				customer: id,
				occurrence: `inactive:${state.lastOrderAt.toISOString().slice(0, 10)}`,
				triggerAt: now,
				context: {
					threshold_days: Math.round(state.thresholdDays),
					days_since_last: Math.floor(state.daysSinceLast ?? 0),
				},
			});
		}
		planned += await planCauses(knex, rule, await withoutPlanned(knex, rule, causes), settings);
	}
}

export const DATE_TRIGGERS = ['birthday', 'anniversary', 'inactivity'] as const;

/** Plans the date triggers for `now`; returns rows planned per rule id. */
export async function planDateTriggers(
	knex: Knex,
	now: Date,
	triggers: readonly string[] = DATE_TRIGGERS,
): Promise<Record<number, number>> {
	const rules = await activeRules(knex, [...triggers]);
	const settings = await followupSettings(knex);
	const result: Record<number, number> = {};
	for (const rule of rules) {
		result[rule.id] = await planIsolated(knex, rule.id, async (trx) =>
			rule.trigger === 'inactivity'
				? planInactivity(trx, rule, now, settings)
				: planCauses(trx, rule, await calendarCauses(trx, rule, now, settings), settings),
		);
	}
	return result;
}
