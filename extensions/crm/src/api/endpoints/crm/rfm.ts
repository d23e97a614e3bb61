import type { Router } from 'express';
import type { Knex } from 'knex';
import { applyRfmScores } from '../../../data/rfm/rfm-scores-query';
import { DEFAULT_RFM_WINDOW_DAYS } from '../../../domain/rfm';
import { canAccess, forbidden, invalid } from '../../access';
import { rfmCellCounts } from '../../../data/lookups';

/** POST /crm/rfm/refresh { windowDays? }: rescores every customer in SQL; for whoever may edit segments. */
export function rfmRoutes(router: Router, database: Knex) {
	router.post('/rfm/refresh', async (req, res, next) => {
		try {
			if (!(await canAccess(database, (req as { accountability?: never }).accountability, 'crm_segments', 'update')))
				return forbidden(res, 'crm_segments', 'update');
			const windowDays = req.body?.windowDays ?? DEFAULT_RFM_WINDOW_DAYS;
			if (!Number.isInteger(windowDays) || windowDays < 1 || windowDays > 3650)
				return invalid(res, [{ path: 'windowDays', message: 'must be a whole number of days from 1 to 3650' }]);
			const now = new Date();
			await applyRfmScores(database, { now, windowDays });
			const cells = await rfmCellCounts(database);
			res.json({
				data: {
					windowDays,
					computedAt: now.toISOString(),
					cells: Object.fromEntries(
						(cells as { rfm_cell: string | null; customers: number | string }[]).map((c) => [
							c.rfm_cell ?? 'unscored',
							Number(c.customers),
						]),
					),
				},
			});
		} catch (error) {
			next(error);
		}
	});
}
