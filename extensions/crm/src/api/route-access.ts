// Who may call each /crm route, in one table: read by the /crm router (routeGuard, before any handler runs) and by
// the permission-matrix test (test/integration/route-matrix.test.ts), which derives every role's expected answer from
// it. A route missing here is answered 404, so a new route cannot be reachable without an entry.
//   public  anyone: signed-link pages (the token is the credential) and the health check
//   api     any caller with a token and the permissions listed: shops, POS and apps (the Events API role) and staff
//   staff   only callers with admin-app access, with the permissions listed
// Handlers may check more that depends on stored data (e.g. the collections a KPI reads); the table holds what the
// request itself decides.
import type { Accountability } from '@directus/types';
import type { Knex } from 'knex';
import { tablesRead } from '../domain/segments/validate-rule';
import type { Rule } from '../domain/segments/rule-types';
import { canAccess, type Action } from './access';

export type Need = readonly [collection: string, action: Action];
export type Audience = 'public' | 'api' | 'staff';

export interface RouteRequest {
	body: unknown;
	query: unknown;
}

export interface RouteAccess {
	method: 'GET' | 'POST';
	path: string;
	audience: Audience;
	/** The permissions the request needs (read from the request where they depend on it). */
	needs: readonly Need[] | ((request: RouteRequest) => readonly Need[]);
}

const body = (request: RouteRequest): Record<string, unknown> =>
	typeof request.body === 'object' && request.body !== null && !Array.isArray(request.body)
		? (request.body as Record<string, unknown>)
		: {};

/** Every collection a segment rule can read, for a rule too large or odd to walk. */
const SEGMENT_SOURCES = [
	'crm_orders',
	'crm_order_lines',
	'crm_products',
	'crm_interactions',
	'crm_feedback',
	'crm_segment_members',
];

/** Segment preview: read on customers and on every collection the rule reads (a `segment` condition reads members). */
function previewNeeds(request: RouteRequest): Need[] {
	let tables: string[];
	try {
		tables = [...tablesRead(body(request).rule as Rule)];
	} catch {
		tables = SEGMENT_SOURCES;
	}
	return ['crm_customers', ...tables.filter((t) => t !== 'crm_customers').sort()].map((t) => [t, 'read'] as const);
}

/** A recompute of the whole customer base (no `customer` named) needs settings update, like the nightly jobs' settings. */
const WHOLE_BASE: Need = ['crm_settings', 'update'];

