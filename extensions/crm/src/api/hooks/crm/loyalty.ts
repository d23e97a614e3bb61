// Loyalty glue. An order write marks the order `points_pending` inside its own transaction (durable); the action hook
// settles it right after the commit and a one-minute sweeper settles whatever an action missed (crash, restart).
// Settling is keyed by cause, so the action and the sweeper racing on two replicas still count each point once.
import { randomBytes } from 'node:crypto';
import { InvalidPayloadError } from '@directus/errors';
import type { RegisterFunctions } from '@directus/types';
import type { Knex } from 'knex';
import {
	awardCapIssue,
	awardCaps,
	bonusAwards,
	expiryFor,
	validateEarningRule,
	type BonusEvent,
} from '../../../domain/loyalty';
import { automaticPointsToday } from '../../../data/loyalty/award-usage';
import { lockCustomer, postMovement } from '../../../data/loyalty/ledger';
import { capUsage } from '../../../data/loyalty/rules-repo';
import { runLoyaltyNightly } from '../../../data/loyalty/nightly';
import { settleOrderPoints } from '../../../data/loyalty/settle-order';
import { baseTierFields, reviewTier } from '../../../data/loyalty/tier-review';
import { forgetLoyaltyProgramme, loyaltyProgramme } from '../../../data/loyalty/programme-cache';
import type { CrmContext } from '../../context';
import { ordersPendingPoints, storedEarningRule, tierCode } from '../../../data/lookups';

type Meta = Record<string, unknown>;

const SWEEP_BATCH = 200;

