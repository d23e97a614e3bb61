// Follow-up glue. Status changes (order paid/delivered, inquiry closed) are planned by filter hooks inside the
// write's own transaction: the outbox rows commit or roll back with the change. New rows (orders, feedback, inquiries
// logged closed) have no id in a create filter, so an action hook plans them right after the commit and a one-minute
// sweeper plans whatever an action missed; segment changes arrive as CRM events with the same sweeper behind them.
// Every path builds the same dedupe key, so they can race freely. Date triggers run on schedules; the dispatcher
// runs every minute (one replica per tick with Redis synchronisation).
import { InvalidPayloadError } from '@directus/errors';
import type { RegisterFunctions } from '@directus/types';
import { parseTimestamp } from '../../../domain/customer-stats/order-stats';
import { activeRules, followupSettings } from '../../../data/followups/rules-repo';
import {
	membershipForChange,
	openInquiries,
	orderForFollowups,
	ordersWithStatus,
	storedFollowupRule,
} from '../../../data/followups/hook-reads';
import { planDateTriggers } from '../../../data/followups/occasions';
import { sweepUnplanned } from '../../../data/followups/sweeps';
import {
	feedbackCause,
	interactionCause,
	isLowScore,
	memberCause,
	orderCause,
	planTrigger,
} from '../../../data/followups/triggers';
import { dispatchDue } from '../../followups/dispatcher';
import { dispatchDeps, leaseMs } from '../../followups/context';
import type { CrmContext } from '../../context';
import { describeIssues, ruleIssues, templateIssues } from '../../followups/validation';
import { boundedRunner, cachedFor } from '../../bounded';

type Meta = Record<string, unknown>;

const PAID = ['paid', 'fulfilled'];
/** A created order older than this is history being imported, not a purchase to follow up. */
const FRESH_ORDER_MS = 2 * 86_400_000;

