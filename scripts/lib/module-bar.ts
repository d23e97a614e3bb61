// Custom modules appear in the admin only when listed in directus_settings.module_bar. When the project still uses
// Directus's default bar (null), that default (Directus 12.4's own list, checked against the installed admin app by
// module-bar.test.ts) is written out with the CRM's modules (every module entry of the bundle) added after Insights,
// the way Directus's own migrations add modules; an existing bar only gains the missing entries.
import { readSettings, updateSettings } from '@directus/sdk';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AdminClient } from './admin-client.ts';
import { ROOT } from './directus-process.ts';

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

/** The bundle's module entries (from its manifest), in manifest order. */
export function crmModuleIds(): string[] {
	const manifest = JSON.parse(readFileSync(resolve(ROOT, 'extensions/crm/package.json'), 'utf8')) as {
		'directus:extension': { entries: { type: string; name: string }[] };
	};
	return manifest['directus:extension'].entries.filter((e) => e.type === 'module').map((e) => e.name);
}

/** The bar with the missing modules added after Insights (or at the end); null when nothing is missing. */
export function withModules(bar: ModuleBarEntry[] | null, ids: string[]): ModuleBarEntry[] | null {
	const current = bar ?? DIRECTUS_DEFAULT_MODULE_BAR;
	const missing = ids.filter((id) => !current.some((entry) => entry.id === id));
	if (!missing.length) return null;
	const next = [...current];
	const after = next.findIndex((entry) => entry.id === 'insights');
	next.splice(
		after === -1 ? next.length : after + 1,
		0,
		...missing.map((id) => ({ type: 'module' as const, id, enabled: true })),
	);
	return next;
}

export const withModule = (bar: ModuleBarEntry[] | null, id: string) => withModules(bar, [id]);

export async function installModuleBar(client: AdminClient, ids: string[], log: (line: string) => void) {
	const settings = (await client.request(readSettings({ fields: ['module_bar'] } as never))) as {
		module_bar: ModuleBarEntry[] | null;
	};
	const next = withModules(settings.module_bar, ids);
	if (!next) return;
	await client.request(updateSettings({ module_bar: next } as never));
	log(
		`admin: added ${ids.filter((id) => !settings.module_bar?.some((e) => e.id === id)).join(', ')} to the module bar`,
	);
}
