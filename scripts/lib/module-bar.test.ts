import { describe, expect, it } from 'vitest';
import { DIRECTUS_DEFAULT_MODULE_BAR, withModule } from './module-bar.ts';

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
