// The CRM's KPIs as data: what each one means (ko/en), its unit, which way is good, and which collections it reads.
// The SQL lives in data/kpi; the arithmetic from counts to ratios in values.ts; the README's "KPIs" section is this.

/** ratio: 0..1 shown as a percentage; money: in the CRM currency; count: customers; number: a plain figure; score: NPS (−100..100). */
export type KpiUnit = 'ratio' | 'money' | 'count' | 'number' | 'score';

/** Which SQL computes a KPI; KPIs of one group come from the same query. */
export type KpiGroup = 'orders' | 'ltv' | 'feedback' | 'followups';

export interface Text {
	ko: string;
	en: string;
}

export interface KpiDefinition {
	id: string;
	label: Text;
	unit: KpiUnit;
	/** up: higher is better; down: lower is better. */
	direction: 'up' | 'down';
	group: KpiGroup;
	/** Collections the caller must be able to read, besides crm_customers. */
	sources: readonly string[];
	formula: Text;
}

const ORDERS = ['crm_orders'] as const;
const PURCHASE = 'a purchase is an order in status paid or fulfilled';

export const KPI_DEFINITIONS: readonly KpiDefinition[] = [
	{
		id: 'revenue',
		label: { ko: '매출', en: 'Revenue' },
		unit: 'money',
		direction: 'up',
		group: 'orders',
		sources: ORDERS,
		formula: {
			en: `Sum of purchase totals in the period (${PURCHASE}).`,
			ko: '기간 내 구매(결제 완료·배송 완료 주문) 금액 합계',
		},
	},
	{
		id: 'active_customers',
		label: { ko: '구매 고객 수', en: 'Active customers' },
		unit: 'count',
		direction: 'up',
		group: 'orders',
		sources: ORDERS,
		formula: { en: 'Customers with at least one purchase in the period.', ko: '기간 내 1회 이상 구매한 고객 수' },
	},
	{
		id: 'new_customers',
		label: { ko: '신규 고객 수', en: 'New customers' },
		unit: 'count',
		direction: 'up',
		group: 'orders',
		sources: ORDERS,
		formula: {
			en: 'Active customers whose first purchase ever falls in the period.',
			ko: '첫 구매가 기간 내에 있는 구매 고객 수',
		},
	},
	{
		id: 'retention_rate',
		label: { ko: '고객 유지율', en: 'Retention rate' },
		unit: 'ratio',
		direction: 'up',
		group: 'orders',
		sources: ORDERS,
		formula: {
			en: 'Of the customers who purchased in the previous period, the share who purchased again in this period.',
			ko: '직전 기간 구매 고객 중 이번 기간에도 구매한 고객의 비율',
		},
	},
	{
		id: 'churn_rate',
		label: { ko: '이탈률', en: 'Churn rate' },
		unit: 'ratio',
		direction: 'down',
		group: 'orders',
		sources: ORDERS,
		formula: {
			en: '1 − retention rate: previous-period customers who did not purchase in this period.',
			ko: '1 − 고객 유지율 (직전 기간 구매 고객 중 이번 기간에 구매하지 않은 비율)',
		},
	},
	{
		id: 'repurchase_rate',
		label: { ko: '재구매율', en: 'Repurchase rate' },
		unit: 'ratio',
		direction: 'up',
		group: 'orders',
		sources: ORDERS,
		formula: {
			en: 'Of the active customers, the share with two or more purchases within the period.',
			ko: '기간 내 구매 고객 중 같은 기간에 2회 이상 구매한 고객의 비율',
		},
	},
	{
		id: 'aov',
		label: { ko: '평균 주문 금액', en: 'Average order value' },
		unit: 'money',
		direction: 'up',
		group: 'orders',
		sources: ORDERS,
		formula: { en: 'Revenue ÷ purchases in the period.', ko: '매출 ÷ 기간 내 구매 건수' },
	},
	{
		id: 'purchase_frequency',
		label: { ko: '구매 빈도', en: 'Purchase frequency' },
		unit: 'number',
		direction: 'up',
		group: 'orders',
		sources: ORDERS,
		formula: { en: 'Purchases ÷ active customers in the period.', ko: '기간 내 구매 건수 ÷ 구매 고객 수' },
	},
	{
		id: 'new_customer_revenue',
		label: { ko: '신규 고객 매출', en: 'New-customer revenue' },
		unit: 'money',
		direction: 'up',
		group: 'orders',
		sources: ORDERS,
		formula: {
			en: 'Revenue in the period from customers whose first purchase falls in the period.',
			ko: '첫 구매가 기간 내에 있는 고객의 기간 내 매출',
		},
	},
	{
		id: 'returning_customer_revenue',
		label: { ko: '기존 고객 매출', en: 'Returning-customer revenue' },
		unit: 'money',
		direction: 'up',
		group: 'orders',
		sources: ORDERS,
		formula: {
			en: 'Revenue in the period from customers whose first purchase was before the period.',
			ko: '첫 구매가 기간 이전인 고객의 기간 내 매출',
		},
	},
	{
		id: 'historical_ltv',
		label: { ko: '고객 생애 가치 (실적)', en: 'Historical LTV' },
		unit: 'money',
		direction: 'up',
		group: 'ltv',
		sources: ORDERS,
		formula: {
			en: 'All purchase revenue up to the end of the period ÷ customers with a purchase by then.',
			ko: '기간 종료 시점까지의 누적 매출 ÷ 그때까지 구매한 고객 수',
		},
	},
	{
		id: 'nps',
		label: { ko: 'NPS', en: 'NPS' },
		unit: 'score',
		direction: 'up',
		group: 'feedback',
		sources: ['crm_feedback'],
		formula: {
			en: 'NPS answers in the period: % promoters (9–10) − % detractors (0–6), from −100 to 100.',
			ko: '기간 내 NPS 응답: 추천 고객(9~10점) 비율 − 비추천 고객(0~6점) 비율 (−100~100)',
		},
	},
	{
		id: 'csat',
		label: { ko: '고객 만족도 (CSAT)', en: 'CSAT' },
		unit: 'ratio',
		direction: 'up',
		group: 'feedback',
		sources: ['crm_feedback'],
		formula: {
			en: 'CSAT answers in the period: share scoring 4 or 5 on the 1–5 scale.',
			ko: '기간 내 만족도 응답 중 4~5점(1~5점 척도)의 비율',
		},
	},
	{
		id: 'followup_roi',
		label: { ko: '후속 메시지 ROI', en: 'Follow-up ROI' },
		unit: 'ratio',
		direction: 'up',
		group: 'followups',
		sources: ['crm_orders', 'crm_outbox', 'crm_followup_rules'],
		formula: {
			en: "(Attributed revenue − cost) ÷ cost. Attributed: purchases within N days (default 7) after a message sent in the period, each purchase counted once; cost: the rules' cost per message × messages sent.",
			ko: '(기여 매출 − 비용) ÷ 비용. 기여 매출: 기간 내 발송된 메시지 후 N일(기본 7일) 이내의 구매 (구매당 한 번), 비용: 규칙별 메시지당 비용 × 발송 수',
		},
	},
	{
		id: 'followup_lift',
		label: { ko: '후속 메시지 효과 (리프트)', en: 'Follow-up lift' },
		unit: 'ratio',
		direction: 'up',
		group: 'followups',
		sources: ['crm_orders', 'crm_outbox'],
		formula: {
			en: 'Conversion of sent messages ÷ conversion of the held-out (control) group − 1; conversion = share of messages followed by a purchase within N days.',
			ko: '발송 그룹 전환율 ÷ 대조군(발송 제외) 전환율 − 1. 전환율: N일 이내에 구매가 이어진 메시지의 비율',
		},
	},
];

export const KPI_IDS: readonly string[] = KPI_DEFINITIONS.map((d) => d.id);

const BY_ID = new Map(KPI_DEFINITIONS.map((d) => [d.id, d]));

export function kpiDefinition(id: string): KpiDefinition | undefined {
	return BY_ID.get(id);
}

/** A KPI's label in Korean for any ko* language, English otherwise. */
export function kpiLabel(id: string, language: string): string {
	const definition = BY_ID.get(id);
	if (!definition) return id;
	return language.toLowerCase().startsWith('ko') ? definition.label.ko : definition.label.en;
}
