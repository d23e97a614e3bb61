// Follow-up rules and the CRM settings they use, read once per planning or dispatch pass.
import type { Knex } from 'knex';
import { parseTimestamp } from '../../domain/customer-stats/order-stats';
import { DEFAULT_QUIET_HOURS, isValidTimeZone, type QuietHours } from '../../domain/followups';
import type { Sender } from '../../domain/templates';
import type { Rule } from '../../domain/segments/rule-types';

export interface FollowupRule {
	id: number;
	name: string;
	status: string;
	trigger: string;
	delayMinutes: number;
	segment: number | null;
	condition: Rule | null;
	action: string;
	template: number | null;
	/** From the template's purpose; actions without a template (task, points, tag) are not advertising. */
	marketing: boolean;
	minDaysBetween: number;
	holdoutPercent: number;
	inactivityFactor: number;
	inactivityFloorDays: number;
	awardPoints: number | null;
	tag: string | null;
	taskAssignee: string | null;
	createdAt: Date;
}

const json = (value: unknown) => (typeof value === 'string' && value ? JSON.parse(value) : (value ?? null));
const num = (value: unknown, fallback: number) =>
	value === null || value === undefined || value === '' || !Number.isFinite(Number(value)) ? fallback : Number(value);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- loose row shape, kept from before the linter
export function toRule(row: Record<string, any>): FollowupRule {
	return {
		id: Number(row.id),
		name: row.name,
		status: row.status,
		trigger: row.trigger,
		delayMinutes: num(row.delay_minutes, 0),
		segment: row.segment == null ? null : Number(row.segment),
		condition: json(row.condition),
		action: row.action,
		template: row.template == null ? null : Number(row.template),
		marketing: row.template_purpose === 'marketing',
		minDaysBetween: num(row.min_days_between, 0),
		holdoutPercent: num(row.holdout_percent, 0),
		inactivityFactor: num(row.inactivity_factor, 2),
		inactivityFloorDays: num(row.inactivity_floor_days, 30),
		awardPoints: row.award_points == null ? null : Number(row.award_points),
		tag: row.tag || null,
		taskAssignee: row.task_assignee || null,
		createdAt: parseTimestamp(row.date_created) ?? new Date(0),
	};
}

const ruleQuery = (knex: Knex) =>
	knex('crm_followup_rules as r')
		.leftJoin('crm_templates as t', 't.id', 'r.template')
		.select('r.*', 't.purpose as template_purpose');

export async function activeRules(knex: Knex, trigger?: string | string[]): Promise<FollowupRule[]> {
	const query = ruleQuery(knex).where('r.status', 'active').orderBy('r.id');
	if (trigger) query.whereIn('r.trigger', Array.isArray(trigger) ? trigger : [trigger]);
	return (await query).map(toRule);
}

export async function rulesById(knex: Knex, ids: number[]): Promise<Map<number, FollowupRule>> {
	if (!ids.length) return new Map();
	const rows = await ruleQuery(knex).whereIn('r.id', ids);
	return new Map(rows.map((row) => [Number(row.id), toRule(row)]));
}

export interface FollowupSettings {
	timeZone: string;
	quiet: QuietHours;
	sender: Sender;
	capPerWeek: number | null;
	npsLowThreshold: number;
	currency: string;
	language: string;
	surveyLinkDays: number;
}

export async function followupSettings(knex: Knex): Promise<FollowupSettings> {
	const row = (await knex('crm_settings').first('*')) ?? {};
	const time = (value: unknown, fallback: string) =>
		typeof value === 'string' && /^\d{2}:\d{2}/.test(value) ? value : fallback;
	return {
		timeZone: isValidTimeZone(row.timezone) ? row.timezone : 'Asia/Seoul',
		quiet: {
			start: time(row.quiet_hours_start, DEFAULT_QUIET_HOURS.start),
			end: time(row.quiet_hours_end, DEFAULT_QUIET_HOURS.end),
		},
		sender: {
			name: row.sender_name ?? null,
			email: row.sender_email ?? null,
			phone: row.sender_phone ?? null,
			address: row.sender_address ?? null,
		},
		capPerWeek: row.frequency_cap_per_week == null ? 3 : Number(row.frequency_cap_per_week),
		npsLowThreshold: num(row.nps_low_threshold, 6),
		currency: row.currency || 'KRW',
		language: row.default_language || 'ko-KR',
		surveyLinkDays: num(row.survey_link_days, 30),
	};
}

/** The customer's own time zone when valid, else the CRM's. */
export function customerTimeZone(customer: { timezone?: unknown }, settings: FollowupSettings): string {
	return isValidTimeZone(customer.timezone) ? customer.timezone : settings.timeZone;
}
