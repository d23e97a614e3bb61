// POST /crm/clv/refresh: refit the CLV models on all orders now and store the predictions (also weekly, see hooks).
import type { Router } from 'express';
import type { Knex } from 'knex';
import { refitClv } from '../../../data/clv/clv-refit';
import { canAccess, forbidden } from '../../access';
import type { PurgeCache } from '../../cache';

export function clvRoutes(router: Router, database: Knex, purgeCache: PurgeCache) {
	router.post('/clv/refresh', async (req, res, next) => {
		try {
			if (!(await canAccess(database, (req as { accountability?: never }).accountability, 'crm_customers', 'update')))
				return forbidden(res, 'crm_customers', 'update');
			const result = await refitClv(database, new Date()).catch((error: Error) => error);
			if (result instanceof Error) {
				if (!result.message.startsWith('CLV needs')) throw result;
				return res.status(409).json({ errors: [{ message: result.message, extensions: { code: 'NOT_ENOUGH_DATA' } }] });
			}
			await purgeCache().catch(() => undefined);
			res.json({ data: result });
		} catch (error) {
			next(error);
		}
	});
}
