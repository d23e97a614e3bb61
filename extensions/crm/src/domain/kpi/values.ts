// From the counts and sums the SQL returns to KPI values: every ratio and its zero-denominator rule in one place. Pure.

/** The orders query, for period P and the period before it (Q). */
export interface OrderAggregates {
	/** Customers with ≥ 1 purchase in P. */
	active: number;
	/** Purchases in P, and their total. */
	orders: number;
	revenue: number;
	/** Customers with ≥ 2 purchases in P. */
	repeaters: number;
	/** Customers with ≥ 1 purchase in Q, and how many of them purchased in P too. */
	previousActive: number;
	retained: number;
	/** Active customers whose first purchase ever is in P, and their revenue in P. */
	newCustomers: number;
	newRevenue: number;
}

export interface LtvAggregates {
	revenue: number;
	customers: number;
}

export interface FeedbackAggregates {
	npsAnswers: number;
	promoters: number;
	detractors: number;
	csatAnswers: number;
	satisfied: number;
}

export interface FollowupAggregates {
	sent: number;
	heldOut: number;
	cost: number;
	/** Messages followed by a purchase within the attribution window, per group. */
	sentConverted: number;
	heldOutConverted: number;
	/** Purchases within the window after a sent message, each purchase counted once. */
	attributedRevenue: number;
}

export type KpiValues = Record<string, number | null>;
export type KpiDetails = Record<string, Record<string, number | null>>;

export interface GroupResult {
	values: KpiValues;
	details: KpiDetails;
}

const ratio = (numerator: number, denominator: number) => (denominator > 0 ? numerator / denominator : null);

export function orderKpis(a: OrderAggregates): GroupResult {
	const retention = ratio(a.retained, a.previousActive);
	return {
		values: {
			revenue: a.revenue,
			active_customers: a.active,
			new_customers: a.newCustomers,
			retention_rate: retention,
			churn_rate: retention === null ? null : 1 - retention,
			repurchase_rate: ratio(a.repeaters, a.active),
			aov: ratio(a.revenue, a.orders),
			purchase_frequency: ratio(a.orders, a.active),
			new_customer_revenue: a.newRevenue,
			returning_customer_revenue: a.revenue - a.newRevenue,
		},
		details: {
			retention_rate: { previous_customers: a.previousActive, retained: a.retained },
			churn_rate: { previous_customers: a.previousActive, lost: a.previousActive - a.retained },
			repurchase_rate: { customers: a.active, repeaters: a.repeaters },
			aov: { orders: a.orders, revenue: a.revenue },
			purchase_frequency: { orders: a.orders, customers: a.active },
		},
	};
}

export function ltvKpis(a: LtvAggregates): GroupResult {
	return {
		values: { historical_ltv: ratio(a.revenue, a.customers) },
		details: { historical_ltv: { revenue: a.revenue, customers: a.customers } },
	};
}

export function feedbackKpis(a: FeedbackAggregates): GroupResult {
	const nps = ratio(a.promoters - a.detractors, a.npsAnswers);
	return {
		values: { nps: nps === null ? null : nps * 100, csat: ratio(a.satisfied, a.csatAnswers) },
		details: {
			nps: { answers: a.npsAnswers, promoters: a.promoters, detractors: a.detractors },
			csat: { answers: a.csatAnswers, satisfied: a.satisfied },
		},
	};
}

export function followupKpis(a: FollowupAggregates): GroupResult {
	const sentRate = ratio(a.sentConverted, a.sent);
	const heldRate = ratio(a.heldOutConverted, a.heldOut);
	return {
		values: {
			followup_roi: ratio(a.attributedRevenue - a.cost, a.cost),
			followup_lift: sentRate !== null && heldRate ? sentRate / heldRate - 1 : null,
		},
		details: {
			followup_roi: { sent: a.sent, cost: a.cost, attributed_revenue: a.attributedRevenue },
			followup_lift: { sent: a.sent, held_out: a.heldOut, conversion_sent: sentRate, conversion_held_out: heldRate },
		},
	};
}