export function register({ filter, action, schedule }: RegisterFunctions, context: CrmContext) {
	const { database, logger, emitter } = context;
	const logged = (label: string) => (error: unknown) =>
		logger.error(error, `crm: follow-ups: ${label} failed; the sweeper retries`);
	const deps = dispatchDeps(context);
	// Rows planned after a commit are SQL writes Directus did not see: purge its data cache (when auto-purge is on).
	const planned = async (count: number) => {
		if (count > 0) await deps.purgeCache().catch((error) => logger.error(error, 'crm: cache purge failed'));
	};

	// Orders: a status change into paid / fulfilled, planned in the update's transaction.
	filter('crm_orders.items.update', async (payload, meta, { database: knex }) => {
		const status = (payload as Meta)?.status;
		if (typeof status !== 'string' || !PAID.includes(status)) return payload;
		const before = await ordersWithStatus(knex, (meta.keys ?? []) as number[]);
		const now = new Date();
		const changed = before.filter((order) => order.status !== status && order.customer != null);
		const newlyPaid = changed.filter((order) => !PAID.includes(order.status));
		await planTrigger(
			knex,
			'order_paid',
			newlyPaid.map((order) => orderCause(order, now)),
		);
		if (status === 'fulfilled')
			await planTrigger(
				knex,
				'order_fulfilled',
				changed.map((order) => orderCause(order, now)),
			);
		return payload;
	});
	action('crm_orders.items.create', (meta) => planCreatedOrder(meta.key).catch(logged('order')));
	const planCreatedOrder = async (key: unknown) => {
		// The rules first, once for both triggers: with no order follow-up active (the common case) the order is not read.
		const rules = await activeRules(database, ['order_paid', 'order_fulfilled']);
		if (!rules.length) return;
		const order = await orderForFollowups(database, Number(key));
		const orderedAt = parseTimestamp(order?.ordered_at);
		if (!order || !PAID.includes(order.status) || !orderedAt || Date.now() - orderedAt.getTime() > FRESH_ORDER_MS)
			return;
		const now = new Date();
		await planned(await planTrigger(database, 'order_paid', [orderCause(order, now)], { rules }));
		if (order.status === 'fulfilled')
			await planned(await planTrigger(database, 'order_fulfilled', [orderCause(order, now)], { rules }));
	};

	// Inquiries: closed (status → done) in the update's transaction; logged already closed: after the commit.
	filter('crm_interactions.items.update', async (payload, meta, { database: knex }) => {
		if ((payload as Meta)?.status !== 'done') return payload;
		const rows = await openInquiries(knex, (meta.keys ?? []) as number[]);
		const now = new Date();
		await planTrigger(
			knex,
			'inquiry_closed',
			rows.map((row) => interactionCause(row, now)),
		);
		return payload;
	});
	action('crm_interactions.items.create', async (meta) => {
		const row = meta.payload as Meta;
		if (row?.type !== 'inquiry' || row?.status !== 'done' || row?.customer == null) return;
		await planTrigger(database, 'inquiry_closed', [
			interactionCause({ id: meta.key, customer: row.customer }, new Date()),
		]).then(planned, logged('inquiry'));
	});

	// Survey answers with a low score.
	action('crm_feedback.items.create', async (meta) => {
		const row = meta.payload as Meta;
		if (row?.customer == null) return;
		const settings = await followupSettings(database);
		if (!isLowScore(row.kind, row.score, settings.npsLowThreshold)) return;
		await planTrigger(database, 'low_score', [
			feedbackCause({ id: meta.key, customer: row.customer }, new Date()),
		]).then(planned, logged('low score'));
	});

	// Segment entries and exits, and points about to expire (CRM events on the extensions' emitter). A first refresh of
	// a big segment emits 100,000s of these at once: each listener first asks a short-lived cache whether an active
	// rule listens on that segment (most often none), and the member lookups run a few at a time instead of all racing
	// for the connection pool. Saving a rule clears the cache here; another replica may miss an event for up to 10 s,
	// and the sweeper plans it.
	const segmentRules = cachedFor(10_000, (trigger: 'segment_entered' | 'segment_left') =>
		activeRules(database, trigger),
	);
	const fewAtATime = boundedRunner(4);
	for (const event of ['create', 'update', 'delete'])
		action(`crm_followup_rules.items.${event}`, () => segmentRules.clear());
	for (const change of ['entered', 'left'] as const) {
		const trigger = `segment_${change}` as const;
		emitter.onAction(`crm.segment.${change}`, ({ segment, customer }) =>
			fewAtATime(async () => {
				const rules = (await segmentRules(trigger)).filter((rule) => rule.segment === Number(segment));
				if (!rules.length) return;
				const member = await membershipForChange(database, segment, customer, change);
				if (member)
					await planTrigger(database, trigger, [memberCause(member, change, new Date())], {
						segment: Number(segment),
						rules,
					}).then(planned);
			}).catch(logged(`segment ${change}`)),
		);
	}
	emitter.onAction('crm.points.expiring', async (notice) => {
		const day = String(notice.expiresAt ?? '').slice(0, 10);
		const cause = {
			customer: Number(notice.customer),
			occurrence: `points_expiring:${day}`,
			triggerAt: new Date(),
			context: { points: { balance: null, expiring: notice.points, expiring_at: notice.expiresAt } },
		};
		await planTrigger(database, 'points_expiring', [cause]).then(planned, logged('points expiring'));
	});

	// Every minute: plan what the actions missed, then send what is due.
	schedule('* * * * *', async () => {
		const now = new Date();
		await sweepUnplanned(database, now).then(planned, logged('sweep'));
		const summary = await dispatchDue(deps, { now, leaseMs: leaseMs(context.env), budgetMs: 40_000 });
		if (summary.claimed || summary.recovered.requeued || summary.recovered.unknown)
			logger.info(`crm: follow-ups dispatched ${JSON.stringify(summary)}`);
	});
	const total = (counts: Record<number, number>) => Object.values(counts).reduce((sum, n) => sum + n, 0);
	schedule('7 * * * *', async () => {
		await planned(total(await planDateTriggers(database, new Date(), ['birthday', 'anniversary'])));
	});
	schedule('20 4 * * *', async () => {
		await planned(total(await planDateTriggers(database, new Date(), ['inactivity'])));
	});

	// Save-time validation of templates and rules (400 naming the problem).
	const checked = (issues: { field: string; message: string }[]) => {
		if (issues.length) throw new InvalidPayloadError({ reason: describeIssues(issues) });
	};
	filter('crm_templates.items.create', (payload) => {
		checked(templateIssues(payload as Meta));
		return payload;
	});
	filter('crm_templates.items.update', (payload) => {
		checked(templateIssues(payload as Meta));
		return payload;
	});
	filter('crm_followup_rules.items.create', async (payload, _meta, { database: knex }) => {
		checked(await ruleIssues(knex, { action: 'email', ...(payload as Meta) }));
		return payload;
	});
	filter('crm_followup_rules.items.update', async (payload, meta, { database: knex }) => {
		for (const key of (meta.keys ?? []) as number[]) {
			const stored = await storedFollowupRule(knex, key);
			checked(await ruleIssues(knex, { ...stored, ...(payload as Meta) }));
		}
		return payload;
	});
}
