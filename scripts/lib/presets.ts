// Lists that can be scanned: the columns, sort and page size each CRM collection opens with, as Directus's global
// bookmarks-less presets (directus_presets with no user and no role: every user's default until they change their
// own view). Added only where the project has no global preset for that collection yet, so a shop's choices stay.
// A relation is one column under its own label (고객, 등급), shown through the field's display template.
import { createPresets, readDashboards, readMe, readPresets, updateMe } from '@directus/sdk';
import type { AdminClient } from './admin-client.ts';
import { DASHBOARD_NAME } from './dashboard.ts';

export interface ListPreset {
	collection: string;
	fields: string[];
	sort: string[];
}

export const LIST_PRESETS: ListPreset[] = [
	{
		collection: 'crm_customers',
		fields: ['full_name', 'phone', 'tier', 'stage', 'total_spent', 'last_order_at'],
		sort: ['-last_order_at'],
	},
	{
		collection: 'crm_orders',
		fields: ['ordered_at', 'customer', 'total', 'status', 'channel'],
		sort: ['-ordered_at'],
	},
	{
		collection: 'crm_order_lines',
		fields: ['order', 'product_name', 'quantity', 'line_total'],
		sort: ['-id'],
	},
	{ collection: 'crm_products', fields: ['name', 'sku', 'category', 'price', 'status'], sort: ['name'] },
	{
		collection: 'crm_interactions',
		fields: ['occurred_at', 'customer', 'type', 'channel', 'subject', 'status'],
		sort: ['-occurred_at'],
	},
	{
		collection: 'crm_feedback',
		fields: ['answered_at', 'customer', 'kind', 'score', 'comment'],
		sort: ['-answered_at'],
	},
	{ collection: 'crm_segments', fields: ['name', 'kind', 'member_count', 'refreshed_at', 'status'], sort: ['name'] },
	{
		collection: 'crm_segment_members',
		fields: ['segment', 'customer', 'source', 'entered_at', 'left_at'],
		sort: ['-entered_at'],
	},
	{ collection: 'crm_loyalty_rules', fields: ['name', 'kind', 'stacking', 'priority', 'status'], sort: ['priority'] },
	{ collection: 'crm_tiers', fields: ['name', 'rank', 'threshold', 'multiplier', 'free_shipping'], sort: ['rank'] },
	{ collection: 'crm_rewards', fields: ['name', 'points_cost', 'kind', 'valid_days', 'status'], sort: ['points_cost'] },
	{
		collection: 'crm_coupons',
		fields: ['code', 'customer', 'reward', 'status', 'expires_at'],
		sort: ['-issued_at'],
	},
	{
		collection: 'crm_points_ledger',
		fields: ['occurred_at', 'customer', 'kind', 'points', 'reason'],
		sort: ['-occurred_at'],
	},
	{ collection: 'crm_events', fields: ['received_at', 'type', 'status', 'idempotency_key'], sort: ['-received_at'] },
	{
		collection: 'crm_history',
		fields: ['changed_at', 'customer', 'kind', 'from_value', 'to_value', 'reason'],
		sort: ['-changed_at'],
	},
	{ collection: 'crm_templates', fields: ['name', 'kind', 'purpose', 'language', 'status'], sort: ['name'] },
	{
		collection: 'crm_followup_rules',
		fields: ['name', 'trigger', 'action', 'delay_minutes', 'status'],
		sort: ['name'],
	},
	{
		collection: 'crm_outbox',
		fields: ['due_at', 'customer', 'channel', 'status', 'sent_at'],
		sort: ['-due_at'],
	},
	{ collection: 'crm_kpi_snapshots', fields: ['day', 'kpi', 'segment', 'value'], sort: ['-day'] },
];

/** The directus_presets row for one list: the tabular layout with these columns, 25 rows a page. */
export function presetRow(preset: ListPreset) {
	return {
		collection: preset.collection,
		user: null,
		role: null,
		bookmark: null,
		layout: 'tabular',
		layout_query: { tabular: { fields: preset.fields, sort: preset.sort, page: 1, limit: 25 } },
		layout_options: { tabular: { spacing: 'cozy' } },
	};
}

export async function installListPresets(client: AdminClient, log: (line: string) => void) {
	const existing = await client.request(
		readPresets({
			filter: {
				collection: { _starts_with: 'crm_' },
				user: { _null: true },
				role: { _null: true },
				bookmark: { _null: true },
			},
			fields: ['collection'],
			limit: -1,
		}),
	);
	const have = new Set(existing.map((preset) => preset.collection));
	const missing = LIST_PRESETS.filter((preset) => !have.has(preset.collection));
	if (!missing.length) return;
	await client.request(createPresets(missing.map(presetRow) as never));
	log(`lists: added default columns for ${missing.length} collection(s)`);
}

/**
 * After login Directus opens the user's last page, or else the first collection of the navigation (the customers,
 * first in the 고객 folder). The installing admin starts on the CRM dashboard instead, until they browse elsewhere.
 */
export async function installStartPage(client: AdminClient, log: (line: string) => void) {
	const me = (await client.request(readMe({ fields: ['last_page'] }))) as { last_page: string | null };
	if (me.last_page) return;
	const [dashboard] = await client.request(
		readDashboards({ filter: { name: { _eq: DASHBOARD_NAME } }, fields: ['id'], limit: 1 }),
	);
	if (!dashboard) return;
	await client.request(updateMe({ last_page: `/insights/${dashboard.id}` }));
	log('admin: the CRM dashboard is your start page');
}

/** Default list columns, then the start page: what the navigation part of the install adds. */
export async function installNavigation(client: AdminClient, log: (line: string) => void) {
	await installListPresets(client, log);
	await installStartPage(client, log);
}
