// "Customers who bought X also bought Y":
// - GET  /crm/customers/:id/recommendations?limit=  ranked for one customer (read on customers, orders and products:
//   the answer is products, derived from what the customer bought)
// - GET  /crm/products/:id/also-bought              one product's stored rules (read on products)
// - POST /crm/recommendations/refresh               re-mine every rule now (update on crm_settings: managers, admin)
import type { Accountability } from '@directus/types';
import type { Router } from 'express';
import type { Knex } from 'knex';
import { customerRecommendations, lastRefreshedAt, productAlsoBought } from '../../../data/recommendations/read';
import { loadRecommendationSettings, refreshRecommendations } from '../../../data/recommendations/refresh';
import { parseLimit } from '../../../domain/recommendations';
import { canAccess, forbidden, invalid, type Action } from '../../access';
import type { PurgeCache } from '../../cache';
import { customerExists } from '../../../data/lookups';

type Req = { params: Record<string, string>; query: Record<string, unknown>; accountability?: Accountability | null };
type Res = Parameters<typeof forbidden>[0];

const ID = /^\d{1,15}$/;
const notFound = (res: Res, what: string, id: string) =>
	res.status(404).json({ errors: [{ message: `${what} ${id} not found.`, extensions: { code: 'ROUTE_NOT_FOUND' } }] });

/** Answers 403 for the first permission the caller lacks and returns false. */
async function allowed(database: Knex, req: Req, res: Res, needs: [string, Action][]): Promise<boolean> {
	for (const [collection, action] of needs) {
		if (!(await canAccess(database, req.accountability, collection, action))) {
			forbidden(res, collection, action);
			return false;
		}
	}
	return true;
}

export function recommendationRoutes(router: Router, database: Knex, purgeCache: PurgeCache) {
	router.get('/customers/:id/recommendations', async (req, res, next) => {
		try {
			const request = req as unknown as Req;
			if (
				!(await allowed(database, request, res, [
					['crm_customers', 'read'],
					['crm_orders', 'read'],
					['crm_products', 'read'],
				]))
			)
				return;
			const limit = parseLimit(request.query.limit);
			if ('issue' in limit) return invalid(res, [limit.issue]);
			const raw = request.params.id ?? '';
			if (!ID.test(raw) || !(await customerExists(database, Number(raw)))) return notFound(res, 'Customer', raw);
			res.json({
				data: await customerRecommendations(database, Number(raw), limit.limit),
				computed_at: await lastRefreshedAt(database),
			});
		} catch (error) {
			next(error);
		}
	});

	router.get('/products/:id/also-bought', async (req, res, next) => {
		try {
			const request = req as unknown as Req;
			if (!(await allowed(database, request, res, [['crm_products', 'read']]))) return;
			const raw = request.params.id ?? '';
			const found = ID.test(raw) ? await productAlsoBought(database, Number(raw)) : null;
			if (!found) return notFound(res, 'Product', raw);
			res.json(found);
		} catch (error) {
			next(error);
		}
	});

	router.post('/recommendations/refresh', async (req, res, next) => {
		try {
			if (!(await allowed(database, req as unknown as Req, res, [['crm_settings', 'update']]))) return;
			const loaded = await loadRecommendationSettings(database);
			if ('issues' in loaded) return invalid(res, loaded.issues);
			const result = await refreshRecommendations(database, loaded.settings, new Date());
			await purgeCache().catch(() => undefined);
			res.json({ data: result });
		} catch (error) {
			next(error);
		}
	});
}
