// Event triggers: plan the causes of one trigger for every active rule listening to it. Called from filter hooks
// (inside the write's own transaction: the plan commits or rolls back with it), action hooks and the sweepers.
import type { Knex } from 'knex';
import { planCauses, type Cause } from '../outbox/plan';
import { activeRules, followupSettings, type FollowupRule } from './rules-repo';
import { planIsolated } from './rule-errors';

export const EVENT_TRIGGERS = [
	'order_paid',
	'order_fulfilled',
	'inquiry_closed',
	'low_score',
	'segment_entered',
	'segment_left',
	'points_expiring',
] as const;
export type EventTrigger = (typeof EVENT_TRIGGERS)[number];

/** `options.rules`: the trigger's active rules when the caller has read them already. */
export async function planTrigger(
	knex: Knex,
	trigger: EventTrigger,
	causes: Cause[],
	options: { segment?: number; rules?: FollowupRule[] } = {},
): Promise<number> {
	if (!causes.length) return 0;
	const rules = (
		options.rules?.filter((rule) => rule.trigger === trigger) ?? (await activeRules(knex, trigger))
	).filter((rule) => options.segment === undefined || rule.segment === options.segment);
	if (!rules.length) return 0;
	const settings = await followupSettings(knex);
	let planned = 0;
	for (const rule of rules)
		planned += await planIsolated(knex, rule.id, (trx) =>
			planCauses(
				trx,
				rule,
				causes.filter((cause) => !tooEarly(rule, cause)),
				settings,
			),
		);
	return planned;
}

/** Causes from before the rule existed never trigger it (a new rule does not message last week's buyers). */
const tooEarly = (rule: FollowupRule, cause: Cause) => cause.triggerAt.getTime() < rule.createdAt.getTime() - 60_000;

/** Whether a feedback answer is a low score: NPS at or below the CRM's threshold, CSAT or review at or below 2. */
export function isLowScore(kind: unknown, score: unknown, npsThreshold: number): boolean {
	const value = Number(score);
	if (score === null || score === undefined || !Number.isFinite(value)) return false;
	return kind === 'nps' ? value <= npsThreshold : (kind === 'csat' || kind === 'review') && value <= 2;
}

export const orderCause = (order: { id: unknown; customer: unknown }, at: Date): Cause => ({
	customer: Number(order.customer),
	occurrence: `order:${order.id}`,
	triggerAt: at,
	context: { order: Number(order.id) },
});
export const interactionCause = (row: { id: unknown; customer: unknown }, at: Date): Cause => ({
	customer: Number(row.customer),
	occurrence: `interaction:${row.id}`,
	triggerAt: at,
	context: { interaction: Number(row.id) },
});
export const feedbackCause = (row: { id: unknown; customer: unknown }, at: Date): Cause => ({
	customer: Number(row.customer),
	occurrence: `feedback:${row.id}`,
	triggerAt: at,
	context: { feedback: Number(row.id) },
});
export const memberCause = (
	row: { id: unknown; customer: unknown; segment: unknown },
	change: 'entered' | 'left',
	at: Date,
): Cause => ({
	customer: Number(row.customer),
	occurrence: `member:${row.id}:${change}`,
	triggerAt: at,
	context: { segment: Number(row.segment) },
});
