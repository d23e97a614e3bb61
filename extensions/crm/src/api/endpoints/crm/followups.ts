// /crm/followups and /crm/templates/preview: dispatch now, plan date triggers now, run a manual rule, preview a
// template. Each checks the caller's Directus permissions first.
import type { Request, Response, Router } from 'express';
import type { Knex } from 'knex';
import { activeRules, followupSettings } from '../../../data/followups/rules-repo';
import { planDateTriggers } from '../../../data/followups/occasions';
import { sweepUnplanned } from '../../../data/followups/sweeps';
import { planCauses } from '../../../data/outbox/plan';
import { canAccess, forbidden, invalid, type Action } from '../../access';
import { dispatchDue } from '../../followups/dispatcher';
import { dispatchDeps, leaseMs, requestNow, type DirectusContext } from '../../followups/context';
import { previewTemplate } from '../../followups/preview';
import { previewLinks } from '../../followups/links';
import { currentMembers } from '../../../data/lookups';
import type { CrmRequest } from '../../http';

type Accountable = Request & { accountability?: unknown };

const id = (value: unknown) => {
	const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
	return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : null;
};

export function followupRoutes(router: Router, context: DirectusContext) {
	const { database } = context;
	const deps = dispatchDeps(context);
	const guarded =
		(needs: [string, Action][], handler: (req: Accountable, res: Response, now: Date) => Promise<unknown>) =>
		async (req: Accountable, res: Response, next: (error: unknown) => void) => {
			try {
				for (const [collection, action] of needs)
					if (!(await canAccess(database, (req as CrmRequest).accountability, collection, action)))
						return forbidden(res, collection, action);
				const now = requestNow(context.env, req.body?.now);
				if ('error' in now) return invalid(res, [{ path: 'now', message: now.error.replace(/^now: /, '') }]);
				await handler(req, res, now);
			} catch (error) {
				next(error);
			}
		};

	// Sends what is due now (the schedule does this every minute).
	router.post(
		'/followups/dispatch',
		guarded([['crm_outbox', 'update']], async (req, res, now) => {
			const batch = req.body?.limit === undefined ? 50 : id(req.body.limit);
			if (!batch || batch > 1000)
				return invalid(res, [{ path: 'limit', message: 'must be a whole number from 1 to 1000' }]);
			res.json({ data: await dispatchDue(deps, { now, batch, leaseMs: leaseMs(context.env), budgetMs: 20_000 }) });
		}),
	);

	// Plans date triggers (birthdays, anniversaries, inactivity) and sweeps missed events now.
	router.post(
		'/followups/plan',
		guarded([['crm_outbox', 'update']], async (_req, res, now) => {
			const planned = await planDateTriggers(database, now);
			const swept = await sweepUnplanned(database, now);
			await deps.purgeCache();
			res.json({ data: { planned, swept } });
		}),
	);

	// A manual send to the rule's segment: one row per current member, once per run key.
	router.post(
		'/followups/rules/:id/run',
		guarded(
			[
				['crm_outbox', 'update'],
				['crm_followup_rules', 'read'],
			],
			async (req, res, now) => {
				const ruleId = id(req.params.id);
				const rule = (await activeRules(database, 'manual')).find((candidate) => candidate.id === ruleId);
				if (!rule) return invalid(res, [{ path: 'id', message: 'no active rule with the manual trigger has this id' }]);
				// Running a rule that awards points needs the right to points, as saving it did.
				if (
					rule.action === 'points' &&
					!(await canAccess(database, (req as CrmRequest).accountability, 'crm_points_ledger', 'create'))
				)
					return forbidden(res, 'crm_points_ledger', 'create');
				const key = req.body?.key ?? now.toISOString();
				if (typeof key !== 'string' || !key || key.length > 100)
					return invalid(res, [{ path: 'key', message: 'must be text of at most 100 characters' }]);
				const members = await currentMembers(database, Number(rule.segment));
				const causes = members.map((customer) => ({
					customer,
					occurrence: `manual:${key}`,
					triggerAt: now,
					context: { segment: rule.segment, run: key },
				}));
				const planned = await planCauses(database, rule, causes, await followupSettings(database));
				await deps.purgeCache();
				res.json({ data: { members: causes.length, planned } });
			},
		),
	);

	router.post(
		'/templates/preview',
		guarded(
			[
				['crm_templates', 'read'],
				['crm_customers', 'read'],
			],
			async (req, res, now) => {
				const body = req.body ?? {};
				const customer = id(body.customer);
				if (!customer) return invalid(res, [{ path: 'customer', message: 'a customer id is required' }]);
				const template = body.template === undefined ? undefined : id(body.template);
				if (template === null) return invalid(res, [{ path: 'template', message: 'must be a template id' }]);
				const source = typeof body.source === 'object' && body.source ? body.source : undefined;
				if (template === undefined && !source)
					return invalid(res, [{ path: 'template', message: 'give a template id or a source' }]);
				// Placeholder links: a preview never mints a working unsubscribe or survey link.
				const result = await previewTemplate(
					database as Knex,
					{ template, source, customer, now },
					{ ...deps, links: previewLinks(context.env) },
				);
				if ('issues' in result)
					return invalid(
						res,
						result.issues.map((issue) => ({ path: `source.${issue.field}`, message: issue.message })),
					);
				if ('notFound' in result)
					return res.status(404).json({
						errors: [
							{ message: `${result.notFound} not found`, extensions: { code: 'NOT_FOUND', field: result.notFound } },
						],
					});
				res.json({ data: result });
			},
		),
	);
}
