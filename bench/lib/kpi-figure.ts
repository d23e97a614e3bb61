// KPI figure: the CRM's KPI report (data/kpi: the code GET /crm/kpi runs) vs hand-written SQL computing the same
// KPIs for the same month and the month before, checked equal; then the real endpoint over HTTP, cold and cached.
import type { Knex } from 'knex';
import type { Civil, ExtensionCode, Period } from './load-extension-code.ts';
import { call } from './stack.ts';
import { comparePair, median, timeMs, type Pair } from './timing.ts';

type Values = Record<string, number | null>;
const PURCHASES = "('paid', 'fulfilled')";
const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
const n = (v: unknown) => Number(v ?? 0);

const feedbackCounts = (x: string, when: string) =>
	`count(*) FILTER (WHERE kind = 'nps' AND ${when}) AS nps_${x}, count(*) FILTER (WHERE kind = 'nps' AND score >= 9 AND ${when}) AS promoters_${x},
	count(*) FILTER (WHERE kind = 'nps' AND score <= 6 AND ${when}) AS detractors_${x}, count(*) FILTER (WHERE kind = 'csat' AND ${when}) AS csat_${x},
	count(*) FILTER (WHERE kind = 'csat' AND score >= 4 AND ${when}) AS satisfied_${x}`;

/** Order, LTV and feedback KPIs of P and of Q (the month before P) in three statements run side by side. */
async function handWritten(
	knex: Knex,
	p: Period,
	q: Period,
	r: Period,
): Promise<{ current: Values; previous: Values }> {
	const [orders, ltv, feedback] = await Promise.all([
		knex.raw(
			`WITH pc AS (SELECT o.customer,
				count(*) FILTER (WHERE o.ordered_at >= :ps) AS n_p, coalesce(sum(o.total) FILTER (WHERE o.ordered_at >= :ps), 0) AS rev_p,
				count(*) FILTER (WHERE o.ordered_at >= :qs AND o.ordered_at < :ps) AS n_q,
				coalesce(sum(o.total) FILTER (WHERE o.ordered_at >= :qs AND o.ordered_at < :ps), 0) AS rev_q,
				count(*) FILTER (WHERE o.ordered_at < :qs) AS n_r
				FROM crm_orders o WHERE o.status IN ${PURCHASES} AND o.ordered_at >= :rs AND o.ordered_at < :pe GROUP BY o.customer)
			SELECT count(*) FILTER (WHERE n_p > 0) AS active_p, sum(n_p) AS orders_p, sum(rev_p) AS revenue_p, count(*) FILTER (WHERE n_p >= 2) AS repeaters_p,
				count(*) FILTER (WHERE n_q > 0 AND n_p > 0) AS retained_p, count(*) FILTER (WHERE n_p > 0 AND c.first_order_at >= :ps) AS new_p,
				coalesce(sum(rev_p) FILTER (WHERE n_p > 0 AND c.first_order_at >= :ps), 0) AS new_revenue_p,
				count(*) FILTER (WHERE n_q > 0) AS active_q, sum(n_q) AS orders_q, sum(rev_q) AS revenue_q, count(*) FILTER (WHERE n_q >= 2) AS repeaters_q,
				count(*) FILTER (WHERE n_r > 0) AS active_r, count(*) FILTER (WHERE n_r > 0 AND n_q > 0) AS retained_q,
				count(*) FILTER (WHERE n_q > 0 AND c.first_order_at >= :qs) AS new_q, coalesce(sum(rev_q) FILTER (WHERE n_q > 0 AND c.first_order_at >= :qs), 0) AS new_revenue_q
			FROM pc JOIN crm_customers c ON c.id = pc.customer`,
			{ rs: r.start, qs: q.start, ps: p.start, pe: p.end },
		),
		knex.raw(
			`SELECT coalesce(sum(total), 0) AS revenue_p, count(DISTINCT customer) AS customers_p,
				coalesce(sum(total) FILTER (WHERE ordered_at < :qe), 0) AS revenue_q, count(DISTINCT customer) FILTER (WHERE ordered_at < :qe) AS customers_q
			FROM crm_orders WHERE status IN ${PURCHASES} AND ordered_at < :pe`,
			{ qe: q.end, pe: p.end },
		),
		knex.raw(
			`SELECT ${feedbackCounts('p', 'answered_at >= :ps')}, ${feedbackCounts('q', 'answered_at < :ps')}
			FROM crm_feedback WHERE kind IN ('nps', 'csat') AND answered_at >= :qs AND answered_at < :pe`,
			{ qs: q.start, ps: p.start, pe: p.end },
		),
	]);
	const o = orders.rows[0];
	const l = ltv.rows[0];
	const f = feedback.rows[0];
	const values = (x: 'p' | 'q', previousActive: number): Values => {
		const [active, orderCount, revenue, newRevenue] = [
			n(o[`active_${x}`]),
			n(o[`orders_${x}`]),
			n(o[`revenue_${x}`]),
			n(o[`new_revenue_${x}`]),
		];
		const retention = ratio(n(o[`retained_${x}`]), previousActive);
		const nps = ratio(n(f[`promoters_${x}`]) - n(f[`detractors_${x}`]), n(f[`nps_${x}`]));
		return {
			revenue,
			active_customers: active,
			new_customers: n(o[`new_${x}`]),
			retention_rate: retention,
			churn_rate: retention === null ? null : 1 - retention,
			repurchase_rate: ratio(n(o[`repeaters_${x}`]), active),
			aov: ratio(revenue, orderCount),
			purchase_frequency: ratio(orderCount, active),
			new_customer_revenue: newRevenue,
			returning_customer_revenue: revenue - newRevenue,
			historical_ltv: ratio(n(l[`revenue_${x}`]), n(l[`customers_${x}`])),
			nps: nps === null ? null : nps * 100,
			csat: ratio(n(f[`satisfied_${x}`]), n(f[`csat_${x}`])),
		};
	};
	return { current: values('p', n(o.active_q)), previous: values('q', n(o.active_r)) };
}

