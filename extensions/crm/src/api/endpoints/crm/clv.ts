// POST /crm/clv/refresh: refit the CLV models and store the predictions (also weekly, see hooks). The body may name
// a calibration end (and a holdout end) as YYYY-MM-DD days in the CRM's time zone:
// { "calibration_end": "1997-09-30", "holdout_end": "1998-06-30" }; a bad one is a 400 naming the field.
import { InvalidPayloadError } from '@directus/errors';
import type { Router } from 'express';
import type { Knex } from 'knex';
import { NotEnoughClvData, readClvSettings, refitClv } from '../../../data/clv/clv-refit';
import { localDayNumber } from '../../../domain/calendar/zone-segments';
import { parseRefitRequest } from '../../../domain/clv';
import { canAccess, forbidden } from '../../access';
import type { PurgeCache } from '../../cache';

export function clvRoutes(router: Router, database: Knex, purgeCache: PurgeCache) {
	router.post('/clv/refresh', async (req, res, next) => {
		try {
			if (!(await canAccess(database, (req as { accountability?: never }).accountability, 'crm_customers', 'update')))
				return forbidden(res, 'crm_customers', 'update');
			const now = new Date();
			const { timeZone } = await readClvSettings(database);
			const today = new Date(localDayNumber(now, timeZone) * 86_400_000).toISOString().slice(0, 10);
			const parsed = parseRefitRequest(req.body, today);
			if ('issues' in parsed)
				throw new InvalidPayloadError({
					reason: parsed.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '),
				});
			const result = await refitClv(database, now, parsed.request).catch((error: Error) => error);
			if (result instanceof Error) {
				if (!(result instanceof NotEnoughClvData)) throw result;
				return res.status(409).json({ errors: [{ message: result.message, extensions: { code: 'NOT_ENOUGH_DATA' } }] });
			}
			await purgeCache().catch(() => undefined);
			res.json({ data: result });
		} catch (error) {
			next(error);
		}
	});
}
