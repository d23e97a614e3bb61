// Planning: one outbox row per (rule, customer, occurrence), inserted with ON CONFLICT (dedupe_key) DO NOTHING, so
// the filter hook, the action hook and the sweeper may all plan the same cause and exactly one row results.
// Held-out customers get a row too (status held_out), so lift can be measured against them.
import type { Knex } from 'knex';
import { dedupeKey, dueAt, isHeldOut } from '../../domain/followups';
import { customerTimeZone, type FollowupRule, type FollowupSettings } from '../followups/rules-repo';
import { toDbTimestamp } from '../timestamps';

export interface Cause {
	customer: number;
	/** Identifies the occurrence for this customer: order:9001, birthday:2026, segment:3:entered:77 … */
	occurrence: string;
	triggerAt: Date;
	/** Trigger details kept on the row (order id, interaction id, feedback id, segment id …). */
	context?: Record<string, unknown>;
}

export interface PlannedRow {
	dedupe_key: string;
	rule: number;
	customer: number;
	template: number | null;
	channel: string;
	status: 'scheduled' | 'held_out';
	marketing: boolean;
	due_at: Date;
	context: Record<string, unknown>;
}

const CHUNK = 200;
const yes = (value: unknown) => value === true || value === 1 || value === '1' || value === 'true';

/** The rows a rule plans for its causes (pure given the customers' night consent and time zones). */
export function plannedRows(
	rule: FollowupRule,
	causes: Cause[],
	customers: Map<number, { consent_night?: unknown; timezone?: unknown }>,
	settings: FollowupSettings,
): PlannedRow[] {
	const rows: PlannedRow[] = [];
	for (const cause of causes) {
		const customer = customers.get(cause.customer);
		if (!customer) continue;
		const due = dueAt(cause.triggerAt, rule.delayMinutes, {
			marketing: rule.marketing,
			nightConsent: yes(customer.consent_night),
			quiet: settings.quiet,
			timeZone: customerTimeZone(customer, settings),
		});
		rows.push({
			dedupe_key: dedupeKey(rule.id, cause.customer, cause.occurrence),
			rule: rule.id,
			customer: cause.customer,
			template: rule.template,
			channel: rule.action,
			status: isHeldOut(rule.id, cause.customer, rule.holdoutPercent) ? 'held_out' : 'scheduled',
			marketing: rule.marketing,
			due_at: due,
			context: {
				trigger: rule.trigger,
				occurrence: cause.occurrence,
				trigger_at: cause.triggerAt.toISOString(),
				...cause.context,
			},
		});
	}
	return rows;
}

/** Inserts planned rows, ignoring those whose dedupe key exists; returns how many were new. */
export async function insertPlanned(knex: Knex, rows: PlannedRow[]): Promise<number> {
	let inserted = 0;
	const created = toDbTimestamp(knex, new Date());
	for (let i = 0; i < rows.length; i += CHUNK) {
		const chunk = rows.slice(i, i + CHUNK).map((row) => ({
			...row,
			due_at: toDbTimestamp(knex, row.due_at),
			context: JSON.stringify(row.context),
			attempts: 0,
			date_created: created,
		}));
		const result = await knex('crm_outbox').insert(chunk).onConflict('dedupe_key').ignore().returning('id');
		inserted += Array.isArray(result) ? result.length : 0;
	}
	return inserted;
}

/** Plans a rule's causes: reads the customers' night consent and time zones, then inserts. */
export async function planCauses(
	knex: Knex,
	rule: FollowupRule,
	causes: Cause[],
	settings: FollowupSettings,
): Promise<number> {
	if (!causes.length) return 0;
	const customers = new Map<number, { consent_night?: unknown; timezone?: unknown }>();
	const ids = [...new Set(causes.map((cause) => cause.customer))];
	for (let i = 0; i < ids.length; i += CHUNK) {
		const rows = await knex('crm_customers')
			.select('id', 'consent_night', 'timezone')
			.whereIn('id', ids.slice(i, i + CHUNK));
		for (const row of rows) customers.set(Number(row.id), row);
	}
	return insertPlanned(knex, plannedRows(rule, causes, customers, settings));
}
