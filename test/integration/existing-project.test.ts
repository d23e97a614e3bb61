// A developer's own Directus with its own collections: `directus schema apply` of the CRM's partial snapshot and
// `npm run crm:install` add the CRM and leave everything else untouched; both are idempotent.
import { createCollection, createItem, readCollections, readItems, updateUser } from '@directus/sdk';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directusCliOrThrow, node22, ROOT } from '../../scripts/lib/directus-process.ts';
import { bootCrm, type CrmInstance } from '../harness/crm.ts';

let instance: CrmInstance;
let adminToken: string;

beforeAll(async () => {
	instance = await bootCrm('existing', { install: false });
	await instance.client.request(
		createCollection({
			collection: 'shop_notes',
			schema: {},
			meta: { icon: 'note' },
			fields: [
				{
					field: 'id',
					type: 'integer',
					schema: { is_primary_key: true, has_auto_increment: true },
					meta: { hidden: true },
				},
				{ field: 'body', type: 'string', schema: {}, meta: { interface: 'input' } },
			],
		} as never),
	);
	await instance.client.request(createItem('shop_notes' as never, { body: 'keep me' } as never));
	adminToken = 'existing-project-admin-token';
});
afterAll(async () => {
	await instance?.stop();
});

async function userCollections() {
	const collections = await instance.client.request(readCollections());
	return collections
		.filter((c) => !c.collection.startsWith('directus_'))
		.map((c) => c.collection)
		.sort();
}

describe('adding the CRM to an existing Directus project', () => {
	it('applies the snapshot with the stock CLI without touching unrelated collections', async () => {
		await directusCliOrThrow(['schema', 'apply', '--yes', resolve(ROOT, 'snapshots/crm.sqlite.json')], instance.env, {
			quiet: true,
		});
		const again = await directusCliOrThrow(
			['schema', 'apply', '--yes', resolve(ROOT, 'snapshots/crm.sqlite.json')],
			instance.env,
			{ quiet: true },
		);
		expect(again).toContain('No changes to apply');
		await instance.restart();
		const collections = await userCollections();
		expect(collections).toContain('shop_notes');
		expect(collections).toContain('crm_customers');
		const notes = await instance.client.request(readItems('shop_notes' as never, { fields: ['body'] } as never));
		expect(notes).toEqual([{ body: 'keep me' }]);
	});

	it('installs roles, dashboard and translations with `npm run crm:install`, idempotently', async () => {
		const { readMe } = await import('@directus/sdk');
		const me = await instance.client.request(readMe({ fields: ['id'] }));
		await instance.client.request(updateUser(me.id, { token: adminToken } as never));
		const run = () =>
			spawnSync(node22(), [resolve(ROOT, 'scripts/crm-install.ts'), '--url', instance.url, '--token', adminToken], {
				cwd: ROOT,
				encoding: 'utf8',
			});
		const first = run();
		expect(first.status, first.stderr).toBe(0);
		expect(first.stdout).toContain('role: created CRM Manager');
		expect(first.stdout).toContain('dashboard: created CRM');
		const second = run();
		expect(second.status, second.stderr).toBe(0);
		expect(second.stdout.trim().split('\n')).toEqual([
			expect.stringMatching(/^\[crm:install\] done: schema v4, .* status ok$/),
		]);
		expect(await userCollections()).toContain('shop_notes');
	});

	it('refuses to run without a URL and token', () => {
		const result = spawnSync(node22(), [resolve(ROOT, 'scripts/crm-install.ts')], {
			cwd: ROOT,
			encoding: 'utf8',
			env: { ...process.env, DIRECTUS_URL: '', DIRECTUS_TOKEN: '' },
		});
		expect(result.status).toBe(2);
		expect(result.stderr).toContain('usage: npm run crm:install');
	});
});
