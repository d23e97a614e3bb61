// Carries out one claimed outbox row: the send-time checks, then the action (message, task, points, tag) and its
// outcome. Messages are handed to the provider only after the row is marked in flight under our claim.
import type { Knex } from 'knex';
import { decideSend, isMessage, localDate, type FollowupAction } from '../../domain/followups';
import { awardCapIssue, DEFAULT_AWARD_CAPS, expiryFor, type AwardCaps } from '../../domain/loyalty';
import { composeMessage, htmlToText, TemplateError, type TemplateCache } from '../../domain/templates';
import { customerTimeZone, type FollowupRule, type FollowupSettings } from '../../data/followups/rules-repo';
import { lastByRule, loadCustomer, matchesCondition, sentLastWeek, triggerData } from '../../data/followups/send-facts';
import { automaticPointsToday } from '../../data/loyalty/award-usage';
import { lockCustomer, postMovement } from '../../data/loyalty/ledger';
import { loyaltySettings } from '../../data/loyalty/settings';
import { reviewTier } from '../../data/loyalty/tier-review';
import { markHandoff, type OutboxRow } from '../../data/outbox/claim';
import {
	cancelRow,
	deferRow,
	markFailure,
	markSent,
	recordProviderId,
	type TimelineEntry,
} from '../../data/outbox/complete';
import type { MessageLinks } from './links';
import { ProviderError, type MessageChannel, type ProviderAdapter } from './providers';
import { addCustomerTag, idBySourceKey, templateById } from '../../data/lookups';

export interface ExecuteDeps {
	knex: Knex;
	adapters: Record<MessageChannel, ProviderAdapter>;
	/** Signed unsubscribe and survey links (null when they cannot be made, e.g. no absolute PUBLIC_URL). */
	links: MessageLinks;
	cache: TemplateCache;
	/** Points caps for `points` actions (defaults when absent). */
	caps?: AwardCaps;
}

export interface Pass {
	rules: Map<number, FollowupRule>;
	settings: FollowupSettings;
	now: Date;
}

export type Outcome = 'sent' | 'retry' | 'failed' | 'cancelled' | 'deferred' | 'lost';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- loose row shape, kept from before the linter
const parseContext = (value: unknown): Record<string, any> =>
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- loose row shape, kept from before the linter
	typeof value === 'string' && value ? JSON.parse(value) : ((value as Record<string, any>) ?? {});

export async function executeRow(deps: ExecuteDeps, row: OutboxRow, pass: Pass): Promise<Outcome> {
	const { knex } = deps;
	const rule = row.rule == null ? undefined : pass.rules.get(Number(row.rule));
	const customer = await loadCustomer(knex, row.customer);
	if (!rule || !customer) return cancel(knex, row, !rule ? 'rule was deleted' : 'customer was deleted');
	const timeZone = customerTimeZone(customer, pass.settings);
	let matches: boolean;
	try {
		matches = await matchesCondition(knex, rule, row.customer, pass.now, timeZone);
	} catch (error) {
		return cancel(knex, row, `the rule's condition cannot be evaluated: ${(error as Error).message}`);
	}
	const template =
		isMessage(row.channel) || (row.channel === 'task' && row.template != null)
			? row.template == null
				? null
				: await templateById(knex, row.template)
			: null;
	// Advertising or not is the template's purpose at send time (or the rule's), never the row's stored copy: a row
	// is only a plan, and a plan edited to say "not advertising" must not skip consent, quiet hours or the (광고) mark.
	const marketing = isMessage(row.channel) && (template?.purpose === 'marketing' || rule.marketing);
	const decision = decideSend({
		action: row.channel as FollowupAction,
		marketing,
		ruleActive: rule.status === 'active',
		matchesCondition: matches,
		customer,
		quiet: pass.settings.quiet,
		timeZone,
		sentLastWeek: await sentLastWeek(knex, row.customer, pass.now),
		capPerWeek: pass.settings.capPerWeek,
		lastByRuleAt: await lastByRule(knex, rule.id, row.customer, row.id),
		minDaysBetween: rule.minDaysBetween,
		now: pass.now,
	});
	if (decision.action === 'cancel') return cancel(knex, row, decision.reason);
	if (decision.action === 'defer') {
		await deferRow(knex, row, decision.until, decision.reason);
		return 'deferred';
	}

	const context = parseContext(row.context);
	let rendered: { subject: string; body: string; text?: string } | null = null;
	if (isMessage(row.channel) || (row.channel === 'task' && row.template != null)) {
		if (!template) return fail(knex, row, 'the rule has no template', true, pass.now);
		try {
			const data = await triggerData(knex, row.customer, context);
			const surveyUrl =
				template.kind === 'survey'
					? deps.links.survey({
							customer: row.customer,
							surveyKey: template.key,
							order: data.order ? Number(data.order.id) : null,
							channel: row.channel,
							now: pass.now,
							validDays: pass.settings.surveyLinkDays,
						})
					: null;
			rendered = composeMessage({
				template,
				channel: row.channel as MessageChannel | 'task',
				marketing,
				sender: pass.settings.sender,
				timeZone,
				currency: pass.settings.currency,
				cache: deps.cache,
				unsubscribeUrl: marketing ? deps.links.unsubscribe(row.customer, row.channel, pass.now) : null,
				context: {
					customer,
					rule: { id: rule.id, name: rule.name },
					today: localDate(pass.now, timeZone),
					...data,
					points: context.points ?? null,
					surveyUrl,
				},
			});
		} catch (error) {
			return fail(
				knex,
				row,
				error instanceof TemplateError ? `template: ${error.message}` : (error as Error).message,
				true,
				pass.now,
			);
		}
	}

	const stored = rendered ? { subject: rendered.subject, body: rendered.body } : { subject: rule.name, body: null };
	if (!(await markHandoff(knex, row, pass.now, stored))) return 'lost';
	const attempts = Number(row.attempts ?? 0) + 1;
	try {
		if (isMessage(row.channel)) {
			const { providerId } = await deps.adapters[row.channel].send({
				outboxId: row.id,
				idempotencyKey: `crm-outbox-${row.id}`,
				channel: row.channel,
				customer: row.customer,
				to: row.channel === 'email' ? customer.email : customer.phone,
				subject: rendered!.subject,
				body: rendered!.body,
				text: rendered!.text,
				marketing,
				from:
					row.channel === 'email' && pass.settings.sender.name && pass.settings.sender.email
						? { name: pass.settings.sender.name, address: pass.settings.sender.email }
						: null,
			});
			const timeline: TimelineEntry = {
				channel: row.channel,
				type: 'message',
				status: 'done',
				direction: 'outbound',
				subject: rendered!.subject || null,
				body: rendered!.text ?? rendered!.body,
			};
			await markSent(knex, row, { providerId, now: pass.now, timeline }).catch(async (error) => {
				await recordProviderId(knex, row, providerId);
				throw error;
			});
			return 'sent';
		}
		await carryOut(knex, row, rule, rendered, pass.now, deps.caps ?? DEFAULT_AWARD_CAPS);
		return 'sent';
	} catch (error) {
		if (error instanceof ProviderError) return fail(knex, row, error.message, error.permanent, pass.now, attempts);
		throw error;
	}
}