export const ROUTE_ACCESS: readonly RouteAccess[] = [
	{ method: 'GET', path: '/health', audience: 'public', needs: [] },
	{ method: 'GET', path: '/unsubscribe', audience: 'public', needs: [] },
	{ method: 'POST', path: '/unsubscribe', audience: 'public', needs: [] },
	{ method: 'GET', path: '/surveys/answer', audience: 'public', needs: [] },
	{ method: 'POST', path: '/surveys/answer', audience: 'public', needs: [] },

	// Shops, POS and apps (README, Events API): events (each event's own permissions are checked per event), coupons.
	{ method: 'POST', path: '/events', audience: 'api', needs: [] },
	{ method: 'POST', path: '/coupons/validate', audience: 'api', needs: [['crm_coupons', 'read']] },
	{ method: 'POST', path: '/coupons/consume', audience: 'api', needs: [['crm_coupons', 'update']] },
	{ method: 'POST', path: '/loyalty/redeem', audience: 'api', needs: [['crm_coupons', 'create']] },

	// Staff in the admin app.
	{ method: 'POST', path: '/coupons/void', audience: 'staff', needs: [['crm_coupons', 'update']] },
	{
		method: 'GET',
		path: '/loyalty/customers/:id',
		audience: 'staff',
		needs: [
			['crm_customers', 'read'],
			['crm_points_ledger', 'read'],
		],
	},
	{ method: 'POST', path: '/loyalty/preview', audience: 'staff', needs: [['crm_loyalty_rules', 'read']] },
	{ method: 'POST', path: '/loyalty/adjust', audience: 'staff', needs: [['crm_points_ledger', 'create']] },
	{
		method: 'GET',
		path: '/loyalty/reconcile',
		audience: 'staff',
		needs: [
			['crm_points_ledger', 'read'],
			['crm_customers', 'read'],
		],
	},
	{
		method: 'POST',
		path: '/loyalty/run-nightly',
		audience: 'staff',
		needs: [['crm_points_ledger', 'create'], ['crm_customers', 'update'], WHOLE_BASE],
	},
	{ method: 'GET', path: '/customers/:id/timeline', audience: 'staff', needs: [['crm_customers', 'read']] },
	{ method: 'GET', path: '/customers/:id/summary', audience: 'staff', needs: [['crm_customers', 'read']] },
	{
		method: 'GET',
		path: '/customers/:id/recommendations',
		audience: 'staff',
		needs: [
			['crm_customers', 'read'],
			['crm_orders', 'read'],
			['crm_products', 'read'],
		],
	},
	{ method: 'GET', path: '/products/:id/also-bought', audience: 'staff', needs: [['crm_products', 'read']] },
	{ method: 'POST', path: '/recommendations/refresh', audience: 'staff', needs: [WHOLE_BASE] },
	{ method: 'POST', path: '/clv/refresh', audience: 'staff', needs: [['crm_customers', 'update'], WHOLE_BASE] },
	{ method: 'POST', path: '/rfm/refresh', audience: 'staff', needs: [['crm_customers', 'update'], WHOLE_BASE] },
	{ method: 'GET', path: '/rfm/grid', audience: 'staff', needs: [['crm_customers', 'read']] },
	{
		method: 'POST',
		path: '/stages/refresh',
		audience: 'staff',
		needs: (request) =>
			body(request).customer === undefined ? [['crm_customers', 'update'], WHOLE_BASE] : [['crm_customers', 'update']],
	},
	{ method: 'POST', path: '/segments/preview', audience: 'staff', needs: previewNeeds },
	{
		method: 'POST',
		path: '/segments/:id/refresh',
		audience: 'staff',
		needs: [
			['crm_segments', 'read'],
			['crm_segment_members', 'update'],
		],
	},
	{
		method: 'POST',
		path: '/segments/:id/members/import',
		audience: 'staff',
		needs: [
			['crm_segments', 'read'],
			['crm_customers', 'read'],
			['crm_segment_members', 'create'],
		],
	},
	{ method: 'GET', path: '/segments/:id/sizes', audience: 'staff', needs: [['crm_kpi_snapshots', 'read']] },
	{ method: 'GET', path: '/kpi', audience: 'staff', needs: [['crm_customers', 'read']] },
	{ method: 'GET', path: '/kpi/trend', audience: 'staff', needs: [['crm_customers', 'read']] },
	{
		method: 'GET',
		path: '/kpi/cohorts',
		audience: 'staff',
		needs: [
			['crm_customers', 'read'],
			['crm_orders', 'read'],
		],
	},
	{ method: 'POST', path: '/kpi/snapshots', audience: 'staff', needs: [WHOLE_BASE] },
	{
		method: 'POST',
		path: '/import/preview',
		audience: 'staff',
		needs: (request) => [[body(request).kind === 'orders' ? 'crm_orders' : 'crm_customers', 'create']],
	},
	{ method: 'POST', path: '/surveys/links', audience: 'staff', needs: [['crm_feedback', 'create']] },
	{ method: 'POST', path: '/followups/dispatch', audience: 'staff', needs: [['crm_outbox', 'update']] },
	{ method: 'POST', path: '/followups/plan', audience: 'staff', needs: [['crm_outbox', 'update']] },
	{
		method: 'POST',
		path: '/followups/rules/:id/run',
		audience: 'staff',
		needs: [
			['crm_outbox', 'update'],
			['crm_followup_rules', 'read'],
		],
	},
	{
		method: 'POST',
		path: '/templates/preview',
		audience: 'staff',
		needs: [
			['crm_templates', 'read'],
			['crm_customers', 'read'],
		],
	},

	// Duplicates and merge: merging moves every row of one customer to another and deletes the first.
	{ method: 'GET', path: '/duplicates', audience: 'staff', needs: [['crm_customers', 'read']] },
	{ method: 'GET', path: '/customers/:id/duplicates', audience: 'staff', needs: [['crm_customers', 'read']] },
	{ method: 'POST', path: '/customers/merge/preview', audience: 'staff', needs: [['crm_customers', 'read']] },
	{
		method: 'POST',
		path: '/customers/merge',
		audience: 'staff',
		needs: [
			['crm_customers', 'update'],
			['crm_customers', 'delete'],
		],
	},
];

