// Custom modules appear in the admin only when listed in directus_settings.module_bar. When the project still uses
// Directus's default bar (null), that default (Directus 12.4's list) is written out with the CRM's module added after
// Insights, the way Directus's own migrations add modules; an existing bar only gains the missing entry.
import { readSettings, updateSettings } from '@directus/sdk';
import type { AdminClient } from './admin-client.ts';

type ModuleBarEntry = { type: 'module' | 'link'; id: string; enabled: boolean; [key: string]: unknown };

export const DIRECTUS_DEFAULT_MODULE_BAR: ModuleBarEntry[] = [
	{ type: 'module', id: 'content', enabled: true },
	{ type: 'module', id: 'visual', enabled: false },
	{ type: 'module', id: 'users', enabled: true },
	{ type: 'module', id: 'files', enabled: true },
	{ type: 'module', id: 'insights', enabled: true },
	{ type: 'module', id: 'flows', enabled: true },
	{ type: 'module', id: 'deployments', enabled: false },
	{ type: 'link', id: 'docs', enabled: true, name: '$t:documentation', icon: 'help', url: 'https://directus.com/docs' },
	{ type: 'module', id: 'settings', enabled: true, locked: true },
];

export function withModule(bar: ModuleBarEntry[] | null, id: string): ModuleBarEntry[] | null {
	const current = bar ?? DIRECTUS_DEFAULT_MODULE_BAR;
	if (current.some((entry) => entry.id === id)) return null;
	const next = [...current];
	const after = next.findIndex((entry) => entry.id === 'insights');
	next.splice(after === -1 ? next.length : after + 1, 0, { type: 'module', id, enabled: true });
	return next;
}

export async function installModuleBar(client: AdminClient, id: string, log: (line: string) => void) {
	const settings = (await client.request(readSettings({ fields: ['module_bar'] } as never))) as {
		module_bar: ModuleBarEntry[] | null;
	};
	const next = withModule(settings.module_bar, id);
	if (!next) return;
	await client.request(updateSettings({ module_bar: next } as never));
	log(`admin: added the ${id} module to the module bar`);
}