export function register(
	{ filter, action, schedule }: RegisterFunctions,
	{ database, emitter, logger: log, purgeCache, env }: CrmContext,
) {
	const caps = awardCaps(env);
	const settle = async (keys: unknown[], attempt = 0) => {
		const { settings } = await loyaltyProgramme(database, Date.now());
		const unseen: unknown[] = [];
		for (const key of keys) {
			try {
				if ((await settleOrderPoints(database, Number(key), settings, new Date())) === null) unseen.push(key);
			} catch (error) {
				log.error(error, `crm: settling points of order ${key} failed; the sweeper will retry`);
			}
		}
		// After-save hooks can fire before an outer transaction commits (Directus does this when a service is given
		// one): retry shortly; the one-minute sweeper remains the guarantee.
		if (unseen.length < keys.length) await purgeCache().catch((error) => log.error(error, 'crm: cache purge failed'));
		// A timer's promise has no one to hand a failure to, and an unhandled rejection ends the Directus process.
		const retry = () =>
			settle(unseen, attempt + 1).catch((error) =>
				log.error(error, 'crm: settling points failed; the sweeper will retry'),
			);
		if (unseen.length && attempt < 3) setTimeout(retry, 500 * 3 ** attempt);
	};

	filter('crm_orders.items.create', (payload) => ({ ...(payload as object), points_pending: true }));
	filter('crm_orders.items.update', (payload) =>
		'status' in (payload as object) ? { ...(payload as object), points_pending: true } : payload,
	);
	action('crm_orders.items.create', (meta) => settle([meta.key]));
	action('crm_orders.items.update', (meta) => settle((meta.keys as unknown[]) ?? []));

	schedule('* * * * *', async () => {
		const pending = await ordersPendingPoints(database, SWEEP_BATCH);
		if (pending.length) await settle(pending);
	});

	schedule('45 3 * * *', async () => {
		const result = await runLoyaltyNightly(database, new Date(), () => randomBytes(16));
		await purgeCache();
		for (const notice of result.notices) emitter.emitAction('crm.points.expiring', { ...notice }, null);
		if (result.drift.length)
			log.warn(`crm: points balance drift for customers ${result.drift.map((d) => d.customer).join(', ')}`);
		log.info(
			`crm: loyalty nightly: ${result.expiredPoints} points expired in ${result.expiredLots} lots, ${result.expiredCoupons} coupons expired, ${result.tierChanges} tier changes`,
		);
	});

	// The ledger and coupon codes change only through the CRM's own operations (which write with SQL, not these hooks).
	for (const event of ['create', 'update', 'delete']) {
		filter(`crm_points_ledger.items.${event}`, () => {
			throw new InvalidPayloadError({
				reason: 'crm_points_ledger is append-only: adjust points with POST /crm/loyalty/adjust',
			});
		});
	}
	filter('crm_coupons.items.create', () => {
		throw new InvalidPayloadError({ reason: 'Coupons are issued by redeeming a reward: POST /crm/loyalty/redeem' });
	});
	filter('crm_coupons.items.update', (payload) => {
		const locked = ['code', 'customer', 'reward', 'status', 'points_cost', 'source_key'].filter(
			(field) => field in (payload as object),
		);
		if (locked.length)
			throw new InvalidPayloadError({ reason: `${locked.join(', ')}: use /crm/coupons/consume or /crm/coupons/void` });
		return payload;
	});

	const checkRule = async (payload: Meta, knex: Knex, key?: unknown) => {
		if (typeof payload !== 'object' || payload === null || Array.isArray(payload))
			throw new InvalidPayloadError({ reason: 'an earning rule must be an object' });
		const stored = key === undefined ? {} : await storedEarningRule(knex, key);
		const checked = validateEarningRule({ ...stored, ...payload });
		if ('errors' in checked)
			throw new InvalidPayloadError({
				reason: checked.errors.map((issue) => `${issue.field}: ${issue.message}`).join('; '),
			});
	};
	for (const event of [
		'crm_loyalty_rules.items.create',
		'crm_loyalty_rules.items.update',
		'crm_loyalty_rules.items.delete',
		'crm_tiers.items.create',
		'crm_tiers.items.update',
		'crm_tiers.items.delete',
		'crm_settings.items.update',
		'crm_settings.items.create',
	]) {
		action(event, () => forgetLoyaltyProgramme());
	}
	filter('crm_loyalty_rules.items.create', async (payload, _meta, context) => {
		await checkRule(payload as Meta, context.database);
		return payload;
	});
	filter('crm_loyalty_rules.items.update', async (payload, meta, context) => {
		for (const key of (meta.keys as unknown[]) ?? []) await checkRule(payload as Meta, context.database, key);
		return payload;
	});

	// Event bonuses: survey answered, review written, referral (paid to the referrer when the referred customer joins).
	const bonus = async (customer: number, event: BonusEvent, cause: string) => {
		const now = new Date();
		const { rules, settings, tiers } = await loyaltyProgramme(database, now.getTime());
		await database.transaction(async (trx) => {
			const locked = await lockCustomer(trx, customer);
			let earned = 0;
			let balance = locked.balance;
			const tier = locked.row.tier == null ? null : await tierCode(trx, locked.row.tier);
			// Bonuses are fixed amounts: the tier only decides whether a tier-restricted bonus applies, never multiplies it.
			const usage = await capUsage(trx, customer, rules, now, settings.timeZone);
			const awards = bonusAwards(rules, event, now, {
				tierCode: tier?.code ?? null,
				tierMultiplier: 1,
				timeZone: settings.timeZone,
				earnedTodayByRule: usage.today,
				earnedTotalByRule: usage.total,
			});
			let today = await automaticPointsToday(trx, customer, now);
			for (const award of awards) {
				// Bonuses obey the per-award and per-customer daily caps like every automatic award.
				const issue = awardCapIssue(award.points, today, caps);
				if (issue) {
					log.warn(`crm: ${event} bonus of rule ${award.ruleId} for customer ${customer} not given: ${issue}`);
					continue;
				}
				const posted = await postMovement(trx, balance, {
					customer,
					kind: 'earn',
					points: award.points,
					sourceKey: `bonus:${event}:${cause}:rule:${award.ruleId}`,
					occurredAt: now,
					expiresAt: expiryFor(now, settings.expiryDays),
					rule: award.ruleId,
					reason: rules.find((rule) => String(rule.id) === String(award.ruleId))?.name ?? award.detail,
				});
				balance = posted.balance;
				if (!posted.duplicate) today += posted.points;
				if (!posted.duplicate) earned += posted.points;
			}
			// Bonus points count towards the tier like any earning: re-check it at once (a survey bonus can reach VIP).
			if (earned > 0)
				await reviewTier(
					trx,
					{ id: customer, tier: locked.row.tier, tier_review_at: locked.row.tier_review_at },
					settings,
					now,
					tiers,
				);
		});
		await purgeCache();
	};
	action('crm_feedback.items.create', async (meta) => {
		const row = meta.payload as Meta;
		if (row?.customer == null) return;
		await bonus(
			Number(row.customer),
			row.kind === 'review' ? 'review' : 'survey_answered',
			`feedback:${meta.key}`,
		).catch((error) => log.error(error, 'crm: feedback bonus failed'));
	});
	// Every customer has the base tier from creation, set in the create's own transaction (after the owned-fields guard
	// judged the caller's payload); the nightly job places any customer created without it.
	filter('crm_customers.items.create', async (payload, _meta, context) => {
		if (typeof payload !== 'object' || payload === null) return payload;
		const { settings, tiers } = await loyaltyProgramme(context.database as Knex, Date.now());
		const base = baseTierFields(tiers, settings, new Date());
		return base ? { ...payload, ...base } : payload;
	});
	action('crm_customers.items.create', async (meta) => {
		const row = meta.payload as Meta;
		if (row?.referred_by == null) return;
		await bonus(Number(row.referred_by), 'referral', `customer:${meta.key}`).catch((error) =>
			log.error(error, 'crm: referral bonus failed'),
		);
	});
}