export interface KpiFigure {
	ids: string[];
	month: string;
	cold: Pair;
	http: { coldMs: number; sqlMs: number; ratio: number; months: string[]; cachedMs: number; cachedRuns: number };
}

const civilOf = (date: Date): Civil => ({
	year: date.getUTCFullYear(),
	month: date.getUTCMonth() + 1,
	day: date.getUTCDate(),
});
const iso = (c: Civil) => `${c.year}-${String(c.month).padStart(2, '0')}-${String(c.day).padStart(2, '0')}`;

export async function kpiFigure(
	knex: Knex,
	code: ExtensionCode,
	now: Date,
	runs: number,
	url: string,
): Promise<KpiFigure> {
	const { kpi } = code;
	// Follow-up ROI and lift are left out: the generated data has no outbox (their SQL reads crm_outbox).
	const ids = kpi.definitions.filter((d) => d.group !== 'followups').map((d) => d.id);
	const at = civilOf(now);
	const periods = (back: number, timeZone: string) => {
		const p = kpi.shiftPeriod(kpi.periodOf(at, 'month', timeZone), -back);
		const q = kpi.previousPeriod(p);
		return { p, q, r: kpi.previousPeriod(q) };
	};
	const viaCode = async (back: number) => {
		const settings = await kpi.readKpiSettings(knex); // the endpoint reads settings on every request too
		return kpi.kpiReport(knex, { ids, unit: 'month', at, offset: -back, filters: {} }, settings, {
			cache: new kpi.KpiCache(),
		});
	};
	const { timeZone } = await kpi.readKpiSettings(knex);
	const byHand = (back: number) => {
		const { p, q, r } = periods(back, timeZone);
		return handWritten(knex, p, q, r);
	};

	// Same numbers first: every KPI of both months, within rounding.
	const report = await viaCode(1);
	const expected = await byHand(1);
	for (const k of report.kpis) {
		for (const [which, value] of [
			['current', k.value],
			['previous', k.previous],
		] as const) {
			const other = expected[which][k.id];
			const same =
				value === null || other === null
					? value === other
					: Math.abs(Number(value) - other) <= 1e-6 * Math.max(1, Math.abs(other));
			if (!same) throw new Error(`KPI ${k.id} (${which}): the CRM says ${value}, the hand-written SQL ${other}`);
		}
	}
	const cold = await comparePair(
		runs,
		() => viaCode(1),
		() => byHand(1),
	);

	// HTTP cold: months nobody asked for yet (each needs its month and the one before, so every third month). The
	// hand-written SQL for the month runs once untimed first, so both find its pages in PostgreSQL's buffer cache
	// ("cold" is the KPI cache, not the disk); then both are timed, in alternating order.
	const backs = Array.from({ length: runs }, (_, i) => 4 + 3 * i);
	const httpCold: number[] = [];
	const sqlCold: number[] = [];
	const path = (back: number) => `/crm/kpi?kpis=${ids.join(',')}&period=month&at=${iso(at)}&back=${back}`;
	for (const [i, back] of backs.entries()) {
		await byHand(back);
		const sql = async () => sqlCold.push(await timeMs(() => byHand(back)));
		const http = async () => httpCold.push(await timeMs(() => call(url, path(back))));
		for (const step of i % 2 ? [http, sql] : [sql, http]) await step();
	}
	// HTTP cached: the same request again within the endpoint cache's 60 s.
	await call(url, path(1));
	const cached: number[] = [];
	for (let i = 0; i < 5 * runs; i++) cached.push(await timeMs(() => call(url, path(1))));
	const coldMs = median(httpCold);
	const sqlMs = median(sqlCold);
	return {
		ids,
		month: report.period.key,
		cold,
		http: {
			coldMs,
			sqlMs,
			ratio: coldMs / sqlMs,
			months: backs.map((b) => periods(b, timeZone).p.key),
			cachedMs: median(cached),
			cachedRuns: cached.length,
		},
	};
}
