// The KPI endpoints against hand-computed values on the fixed data set of kpi-fixture.ts; shared by the SQLite and the
// PostgreSQL runs. Periods are Korean months (March 2026 = P, February = the previous period, January before it).
import { createPermissions, createPolicy, createRole, createUser, customEndpoint, readItems } from '@directus/sdk';
import { beforeAll, expect, it } from 'vitest';
import { userWithRole, type CrmInstance } from '../harness/crm.ts';
import { seedKpiFixture, type KpiFixture } from './kpi-fixture.ts';

type Row = Record<string, any>;

export function kpiSuite(crm: () => CrmInstance) {
	let fx: KpiFixture;
	beforeAll(async () => {
		fx = await seedKpiFixture(crm());
	}, 300_000);

	const get = async (path: string) => (await crm().client.request(customEndpoint({ path, method: 'GET' }))) as Row;
	const kpis = async (query: string) => {
		const data = await get(`/crm/kpi?${query}`);
		return { data, by: Object.fromEntries((data.kpis as Row[]).map((k) => [k.id, k])) as Record<string, Row> };
	};
	const values = async (query: string) =>
		Object.fromEntries(Object.entries((await kpis(query)).by).map(([id, k]) => [id, k.value]));

	it('computes every KPI for March 2026 (Korean time)', async () => {
		const { data, by } = await kpis('period=month&at=2026-03-15');
		expect(data.period).toEqual({
			unit: 'month',
			key: '2026-03',
			start: '2026-02-28T15:00:00.000Z',
			end: '2026-03-31T15:00:00.000Z',
		});
		expect(data.previous_period.key).toBe('2026-02');
		expect(data.skipped).toEqual([]);
		const v = Object.fromEntries(Object.entries(by).map(([id, k]) => [id, k.value]));
		// March purchases: A 30,000 + A 70,000 + B 60,000 (Mar 1 00:30 KST) + D 50,000 = 210,000 in 4 orders by A, B, D
		expect(v.revenue).toBe(210_000);
		expect(v.active_customers).toBe(3);
		expect(v.aov).toBe(52_500); // 210,000 / 4
		expect(v.purchase_frequency).toBeCloseTo(4 / 3, 10); // 4 orders / 3 customers
		expect(v.repurchase_rate).toBeCloseTo(1 / 3, 10); // only A bought twice: 1 / 3
		// February's buyers A, B, C; A and B bought again in March: 2 / 3; churn 1 − 2/3
		expect(v.retention_rate).toBeCloseTo(2 / 3, 10);
		expect(v.churn_rate).toBeCloseTo(1 / 3, 10);
		// D's first purchase ever is in March: 1 new customer, 50,000 new; 210,000 − 50,000 = 160,000 returning
		expect([v.new_customers, v.new_customer_revenue, v.returning_customer_revenue]).toEqual([1, 50_000, 160_000]);
		// Everything bought by the end of March: A 250,000 + B 100,000 + C 20,000 + D 50,000 + E 80,000 = 500,000 / 5
		expect(v.historical_ltv).toBe(100_000);
		// NPS: A 10, B 9 promoters; D 3 detractor; C 7 passive → (2 − 1) / 4 × 100; CSAT: 5 and 4 of 5, 4, 2 → 2 / 3
		expect(v.nps).toBe(25);
		expect(v.csat).toBeCloseTo(2 / 3, 10);
		expect(by.retention_rate.details).toEqual({ previous_customers: 3, retained: 2 });
		expect(by.nps.details).toEqual({ answers: 4, promoters: 2, detractors: 1 });
	});

	it('compares with February and measures the goals from crm_settings.kpi_goals', async () => {
		const { by } = await kpis(
			'period=month&at=2026-03-15&kpis=revenue,retention_rate,churn_rate,aov,nps,historical_ltv,new_customers',
		);
		expect(Object.keys(by)).toEqual([
			'revenue',
			'retention_rate',
			'churn_rate',
			'aov',
			'nps',
			'historical_ltv',
			'new_customers',
		]);
		// February: A 50,000 + B 40,000 + C 20,000 = 110,000; January's buyers A, E, only A again → 0.5
		expect(by.revenue).toMatchObject({ previous: 110_000, change: { absolute: 100_000, trend: 'better' } });
		expect(by.revenue.change.relative).toBeCloseTo(100_000 / 110_000, 10);
		expect(by.retention_rate.previous).toBe(0.5);
		expect(by.retention_rate.change.absolute).toBeCloseTo(2 / 3 - 0.5, 10);
		expect(by.churn_rate.change.trend).toBe('better'); // 1/3 after 1/2: lower is better
		expect(by.nps).toMatchObject({ previous: -50, change: { absolute: 75, relative: 1.5 } }); // Feb: A 6, B 8 → (0 − 1) / 2
		expect(by.historical_ltv.previous).toBe(72_500); // 290,000 / 4 by the end of February
		expect(by.new_customers.previous).toBe(2); // B and C
		// Goals: retention 0.8 → (2/3) / 0.8; churn ≤ 0.25 → 0.25 / (1/3); NPS 50 → 25 / 50
		expect(by.retention_rate.goal).toMatchObject({ target: 0.8, met: false });
		expect(by.retention_rate.goal.progress).toBeCloseTo(2 / 3 / 0.8, 10);
		expect(by.churn_rate.goal).toMatchObject({ target: 0.25, met: false });
		expect(by.churn_rate.goal.progress).toBeCloseTo(0.75, 10);
		expect(by.nps.goal).toMatchObject({ target: 50, progress: 0.5, met: false });
		// AOV "+20 % on the previous period": 110,000 / 3 × 1.2 = 44,000; 52,500 ≥ it → met, 52,500 / 44,000
		expect(by.aov.goal.target).toBeCloseTo(44_000, 6);
		expect(by.aov.goal).toMatchObject({ relativeChange: 0.2, met: true });
		expect(by.aov.goal.progress).toBeCloseTo(52_500 / 44_000, 10);
		expect(by.revenue.goal).toBeNull();
	});

	it('filters by segment (current members), tier (code or id) and channel', async () => {
		// Segment S = A and C: March A 30,000 + 70,000; February buyers A, C, A again → 1/2; NPS A 10, C 7 → 50
		const s = await values(`period=month&at=2026-03-15&segment=${fx.segment}`);
		expect(s).toMatchObject({
			revenue: 100_000,
			active_customers: 1,
			repurchase_rate: 1,
			retention_rate: 0.5,
			aov: 50_000,
			nps: 50,
		});
		// Gold = A alone: February buyer A bought again → 1
		expect(await values('period=month&at=2026-03-15&tier=gold&kpis=revenue,retention_rate')).toEqual({
			revenue: 100_000,
			retention_rate: 1,
		});
		// Silver (by id) = B: 60,000 in March, not new
		expect(await values(`period=month&at=2026-03-15&tier=${fx.tiers.silver}&kpis=revenue,new_customers`)).toEqual({
			revenue: 60_000,
			new_customers: 0,
		});
		// Web: March only A's 30,000; February web buyers A, C, A again → 1/2; NPS and CSAT answered on the web: A 10, A 5
		expect(await values('period=month&at=2026-03-15&channel=web&kpis=revenue,retention_rate,nps,csat')).toEqual({
			revenue: 30_000,
			retention_rate: 0.5,
			nps: 100,
			csat: 1,
		});
	});

	it('uses Korean calendar days, ISO weeks and quarters', async () => {
		// B's order at 00:30 on 1 March Korean time (28 February in UTC) belongs to 1 March; nothing on 28 February
		const day = await kpis('period=day&at=2026-03-01&kpis=revenue,retention_rate');
		expect(day.data.period).toMatchObject({ key: '2026-03-01', start: '2026-02-28T15:00:00.000Z' });
		expect(day.by.revenue).toMatchObject({ value: 60_000, previous: 0 });
		expect(day.by.retention_rate.value).toBeNull(); // nobody bought the day before
		// Week 2026-W09 (Mon 23 Feb - Sun 1 Mar): B's 60,000; week 8: C's 20,000
		const week = await kpis('period=week&at=2026-03-01&kpis=revenue');
		expect([week.data.period.key, week.by.revenue.value, week.by.revenue.previous]).toEqual([
			'2026-W09',
			60_000,
			20_000,
		]);
		// Q1: all 9 purchases, 500,000 by 5 customers; A and B bought more than once → 2 / 5; nobody bought in Q4 2025
		// back=1: the period before the one containing `at` (the last complete month on 10 April is March)
		const last = await kpis('period=month&at=2026-04-10&back=1&kpis=revenue');
		expect([last.data.period.key, last.by.revenue.value, last.by.revenue.previous]).toEqual([
			'2026-03',
			210_000,
			110_000,
		]);
		const q = await values(
			'period=quarter&at=2026-03-15&kpis=revenue,active_customers,repurchase_rate,retention_rate,new_customers',
		);
		expect(q).toEqual({
			revenue: 500_000,
			active_customers: 5,
			repurchase_rate: 0.4,
			retention_rate: null,
			new_customers: 5,
		});
	});

	it('computes follow-up ROI (attributed revenue vs cost) and lift against the held-out group', async () => {
		const { by } = await kpis('period=month&at=2026-03-15&kpis=followup_roi,followup_lift');
		// Sent in March: A ×3, D, B = 5 × 1,000 = 5,000. Purchases within 7 days after a send, each once: A Mar 3 30,000
		// (after both Mar 2 messages), D Mar 12 50,000 = 80,000; A Mar 20 is 16 days after Mar 4 → (80,000 − 5,000) / 5,000
		expect(by.followup_roi.value).toBe(15);
		expect(by.followup_roi.details).toEqual({ sent: 5, cost: 5000, attributed_revenue: 80_000 });
		// Conversion: sent 3 / 5 (A Mar 2 ×2, D); held out 1 / 3 (B bought 20 minutes after; C's refund and E's pending
		// order are not purchases) → 0.6 / (1/3) − 1 = 0.8
		expect(by.followup_lift.value).toBeCloseTo(0.8, 10);
		// February: one send to B on Feb 25, B's Mar 1 purchase within 7 days → (60,000 − 1,000) / 1,000; no control group
		expect(by.followup_roi.previous).toBe(59);
		expect(by.followup_lift.previous).toBeNull();
		// Segment S (A, C): A's three sends, 3,000; 30,000 attributed → 9; C's held-out message did not convert → no lift
		expect(await values(`period=month&at=2026-03-15&segment=${fx.segment}&kpis=followup_roi,followup_lift`)).toEqual({
			followup_roi: 9,
			followup_lift: null,
		});
	});

	it('builds the cohort retention matrix by first-purchase month in one query', async () => {
		const matrix = await get('/crm/kpi/cohorts?months=3&at=2026-03-15');
		expect(matrix.months).toEqual(['2026-01', '2026-02', '2026-03']);
		// January: A, E (both bought in Jan; A in Feb and Mar). February: B, C (B again on Mar 1 KST). March: D.
		expect(matrix.cohorts.map((c: Row) => [c.key, c.size, c.cells.map((cell: Row) => cell.customers)])).toEqual([
			['2026-01', 2, [2, 1, 1]],
			['2026-02', 2, [2, 1]],
			['2026-03', 1, [1]],
		]);
		expect(matrix.cohorts[0].cells.map((c: Row) => c.rate)).toEqual([1, 0.5, 0.5]);
		// Per offset: (2 + 2 + 1) / 5, (1 + 1) / (2 + 2), 1 / 2
		expect(matrix.average).toEqual([1, 0.5, 0.5]);
		// Web purchases only (acquisition unchanged): Jan A, E / A / A; Feb C / -; Mar -
		const web = await get('/crm/kpi/cohorts?months=3&at=2026-03-15&channel=web');
		expect(web.cohorts.map((c: Row) => [c.size, c.cells.map((cell: Row) => cell.customers)])).toEqual([
			[2, [2, 1, 1]],
			[2, [1, 0]],
			[1, [0]],
		]);
		const segment = await get(`/crm/kpi/cohorts?months=3&at=2026-03-15&segment=${fx.segment}`);
		expect(segment.cohorts.map((c: Row) => [c.size, c.cells.map((cell: Row) => cell.customers)])).toEqual([
			[1, [1, 1, 1]],
			[1, [1, 0]],
			[0, [0]],
		]);
	});

	it('trends a KPI by segment over periods', async () => {
		const trend = await get(`/crm/kpi/trend?kpi=revenue&period=month&points=3&at=2026-03-15&segment=all,${fx.segment}`);
		expect(trend).toMatchObject({ kpi: 'revenue', unit: 'money', period_unit: 'month' });
		expect(trend.series.map((s: Row) => [s.segment, s.name, s.points.map((p: Row) => [p.key, p.value])])).toEqual([
			[
				null,
				null,
				[
					['2026-01', 180_000],
					['2026-02', 110_000],
					['2026-03', 210_000],
				],
			], // A 100,000 + E 80,000 in January
			[
				fx.segment,
				'KPI 테스트 S',
				[
					['2026-01', 100_000],
					['2026-02', 70_000],
					['2026-03', 100_000],
				],
			], // Feb: A 50,000 + C 20,000
		]);
		const goal = await get('/crm/kpi/trend?kpi=retention_rate&period=month&points=2&at=2026-03-15');
		expect(goal.goal).toBe(0.8);
		expect(goal.series[0].points.map((p: Row) => p.value)).toEqual([0.5, 2 / 3]);
	});

	it('writes daily snapshots once per day, KPI and segment, and reads them back as a trend', async () => {
		const first = (await crm().client.request(
			customEndpoint({ path: '/crm/kpi/snapshots', method: 'POST', body: JSON.stringify({ day: '2026-03-01' }) }),
		)) as Row;
		expect(first.inserted).toBeGreaterThanOrEqual(15);
		const again = (await crm().client.request(
			customEndpoint({ path: '/crm/kpi/snapshots', method: 'POST', body: JSON.stringify({ day: '2026-03-01' }) }),
		)) as Row;
		expect(again.inserted).toBe(0);
		const rows = (await crm().client.request(
			readItems(
				'crm_kpi_snapshots' as never,
				{
					filter: { day: { _eq: '2026-03-01' } },
					fields: ['snapshot_key', 'day', 'kpi', 'segment', 'value'],
					limit: -1,
				} as never,
			),
		)) as Row[];
		const all = Object.fromEntries(rows.filter((r) => r.segment === null).map((r) => [r.kpi, Number(r.value)]));
		// 1 March: B's 60,000; LTV by then A 150,000 + B 100,000 + C 20,000 + E 80,000 = 350,000 / 4; no retention (no
		// purchase on 28 Feb), no NPS/CSAT answers, no sends → those are not stored
		expect(all).toEqual({
			revenue: 60_000,
			active_customers: 1,
			new_customers: 0,
			repurchase_rate: 0,
			aov: 60_000,
			purchase_frequency: 1,
			new_customer_revenue: 0,
			returning_customer_revenue: 60_000,
			historical_ltv: 87_500,
		});
		const inS = Object.fromEntries(
			rows.filter((r) => Number(r.segment) === fx.segment).map((r) => [r.kpi, Number(r.value)]),
		);
		expect(inS).toEqual({
			revenue: 0,
			active_customers: 0,
			new_customers: 0,
			new_customer_revenue: 0,
			returning_customer_revenue: 0,
			historical_ltv: 85_000,
		}); // (150,000 + 20,000) / 2
		expect(rows.find((r) => r.kpi === 'revenue' && r.segment === null)).toMatchObject({
			snapshot_key: '2026-03-01:revenue:all',
			day: '2026-03-01',
		});

		const trend = await get(
			`/crm/kpi/trend?kpi=revenue&period=day&points=2&at=2026-03-01&source=snapshots&segment=all,${fx.segment}`,
		);
		expect(trend.series.map((s: Row) => s.points.map((p: Row) => [p.key, p.value]))).toEqual([
			[
				['2026-02-28', null],
				['2026-03-01', 60_000],
			],
			[
				['2026-02-28', null],
				['2026-03-01', 0],
			],
		]);
	});

	it('skips KPIs whose sources the caller cannot read, and refuses without read on customers', async () => {
		const url = crm().url;
		expect((await fetch(`${url}/crm/kpi?at=2026-03-15`)).status).toBe(403);
		// CRM Sales reads the outbox and the follow-up rules (their cost; staff open a message's rule from the outbox):
		// ROI and lift are both computed for them.
		const sales = await userWithRole(crm().client, url, 'CRM Sales', `kpi-sales-${Date.now()}`);
		const salesData = (await sales.request(
			customEndpoint({ path: '/crm/kpi?at=2026-03-15&period=month', method: 'GET' }),
		)) as Row;
		expect(salesData.skipped).toEqual([]);
		expect(salesData.kpis.find((k: Row) => k.id === 'followup_roi').value).toBe(15);
		expect(salesData.kpis.find((k: Row) => k.id === 'revenue').value).toBe(210_000);
		expect(salesData.kpis.find((k: Row) => k.id === 'followup_lift').value).toBeCloseTo(0.8, 10);

		// A role reading only customers and orders: feedback and follow-up KPIs skipped; no segment filter; cohorts fine.
		// KPIs are a staff route (admin-app access): the reader takes the third app seat (admin, Sales, reader).
		const policy = (await crm().client.request(
			createPolicy({
				name: `KPI reader ${Date.now()}`,
				icon: 'badge',
				app_access: true,
				admin_access: false,
				enforce_tfa: false,
			} as never),
		)) as Row;
		await crm().client.request(
			createPermissions(
				['crm_customers', 'crm_orders'].map((collection) => ({
					collection,
					action: 'read',
					fields: ['*'],
					policy: policy.id,
					permissions: {},
					validation: null,
					presets: null,
				})) as never,
			),
		);
		const role = (await crm().client.request(
			createRole({ name: `KPI reader ${Date.now()}`, icon: 'badge', policies: [{ policy: policy.id }] } as never),
		)) as Row;
		const token = `kpi-reader-${Date.now()}`;
		await crm().client.request(
			createUser({ email: `${token}@example.com`, password: `${token}-password`, role: role.id, token } as never),
		);
		const call = (path: string) => fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
		const body = (await (await call('/crm/kpi?at=2026-03-15')).json()) as Row;
		expect(body.data.skipped).toEqual(['nps', 'csat', 'followup_roi', 'followup_lift']);
		expect(body.data.kpis.map((k: Row) => k.id)).not.toContain('nps');
		expect((await call(`/crm/kpi?at=2026-03-15&segment=${fx.segment}`)).status).toBe(403);
		expect((await call('/crm/kpi/trend?kpi=nps')).status).toBe(403);
		expect((await call('/crm/kpi/cohorts?months=3&at=2026-03-15')).status).toBe(200);
		expect(
			(
				await fetch(`${url}/crm/kpi/snapshots`, {
					method: 'POST',
					headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
					body: '{}',
				})
			).status,
		).toBe(403);
	});

	it('answers a repeated query from its cache in under 50 ms', async () => {
		const query = '/crm/kpi?period=month&at=2026-01-20';
		await get(query);
		const started = performance.now();
		const cached = await get(query);
		expect(performance.now() - started).toBeLessThan(50);
		expect(cached.kpis.find((k: Row) => k.id === 'revenue').value).toBe(180_000);
	});

	it('names the bad parameter in a 400', async () => {
		const failure = async (path: string) =>
			(await crm()
				.client.request(customEndpoint({ path, method: 'GET' }))
				.then(
					() => null,
					(e) => e,
				)) as { errors: Row[]; response: Response };
		for (const [path, field] of [
			['/crm/kpi?period=year', 'period'],
			['/crm/kpi?kpis=revenue,profit', 'kpis'],
			['/crm/kpi?at=2026-02-30', 'at'],
			['/crm/kpi/trend?kpi=revenue&points=99', 'points'],
			['/crm/kpi/cohorts?months=0', 'months'],
			['/crm/kpi/trend?kpi=revenue&source=snapshots', 'source'],
		] as const) {
			const error = await failure(path);
			expect(error.response.status, path).toBe(400);
			expect(error.errors[0].extensions.field, path).toBe(field);
		}
	});
}
