// Customer 360: GET /crm/customers/:id/timeline (the merged feed) and GET /crm/customers/:id/summary (the header card).
// Both need read access to crm_customers; the feed then checks each source's collection and hides what the caller
// cannot read (listed in hidden_kinds, never queried).
import type { Accountability } from '@directus/types';
import type { Router } from 'express';
import type { Knex } from 'knex';
import { readCustomerSummary } from '../../../data/customer-summary';
import { readTimeline, type CanRead } from '../../../data/timeline/feed';
import { TIMELINE_KINDS } from '../../../data/timeline/registry';
import { parseTimelineQuery } from '../../../domain/timeline';
import { canAccess, forbidden, invalid } from '../../access';
import { customerExists } from '../../../data/lookups';
import type { CrmRequest } from '../../http';

type Res = Parameters<typeof forbidden>[0];

const notFound = (res: Res, id: string) =>
	res.status(404).json({ errors: [{ message: `Customer ${id} not found.`, extensions: { code: 'ROUTE_NOT_FOUND' } }] });

/** Checks crm_customers read and the id; answers 403/404 itself and returns null, else the id and a CanRead. */
async function customerRequest(
	database: Knex,
	req: { params: Record<string, string>; accountability?: Accountability | null },
	res: Res,
) {
	const accountability = req.accountability;
	const cache = new Map<string, Promise<boolean>>();
	const canRead: CanRead = (collection) => {
		if (!cache.has(collection)) cache.set(collection, canAccess(database, accountability, collection, 'read'));
		return cache.get(collection)!;
	};
	if (!(await canRead('crm_customers'))) {
		forbidden(res, 'crm_customers', 'read');
		return null;
	}
	const raw = req.params.id ?? '';
	const id = /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
	return { id, raw, canRead };
}

export function customer360Routes(router: Router, database: Knex) {
	router.get('/customers/:id/timeline', async (req, res, next) => {
		try {
			const request = await customerRequest(database, req as CrmRequest, res);
			if (!request) return;
			const parsed = parseTimelineQuery(req.query as Record<string, unknown>, TIMELINE_KINDS);
			if (!parsed.ok) return invalid(res, parsed.issues);
			if (!Number.isFinite(request.id) || !(await customerExists(database, request.id)))
				return notFound(res, request.raw);
			res.json(await readTimeline(database, request.id, parsed.query, request.canRead));
		} catch (error) {
			next(error);
		}
	});

	router.get('/customers/:id/summary', async (req, res, next) => {
		try {
			const request = await customerRequest(database, req as CrmRequest, res);
			if (!request) return;
			const summary = Number.isFinite(request.id)
				? await readCustomerSummary(database, request.id, request.canRead)
				: null;
			if (!summary) return notFound(res, request.raw);
			res.json({ data: summary });
		} catch (error) {
			next(error);
		}
	});
}
