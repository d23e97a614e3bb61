// The bundle's manifest as Directus reads it. An entry named like a folder the bundle is installed into made Directus
// take that entry's directus_extensions row for the bundle's own: duplicate rows piled up and GET /extensions answered
// 500 in some fresh projects (issue #22), so no entry may carry the name of an install folder.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './directus-process.ts';

const manifest = JSON.parse(readFileSync(resolve(ROOT, 'extensions/crm/package.json'), 'utf8')) as {
	name: string;
	private?: boolean;
	files: string[];
	keywords: string[];
	dependencies?: Record<string, string>;
	'directus:extension': { type: string; host: string; entries: { type: string; name: string }[] };
};

describe('extension manifest', () => {
	it('names no entry like an install folder (the checkout, the documented folder, the npm package)', () => {
		const names = manifest['directus:extension'].entries.map((entry) => entry.name);
		for (const folder of ['crm', 'directus-extension-crm', manifest.name]) expect(names).not.toContain(folder);
		expect(new Set(names).size).toBe(names.length);
		expect(names).toContain('crm-endpoints');
	});

	it('is publishable as an npm package for Directus 12.4', () => {
		expect(manifest.private).toBeUndefined();
		expect(manifest.name).toBe('directus-extension-crm');
		expect(manifest.keywords).toEqual(
			expect.arrayContaining(['directus', 'directus-extension', 'directus-extension-bundle']),
		);
		expect(manifest.files).toContain('dist');
		expect(manifest['directus:extension'].host).toBe('^12.4.0');
		// Everything the API and app entries need is bundled into dist/: installing it pulls nothing else.
		expect(manifest.dependencies ?? {}).toEqual({});
	});
});
