// The CRM's roles as data: collection-level permissions only, since Directus 12's core tier ignores filter rules.
export type Action = 'create' | 'read' | 'update' | 'delete';

export interface RoleSpec {
	name: string;
	icon: string;
	description: string;
	appAccess: boolean;
	permissions: Record<string, Action[]>;
}

const CRUD: Action[] = ['create', 'read', 'update', 'delete'];
const READ: Action[] = ['read'];
const CRM_COLLECTIONS = [
	'crm_settings',
	'crm_customers',
	'crm_products',
	'crm_orders',
	'crm_order_lines',
	'crm_interactions',
	'crm_feedback',
	'crm_segments',
	'crm_segment_members',
	'crm_loyalty_rules',
	'crm_tiers',
	'crm_rewards',
	'crm_coupons',
	'crm_templates',
	'crm_followup_rules',
];
// The ledger, event journal and history are written only by the CRM itself: people read them. "create" on the ledger
// is what allows a manual points adjustment (through /crm/loyalty/adjust, never a direct insert).
// The outbox is planned by the CRM; staff read it and may cancel (update) a scheduled message. KPI snapshots are computed.
const APPEND_ONLY = {
	crm_points_ledger: ['create', 'read'] as Action[],
	crm_events: READ,
	crm_history: READ,
	crm_outbox: ['read', 'update'] as Action[],
	crm_kpi_snapshots: READ,
};
const LOYALTY_READ = {
	crm_loyalty_rules: READ,
	crm_tiers: READ,
	crm_rewards: READ,
	crm_points_ledger: READ,
	crm_history: READ,
};
const DASHBOARDS = { directus_dashboards: READ, directus_panels: READ };

export const ROLES: RoleSpec[] = [
	{
		name: 'CRM Manager',
		icon: 'admin_panel_settings',
		description: 'All CRM data and settings / 모든 CRM 데이터와 설정',
		appAccess: true,
		permissions: {
			...Object.fromEntries(CRM_COLLECTIONS.map((c) => [c, CRUD])),
			...APPEND_ONLY,
			directus_dashboards: CRUD,
			directus_panels: CRUD,
		},
	},
	{
		name: 'CRM Sales',
		icon: 'storefront',
		description: 'Customers and interactions; orders read-only / 고객·상호작용 관리, 주문 조회',
		appAccess: true,
		permissions: {
			crm_customers: ['create', 'read', 'update'],
			crm_interactions: CRUD,
			crm_orders: READ,
			crm_order_lines: READ,
			crm_products: READ,
			crm_feedback: READ,
			crm_settings: READ,
			crm_segments: READ,
			crm_segment_members: READ,
			...LOYALTY_READ,
			crm_coupons: ['create', 'read'],
			crm_outbox: READ,
			crm_templates: READ,
			// The rule that planned a message in the outbox (its form shows the rule).
			crm_followup_rules: READ,
		},
	},
	{
		name: 'CRM Marketing',
		icon: 'campaign',
		description: 'Segments, follow-ups, templates and KPIs; customers read-only / 세그먼트·후속 메시지·KPI, 고객 조회',
		appAccess: true,
		permissions: {
			crm_customers: READ,
			crm_orders: READ,
			crm_order_lines: READ,
			crm_products: READ,
			crm_interactions: READ,
			crm_feedback: READ,
			crm_settings: READ,
			crm_segments: CRUD,
			crm_segment_members: CRUD,
			...LOYALTY_READ,
			crm_coupons: READ,
			crm_templates: CRUD,
			crm_followup_rules: CRUD,
			crm_outbox: ['read', 'update'],
			crm_kpi_snapshots: READ,
			...DASHBOARDS,
		},
	},
	{
		name: 'CRM Support',
		icon: 'support_agent',
		description: 'Customers read-only; interactions and feedback / 고객 조회, 상호작용·고객 의견 관리',
		appAccess: true,
		permissions: {
			crm_customers: READ,
			crm_interactions: ['create', 'read', 'update'],
			crm_feedback: ['create', 'read', 'update'],
			crm_orders: READ,
			crm_order_lines: READ,
			crm_products: READ,
			crm_settings: READ,
			crm_segments: READ,
			crm_segment_members: READ,
			...LOYALTY_READ,
			crm_coupons: READ,
			crm_outbox: READ,
			crm_templates: READ,
			crm_followup_rules: READ,
		},
	},
	{
		name: 'CRM Events API',
		icon: 'api',
		description:
			'For external apps (shop, POS, mobile) with a static token; no admin app / 외부 앱 연동용 (관리 화면 접근 불가)',
		appAccess: false,
		permissions: {
			crm_customers: ['create', 'read', 'update'],
			crm_orders: ['create', 'read', 'update'],
			crm_order_lines: ['create', 'read'],
			crm_products: READ,
			crm_interactions: ['create', 'read'],
			crm_feedback: ['create', 'read'],
			// Not the event journal nor the ledger (#15): a shop token reads what it needs from the answers.
			crm_rewards: READ,
			crm_tiers: READ,
			// Shops validate and consume coupons at checkout, and may redeem points for a customer.
			crm_coupons: ['create', 'read', 'update'],
		},
	},
];

// Every app role also reads directus_users (all fields, as Directus's own recommended app permission does): the
// core tier refuses field-restricted permissions, and passwords and tokens are never readable anyway.