const compiled = ROUTE_ACCESS.map((route) => ({
	route,
	pattern: new RegExp(`^${route.path.replace(/:[a-z]+/gi, '[^/]+')}/?$`),
}));

/** The table entry for a request, or undefined. */
export function routeFor(method: string, path: string): RouteAccess | undefined {
	return compiled.find((entry) => entry.route.method === method && entry.pattern.test(path))?.route;
}

export const needsOf = (route: RouteAccess, request: RouteRequest): readonly Need[] =>
	typeof route.needs === 'function' ? route.needs(request) : route.needs;

export type Verdict =
	{ ok: true } | { ok: false; status: 401 | 403 | 404; collection?: string; action?: Action; reason: string };

/** Whether `accountability` may make this request, by the table. */
export async function judge(
	knex: Knex,
	accountability: Accountability | null | undefined,
	method: string,
	path: string,
	request: RouteRequest,
): Promise<Verdict> {
	const route = routeFor(method, path);
	if (!route) return { ok: false, status: 404, reason: `no such CRM route: ${method} ${path}` };
	if (route.audience === 'public') return { ok: true };
	const signedIn = Boolean(accountability && (accountability.admin || accountability.user || accountability.role));
	// No token: 401 on the routes for apps (they must send one), Directus's 403 on staff routes.
	if (!signedIn)
		return {
			ok: false,
			status: route.audience === 'api' ? 401 : 403,
			reason: 'authentication required: send a token (Authorization: Bearer <token>) / 토큰이 필요합니다',
		};
	// The missing permission is named first (the more useful answer), then app access for staff routes.
	for (const [collection, action] of needsOf(route, request))
		if (!(await canAccess(knex, accountability, collection, action)))
			return { ok: false, status: 403, collection, action, reason: `needs ${action} on ${collection}` };
	if (route.audience === 'staff' && !accountability!.admin && !accountability!.app)
		return {
			ok: false,
			status: 403,
			reason: 'this route is for staff with admin-app access / 관리 화면 접근 권한이 있는 직원만 사용할 수 있습니다',
		};
	return { ok: true };
}

interface GuardRequest {
	method: string;
	path: string;
	body?: unknown;
	query?: unknown;
	accountability?: Accountability | null;
}
interface GuardResponse {
	status(code: number): { json(body: unknown): void };
}

/** Express middleware for the /crm router: applies the table before any handler. */
export function routeGuard(knex: Knex) {
	return async (req: GuardRequest, res: GuardResponse, next: (error?: unknown) => void) => {
		try {
			// HEAD is answered as GET by Express.
			const method = req.method === 'HEAD' ? 'GET' : req.method;
			const verdict = await judge(knex, req.accountability, method, req.path, { body: req.body, query: req.query });
			if (verdict.ok) return next();
			if (verdict.status === 404)
				return res.status(404).json({ errors: [{ message: verdict.reason, extensions: { code: 'ROUTE_NOT_FOUND' } }] });
			if (verdict.status === 401)
				return res
					.status(401)
					.json({ errors: [{ message: verdict.reason, extensions: { code: 'INVALID_CREDENTIALS' } }] });
			res.status(403).json({
				errors: [
					{
						message: verdict.collection
							? `You don't have permission to ${verdict.action} "${verdict.collection}".`
							: `You don't have permission to access this: ${verdict.reason}.`,
						extensions: { code: 'FORBIDDEN', reason: verdict.reason },
					},
				],
			});
		} catch (error) {
			next(error);
		}
	};
}
