// Navigation folders (Directus collections without a table, so they count neither as tables nor against the core
// tier's collection limit): the CRM's collections grouped as staff look for them. Internal collections (order lines,
// segment members) are hidden instead: they are read inside their order or segment.
import type { Label } from './dsl.ts';

export interface FolderDef {
	collection: string;
	label: Label;
	icon: string;
	/** Whether the folder starts open in the navigation. */
	collapse: 'open' | 'closed';
	children: string[];
}

export const FOLDERS: FolderDef[] = [
	{
		collection: 'crm_folder_customers',
		label: { en: 'Customers', ko: '고객' },
		icon: 'groups',
		collapse: 'open',
		children: ['crm_customers', 'crm_orders', 'crm_order_lines', 'crm_interactions', 'crm_feedback', 'crm_products'],
	},
	{
		collection: 'crm_folder_marketing',
		label: { en: 'Marketing', ko: '마케팅' },
		icon: 'campaign',
		collapse: 'open',
		children: ['crm_segments', 'crm_segment_members', 'crm_templates', 'crm_followup_rules', 'crm_outbox'],
	},
	{
		collection: 'crm_folder_membership',
		label: { en: 'Membership', ko: '멤버십' },
		icon: 'loyalty',
		collapse: 'open',
		children: ['crm_tiers', 'crm_loyalty_rules', 'crm_rewards', 'crm_coupons', 'crm_points_ledger'],
	},
	{
		collection: 'crm_folder_system',
		label: { en: 'Analytics and system', ko: '분석/시스템' },
		icon: 'settings',
		collapse: 'closed',
		children: ['crm_kpi_snapshots', 'crm_history', 'crm_events', 'crm_settings'],
	},
];

/** The folder a collection sits in, and its place there (1-based), or null outside every folder. */
export function folderOf(collection: string): { folder: string; sort: number } | null {
	for (const folder of FOLDERS) {
		const index = folder.children.indexOf(collection);
		if (index !== -1) return { folder: folder.collection, sort: index + 1 };
	}
	return null;
}