/** Tasks, points and tags: each keyed by the outbox row, so a requeued row never acts twice. */
async function carryOut(
	knex: Knex,
	row: OutboxRow,
	rule: FollowupRule,
	rendered: { subject: string; body: string } | null,
	now: Date,
	caps: AwardCaps,
) {
	if (row.channel === 'task') {
		const timeline: TimelineEntry = {
			channel: 'phone',
			type: 'task',
			status: 'open',
			direction: 'internal',
			subject: rendered?.subject || rule.name,
			body: rendered ? htmlToText(rendered.body) : null,
			assignee: rule.taskAssignee,
			dueAt: new Date(now.getTime() + 86_400_000),
		};
		await markSent(knex, row, { providerId: null, now, timeline });
	} else if (row.channel === 'points') {
		if (!rule.awardPoints || !Number.isInteger(rule.awardPoints))
			throw new ProviderError('the rule awards no points (award_points)', true);
		const settings = await loyaltySettings(knex);
		await knex.transaction(async (trx) => {
			const locked = await lockCustomer(trx, row.customer);
			// Caps per award and per customer per day, checked under the customer's lock (a rule saved before the caps, or
			// a rule run for a whole segment, cannot mint points beyond them). A requeued row's own award is not recounted.
			const sourceKey = `followup:outbox:${row.id}`;
			const earlier = await idBySourceKey(trx, 'crm_points_ledger', sourceKey);
			const issue = earlier
				? null
				: awardCapIssue(rule.awardPoints!, await automaticPointsToday(trx, row.customer, now), caps);
			if (issue) throw new ProviderError(`award_points: ${issue}`, true);
			const posted = await postMovement(trx, locked.balance, {
				customer: row.customer,
				kind: 'earn',
				points: rule.awardPoints!,
				sourceKey,
				occurredAt: now,
				expiresAt: expiryFor(now, settings.expiryDays),
				reason: rule.name,
			});
			// Follow-up points count towards the tier like any earning.
			if (!posted.duplicate)
				await reviewTier(
					trx,
					{ id: row.customer, tier: locked.row.tier, tier_review_at: locked.row.tier_review_at },
					settings,
					now,
				);
		});
		await markSent(knex, row, { providerId: `ledger:followup:outbox:${row.id}`, now, timeline: null });
	} else if (row.channel === 'tag') {
		if (!rule.tag) throw new ProviderError('the rule has no tag', true);
		await addCustomerTag(knex, row.customer, rule.tag);
		await markSent(knex, row, { providerId: null, now, timeline: null });
	} else {
		throw new ProviderError(`unknown action ${row.channel}`, true);
	}
}

async function cancel(knex: Knex, row: OutboxRow, reason: string): Promise<Outcome> {
	await cancelRow(knex, row, reason);
	return 'cancelled';
}

async function fail(
	knex: Knex,
	row: OutboxRow,
	message: string,
	permanent: boolean,
	now: Date,
	attempts = Number(row.attempts ?? 0) + 1,
): Promise<Outcome> {
	const outcome = await markFailure(knex, row, message, { now, permanent, attempts });
	return outcome.status === 'failed' ? 'failed' : 'retry';
}
