import { describe, expect, it } from 'vitest';
import { KPI_DEFINITIONS, KPI_IDS, kpiDefinition, kpiLabel } from './definitions';
import { feedbackKpis, followupKpis, ltvKpis, orderKpis } from './values';

describe('KPI values from aggregates', () => {
	it('derives the order KPIs', () => {
		const { values } = orderKpis({
			active: 4,
			orders: 6,
			revenue: 600,
			repeaters: 1,
			previousActive: 5,
			retained: 2,
			newCustomers: 1,
			newRevenue: 100,
		});
		expect(values).toEqual({
			revenue: 600,
			active_customers: 4,
			new_customers: 1,
			retention_rate: 0.4,
			churn_rate: 0.6,
			repurchase_rate: 0.25,
			aov: 100,
			purchase_frequency: 1.5,
			new_customer_revenue: 100,
			returning_customer_revenue: 500,
		});
	});

	it('gives null, not 0 or NaN, when a ratio has nothing to divide by', () => {
		const { values } = orderKpis({
			active: 0,
			orders: 0,
			revenue: 0,
			repeaters: 0,
			previousActive: 0,
			retained: 0,
			newCustomers: 0,
			newRevenue: 0,
		});
		expect([
			values.retention_rate,
			values.churn_rate,
			values.repurchase_rate,
			values.aov,
			values.purchase_frequency,
		]).toEqual([null, null, null, null, null]);
		expect(values.revenue).toBe(0);
		expect(ltvKpis({ revenue: 0, customers: 0 }).values.historical_ltv).toBeNull();
		expect(feedbackKpis({ npsAnswers: 0, promoters: 0, detractors: 0, csatAnswers: 0, satisfied: 0 }).values).toEqual({
			nps: null,
			csat: null,
		});
	});

	it('scores NPS from −100 to 100 and CSAT as the share of 4-5', () => {
		// 5 answers: 2 promoters, 2 detractors, 1 passive → 0; 4 CSAT answers, 3 satisfied → 0.75
		expect(feedbackKpis({ npsAnswers: 5, promoters: 2, detractors: 2, csatAnswers: 4, satisfied: 3 }).values).toEqual({
			nps: 0,
			csat: 0.75,
		});
		expect(feedbackKpis({ npsAnswers: 4, promoters: 1, detractors: 3, csatAnswers: 0, satisfied: 0 }).values.nps).toBe(
			-50,
		);
	});

	it('computes follow-up ROI against cost and lift against the held-out group', () => {
		// cost 300, attributed 1,200 → ROI (1200 − 300) / 300 = 3; conversion 4/10 vs 1/5 → lift 0.4 / 0.2 − 1 = 1
		const result = followupKpis({
			sent: 10,
			heldOut: 5,
			cost: 300,
			sentConverted: 4,
			heldOutConverted: 1,
			attributedRevenue: 1200,
		});
		expect(result.values.followup_roi).toBe(3);
		expect(result.values.followup_lift).toBeCloseTo(1, 10);
		expect(
			followupKpis({ sent: 10, heldOut: 0, cost: 0, sentConverted: 4, heldOutConverted: 0, attributedRevenue: 1200 })
				.values,
		).toEqual({ followup_roi: null, followup_lift: null });
	});
});

describe('KPI definitions', () => {
	it('are unique, labelled in both languages, and every computed value has a definition', () => {
		expect(new Set(KPI_IDS).size).toBe(KPI_IDS.length);
		for (const d of KPI_DEFINITIONS) expect(d.label.ko && d.label.en && d.formula.ko && d.formula.en).toBeTruthy();
		const computed = [
			...Object.keys(
				orderKpis({
					active: 0,
					orders: 0,
					revenue: 0,
					repeaters: 0,
					previousActive: 0,
					retained: 0,
					newCustomers: 0,
					newRevenue: 0,
				}).values,
			),
			...Object.keys(ltvKpis({ revenue: 0, customers: 0 }).values),
			...Object.keys(feedbackKpis({ npsAnswers: 0, promoters: 0, detractors: 0, csatAnswers: 0, satisfied: 0 }).values),
			...Object.keys(
				followupKpis({ sent: 0, heldOut: 0, cost: 0, sentConverted: 0, heldOutConverted: 0, attributedRevenue: 0 })
					.values,
			),
		];
		expect(computed.sort()).toEqual([...KPI_IDS].sort());
		expect(kpiDefinition('churn_rate')?.direction).toBe('down');
		expect([kpiLabel('nps', 'ko-KR'), kpiLabel('aov', 'en-US'), kpiLabel('aov', 'ko'), kpiLabel('nope', 'en')]).toEqual(
			['NPS', 'Average order value', '평균 주문 금액', 'nope'],
		);
	});
});
