// The seeded "CRM" Insights dashboard, built from Directus's stock panels until the CRM's own KPI panels land.
export const DASHBOARD_NAME = 'CRM';

export function dashboardPanels(dashboard: string) {
	const panel = (name: string, icon: string, type: string, x: number, y: number, w: number, h: number, options: Record<string, unknown>) => ({
		dashboard, name, icon, type, position_x: x, position_y: y, width: w, height: h, show_header: true, options,
	});
	return [
		panel('고객 수 · Customers', 'person', 'metric', 1, 1, 12, 6, { collection: 'crm_customers', field: 'id', function: 'count', filter: { status: { _eq: 'active' } } }),
		panel('누적 매출 · Revenue', 'payments', 'metric', 13, 1, 12, 6, { collection: 'crm_orders', field: 'total', function: 'sum', filter: { status: { _in: ['paid', 'fulfilled'] } }, abbreviate: true }),
		panel('주문 수 · Orders', 'receipt_long', 'metric', 25, 1, 12, 6, { collection: 'crm_orders', field: 'id', function: 'count', filter: { status: { _in: ['paid', 'fulfilled'] } } }),
		panel('월별 매출 · Monthly revenue', 'show_chart', 'time-series', 1, 7, 36, 14, { collection: 'crm_orders', function: 'sum', valueField: 'total', dateField: 'ordered_at', precision: 'month', range: '1 year', filter: { status: { _in: ['paid', 'fulfilled'] } } }),
		panel('RFM 그리드 · RFM grid', 'grid_view', 'crm-rfm-grid', 1, 21, 36, 20, { currency: 'KRW' }),
		panel('진행 중인 업무 · Open tasks', 'task_alt', 'list', 37, 1, 12, 20, { collection: 'crm_interactions', displayTemplate: '{{subject}}', sortField: 'occurred_at', sortDirection: 'desc', limit: 10, filter: { status: { _eq: 'open' } } }),
	];
}
