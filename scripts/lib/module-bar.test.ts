import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './directus-process.ts';
import { crmModuleIds, DIRECTUS_DEFAULT_MODULE_BAR, withModule, withModules } from './module-bar.ts';

describe('module bar', () => {
	it('writes out the default bar with the CRM module after Insights', () => {
		const bar = withModule(null, 'crm-import')!;
		expect(bar.map((entry) => entry.id)).toEqual([
			'content',
			'visual',
			'users',
			'files',
			'insights',
			'crm-import',
			'flows',
			'deployments',
			'docs',
			'settings',
		]);
		expect(bar.length).toBe(DIRECTUS_DEFAULT_MODULE_BAR.length + 1);
	});

	it('keeps a customised bar and adds nothing twice', () => {
		const custom = [
			{ type: 'module' as const, id: 'content', enabled: true },
			{ type: 'module' as const, id: 'settings', enabled: true },
		];
		expect(withModule(custom, 'crm-import')!.map((entry) => entry.id)).toEqual(['content', 'settings', 'crm-import']);
		expect(withModule([...custom, { type: 'module', id: 'crm-import', enabled: false }], 'crm-import')).toBeNull();
	});
});

describe("Directus's default module bar", () => {
	it("is the installed admin app's own default, and the CRM adds every module entry of its bundle", () => {
		const assets = resolve(ROOT, 'node_modules/@directus/app/dist/assets');
		const start = '[{type:`module`,id:`content`';
		const source = readdirSync(assets)
			.filter((name) => name.endsWith('.js'))
			.map((name) => readFileSync(resolve(assets, name), 'utf8'))
			.find((text) => text.includes(start) && text.includes('$t:documentation'));
		expect(source, 'the module bar default in @directus/app').toBeDefined();
		const from = source!.indexOf(start);
		const literal = source!.slice(from, source!.indexOf('}]', from) + 2);
		const json = literal
			.replace(/`([^`]*)`/g, '"$1"')
			.replace(/!0/g, 'true')
			.replace(/!1/g, 'false')
			.replace(/([{,])([a-z_]+):/g, '$1"$2":');
		expect(JSON.parse(json)).toEqual(DIRECTUS_DEFAULT_MODULE_BAR);
		const ids = crmModuleIds();
		expect(ids).toContain('crm-import');
		expect(withModules(null, ids)!.filter((entry) => ids.includes(entry.id))).toHaveLength(ids.length);
	});
});
