// POST /crm/stages/refresh: applies the stage rules now, to every customer set-wise (what the nightly run does) or,
// with { customer }, to that one customer. For whoever may update customers. Answers the counts of changes.
import type { Router } from 'express';
import type { Knex } from 'knex';
import { reevaluateStage } from '../../../data/stages/evaluate-customer';
import { runStageRefresh, transitions } from '../../../data/stages/refresh-stages';
import { isTrue, type StageChange } from '../../../data/stages/stage-history';
import { InvalidStageRulesError, loadStageContext } from '../../../data/stages/stage-rules-repo';
import type { PurgeCache } from '../../cache';
import { canAccess, forbidden, invalid } from '../../access';
import type { ActionEmitter } from '../../segment-events';
import { customerStageLock } from '../../../data/lookups';

export function stageRoutes(router: Router, database: Knex, emitter: ActionEmitter, purgeCache: PurgeCache) {
	router.post('/stages/refresh', async (req, res, next) => {
		try {
			if (!(await canAccess(database, (req as { accountability?: never }).accountability, 'crm_customers', 'update')))
				return forbidden(res, 'crm_customers', 'update');
			const customer = req.body?.customer;
			if (customer !== undefined && !(Number.isInteger(customer) && customer > 0))
				return invalid(res, [{ path: 'customer', message: 'must be a customer id (a positive whole number)' }]);
			const row = customer === undefined ? null : await customerStageLock(database, customer);
			if (customer !== undefined && !row)
				return res.status(404).json({
					errors: [
						{ message: `Customer ${customer} not found.`, extensions: { code: 'NOT_FOUND', field: 'customer' } },
					],
				});
			let evaluated: number;
			let changes: StageChange[];
			if (customer === undefined) {
				({ evaluated, changes } = await runStageRefresh(database, 'refresh'));
			} else {
				// A locked customer is not evaluated (rules leave a stage set by hand alone).
				evaluated = isTrue(row?.stage_locked) ? 0 : 1;
				const change = await reevaluateStage(database, customer, {
					...(await loadStageContext(database)),
					now: new Date(),
					trigger: 'refresh',
				});
				changes = change ? [change] : [];
			}
			for (const change of changes) emitter.emitAction('crm.stage.changed', { ...change }, null);
			if (changes.length) await purgeCache();
			res.json({ data: { evaluated, changed: changes.length, transitions: transitions(changes) } });
		} catch (error) {
			if (error instanceof InvalidStageRulesError)
				return res.status(409).json({
					errors: [{ message: error.message, extensions: { code: 'INVALID_STAGE_RULES', field: 'stage_rules' } }],
				});
			next(error);
		}
	});
}
