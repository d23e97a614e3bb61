// The route table covers exactly the routes the /crm endpoint files register.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { needsOf, ROUTE_ACCESS, routeFor } from './route-access';

const dir = join(__dirname, 'endpoints', 'crm');
const registered = readdirSync(dir)
	.filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
	.flatMap((file) =>
		[...readFileSync(join(dir, file), 'utf8').matchAll(/router\.(get|post|put|patch|delete)\(\s*'([^']+)'/g)].map(
			(m) => `${m[1]!.toUpperCase()} ${m[2]}`,
		),
	);

describe('ROUTE_ACCESS', () => {
	it('lists every route the /crm router registers, once, and nothing else', () => {
		const listed = ROUTE_ACCESS.map((route) => `${route.method} ${route.path}`);
		expect(new Set(listed).size).toBe(listed.length);
		expect([...listed].sort()).toEqual([...registered].sort());
		expect(listed.length).toBeGreaterThanOrEqual(38);
	});

	it('matches paths with ids and refuses unknown routes', () => {
		expect(routeFor('GET', '/customers/12/timeline')?.path).toBe('/customers/:id/timeline');
		expect(routeFor('POST', '/customers/12/timeline')).toBeUndefined();
		expect(routeFor('GET', '/customers/12/timeline/extra')).toBeUndefined();
		expect(routeFor('GET', '/nope')).toBeUndefined();
	});

	it('gives the Events API only the shop routes and keeps whole-base recomputes to settings managers', () => {
		const api = ROUTE_ACCESS.filter((route) => route.audience === 'api').map((route) => route.path);
		expect(api.sort()).toEqual(['/coupons/consume', '/coupons/validate', '/events', '/loyalty/redeem']);
		for (const path of ['/clv/refresh', '/rfm/refresh', '/stages/refresh'])
			expect(needsOf(routeFor('POST', path)!, { body: {}, query: {} })).toContainEqual(['crm_settings', 'update']);
		expect(needsOf(routeFor('POST', '/stages/refresh')!, { body: { customer: 3 }, query: {} })).toEqual([
			['crm_customers', 'update'],
		]);
	});

	it('makes a segment preview need read on every collection its rule reads', () => {
		const preview = routeFor('POST', '/segments/preview')!;
		expect(
			needsOf(preview, {
				body: { rule: { all: [{ type: 'segment', segment: 4 }, { type: 'interaction' }] } },
				query: {},
			}),
		).toEqual([
			['crm_customers', 'read'],
			['crm_interactions', 'read'],
			['crm_segment_members', 'read'],
		]);
		expect(needsOf(preview, { body: 'junk', query: {} })).toEqual([['crm_customers', 'read']]);
		let deep: unknown = { type: 'interaction' };
		for (let i = 0; i < 50_000; i++) deep = { not: deep };
		expect(needsOf(preview, { body: { rule: deep }, query: {} }).length).toBeGreaterThan(1);
	});
});
