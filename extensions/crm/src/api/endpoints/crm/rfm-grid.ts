import type { Router } from 'express';
import type { Knex } from 'knex';
import { readRfmGrid } from '../../../data/rfm/rfm-grid';
import { canAccess, forbidden } from '../../access';

/** GET /crm/rfm/grid: the 5x5 recency x frequency grid (customers and average lifetime spend per cell) for the RFM panel. */
export function rfmGridRoutes(router: Router, database: Knex) {
	router.get('/rfm/grid', async (req, res, next) => {
		try {
			if (!(await canAccess(database, (req as { accountability?: never }).accountability, 'crm_customers', 'read')))
				return forbidden(res, 'crm_customers', 'read');
			res.json({ data: await readRfmGrid(database) });
		} catch (error) {
			next(error);
		}
	});
}
