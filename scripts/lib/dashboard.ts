// The seeded "CRM" Insights dashboard: KPI cards, the KPI trend, the cohort heatmap and the RFM grid (the CRM's own
// panels, computed by /crm endpoints), plus Directus's stock list of open tasks and customer count.
export const DASHBOARD_NAME = 'CRM';

export function dashboardPanels(dashboard: string) {
	const panel = (
		name: string,
		icon: string,
		type: string,
		x: number,
		y: number,
		w: number,
		h: number,
		options: Record<string, unknown>,
		showHeader = true,
	) => ({
		dashboard,
		name,
		icon,
		type,
		position_x: x,
		position_y: y,
		width: w,
		height: h,
		show_header: showHeader,
		options,
	});
	// KPI cards show their own (ko/en) label, so they go without a panel header. Cards and trend show complete periods
	// (last month, last quarter): a month in progress would compare a few days with a whole month.
	const card = (kpi: string, x: number, y: number, period = 'month') =>
		panel(
			`KPI: ${kpi}`,
			'speed',
			'crm-kpi-card',
			x,
			y,
			12,
			10,
			{ kpi, period, points: 12, completed: true, currency: 'KRW' },
			false,
		);
	return [
		card('revenue', 1, 1),
		card('active_customers', 13, 1),
		card('retention_rate', 25, 1),
		card('repurchase_rate', 37, 1),
		card('aov', 1, 11),
		card('historical_ltv', 13, 11),
		card('nps', 25, 11, 'quarter'),
		card('churn_rate', 37, 11),
		panel('KPI 추세 · KPI trend', 'show_chart', 'crm-kpi-trend', 1, 21, 30, 16, {
			kpi: 'revenue',
			period: 'month',
			points: 12,
			segments: ['all'],
			completed: true,
			currency: 'KRW',
		}),
		panel('진행 중인 업무 · Open tasks', 'task_alt', 'list', 31, 21, 18, 16, {
			collection: 'crm_interactions',
			displayTemplate: '{{subject}}',
			sortField: 'occurred_at',
			sortDirection: 'desc',
			limit: 10,
			filter: { status: { _eq: 'open' } },
		}),
		panel('코호트 유지율 · Cohort retention', 'grid_on', 'crm-cohort-heatmap', 1, 37, 48, 24, { months: 12 }),
		panel('RFM 그리드 · RFM grid', 'grid_view', 'crm-rfm-grid', 1, 61, 36, 20, { currency: 'KRW' }),
		panel('고객 수 · Customers', 'person', 'metric', 37, 61, 12, 8, {
			collection: 'crm_customers',
			field: 'id',
			function: 'count',
			filter: { status: { _eq: 'active' } },
		}),
	];
}
