// A developer's own stock Directus 12.4 with collections of its own, following docs/install.md word for word: the
// packed extension `npm install`ed into the project (SQLite) or unpacked into its extensions folder (PostgreSQL),
// Directus restarted, then `npm run crm:install` with the admin token
// in DIRECTUS_TOKEN and an events API user. Own data stays, Settings → Extensions lists one row per entry, the CRM is
// healthy, a second install changes nothing and the events user can send an order. Shared by SQLite and PostgreSQL.
import { createCollection, createItem, readCollections, readItems, readMe, updateUser } from '@directus/sdk';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminClientWithLogin, type AdminClient } from '../../scripts/lib/admin-client.ts';
import {
	directusCliOrThrow,
	node22,
	ROOT,
	startDirectus,
	type Env,
	type RunningDirectus,
} from '../../scripts/lib/directus-process.ts';
import { startTempPostgres, type RunningPostgres } from '../../scripts/lib/postgres.ts';
import { SCHEMA_MISSING_MESSAGE } from '../../extensions/crm/src/api/schema-guard.ts';
import { ADMIN, baseEnv, workDir } from '../harness/crm.ts';
import { postEvents } from './events-api-helpers.ts';

const manifest = JSON.parse(readFileSync(resolve(ROOT, 'extensions/crm/package.json'), 'utf8')) as {
	name: string;
	version: string;
	'directus:extension': { entries: { name: string }[] };
};
const ADMIN_TOKEN = 'existing-project-admin-token-0123456789';

/**
 * `npm pack` of the built extension, then, as docs/install.md says, either `npm install <tarball>` into a new project
 * folder or the tarball unpacked with --strip-components=1 into its extensions/directus-extension-crm/.
 */
function projectWithPackedExtension(how: 'npm' | 'folder'): { project: string; cleanUp: () => void } {
	const project = mkdtempSync(resolve(tmpdir(), 'crm-own-directus-'));
	const npm = (args: string[], cwd: string) => {
		const result = spawnSync('npm', args, {
			cwd,
			encoding: 'utf8',
			env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' },
		});
		if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed:\n${result.stderr}`);
		return result.stdout;
	};
	const tarball = npm(['pack', '--pack-destination', project], resolve(ROOT, 'extensions/crm'))
		.trim()
		.split('\n')
		.pop()!;
	writeFileSync(resolve(project, 'package.json'), JSON.stringify({ name: 'my-directus', private: true }, null, 2));
	if (how === 'npm') npm(['install', '--offline', `./${tarball}`], project);
	else {
		const folder = resolve(project, 'extensions/directus-extension-crm');
		mkdirSync(folder, { recursive: true });
		const tar = spawnSync('tar', ['-xzf', resolve(project, tarball), '--strip-components=1', '-C', folder], {
			encoding: 'utf8',
		});
		if (tar.status !== 0) throw new Error(`tar failed:\n${tar.stderr}`);
	}
	return { project, cleanUp: () => rmSync(project, { recursive: true, force: true }) };
}

export function existingProjectSuite(db: 'sqlite' | 'postgres', how: 'npm' | 'folder') {
	let project: { project: string; cleanUp: () => void };
	let dir: string;
	let env: Env;
	let postgres: RunningPostgres | null = null;
	let directus: RunningDirectus;
	let admin: AdminClient;
	const logFile = () => resolve(dir, 'directus.log');
	const start = async () => {
		directus = await startDirectus(env, { logFile: logFile(), cwd: project.project });
	};

	beforeAll(async () => {
		project = projectWithPackedExtension(how);
		dir = workDir(`existing-${db}`);
		postgres = db === 'postgres' ? await startTempPostgres('crm-existing-') : null;
		const database = postgres ? postgres.env : { DB_CLIENT: 'sqlite3', DB_FILENAME: resolve(dir, 'db.sqlite') };
		// A stock project: no EXTENSIONS_PATH of the CRM checkout, extensions come from the project's package.json.
		env = {
			...(await baseEnv(dir, database)),
			EXTENSIONS_PATH: resolve(project.project, 'extensions'),
			// On a busy CI machine Directus's event-loop pressure limit answers 503 to a burst of installer requests.
			PRESSURE_LIMITER_ENABLED: 'false',
		};
		await directusCliOrThrow(['bootstrap'], env, { quiet: true, cwd: project.project });
		await start();
		admin = await adminClientWithLogin(directus.url, ADMIN.email, ADMIN.password);
		for (const collection of ['shop_notes', 'shop_stores'])
			await admin.request(
				createCollection({
					collection,
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
		await admin.request(createItem('shop_notes' as never, { body: 'keep me' } as never));
		await admin.request(createItem('shop_stores' as never, { body: '강남점' } as never));
		const me = await admin.request(readMe({ fields: ['id'] }));
		await admin.request(updateUser(me.id, { token: ADMIN_TOKEN } as never));
	});
	afterAll(async () => {
		await directus?.stop();
		await postgres?.stop();
		project?.cleanUp();
	});

	// Asynchronous on purpose: a blocked event loop would let the admin client reuse a socket the server closed.
	const install = (...flags: string[]) =>
		new Promise<{ status: number | null; stdout: string; stderr: string }>((done) => {
			const child = spawn(node22(), [resolve(ROOT, 'scripts/crm-install.ts'), '--url', directus.url, ...flags], {
				cwd: ROOT,
				env: { ...process.env, DIRECTUS_TOKEN: ADMIN_TOKEN, CRM_EVENTS_TOKEN: '' },
			});
			let stdout = '';
			let stderr = '';
			child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
			child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
			child.on('close', (status) => done({ status, stdout, stderr }));
		});
	const userCollections = async () =>
		(await admin.request(readCollections()))
			.map((c) => c.collection)
			.filter((name) => !name.startsWith('directus_'))
			.sort();
	const extensionRows = async () => {
		const response = await fetch(`${directus.url}/extensions`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
		return {
			status: response.status,
			rows:
				(
					(await response.json()) as {
						data?: { id: string; bundle: string | null; schema: { name?: string } | null }[];
					}
				).data ?? [],
		};
	};
	const health = async () =>
		(await fetch(`${directus.url}/crm/health`)).json() as Promise<{
			status: string;
			schema: { applied: string | null };
			next_step?: { en: string; ko: string };
		}>;

	describe(`adding the CRM to an existing Directus project (${db}, ${how === 'npm' ? 'npm install' : 'extensions folder'})`, () => {
		it('before the schema is applied: health says schema-missing and the log says once what to do', async () => {
			expect(await health()).toMatchObject({
				status: 'schema-missing',
				schema: { applied: null },
				next_step: SCHEMA_MISSING_MESSAGE,
			});
			const log = readFileSync(logFile(), 'utf8');
			expect(log.split(SCHEMA_MISSING_MESSAGE.en).length - 1).toBe(1);
			expect(log).not.toMatch(/no such table|does not exist/);
		});

		it('crm:install applies the schema, leaves own data alone, never prints the admin token, creates the events user', async () => {
			const tokenFile = resolve(dir, 'events.token');
			const first = await install('--events-user', 'shop@example.com', '--events-token-file', tokenFile);
			expect(first.status, first.stderr).toBe(0);
			expect(first.stdout, first.stdout).toContain(
				'collections: 2 of your own + 20 of the CRM = 22 (Directus core tier: 25)',
			);
			expect(first.stdout).toContain('role: created CRM Manager');
			expect(first.stdout).toContain('events API user: created shop@example.com');
			expect(first.stdout + first.stderr).not.toContain(ADMIN_TOKEN);
			expect(first.stdout).toMatch(/done: schema v\d+, extension .*, status ok$/m);
			const collections = await userCollections();
			// 20 tables and the navigation folders (no table).
			expect(collections.filter((c) => c.startsWith('crm_') && !c.startsWith('crm_folder_'))).toHaveLength(20);
			expect(collections.filter((c) => !c.startsWith('crm_'))).toEqual(['shop_notes', 'shop_stores']);
			expect(await admin.request(readItems('shop_notes' as never, { fields: ['body'] } as never))).toEqual([
				{ body: 'keep me' },
			]);
			expect(await admin.request(readItems('shop_stores' as never, { fields: ['body'] } as never))).toEqual([
				{ body: '강남점' },
			]);
			expect(await health()).toMatchObject({ status: 'ok' });
		});

		it('Settings → Extensions: GET /extensions answers 200 with one row per bundle entry, also after a restart', async () => {
			const entries = manifest['directus:extension'].entries.map((e) => e.name).sort();
			for (let round = 0; round < 2; round++) {
				const { status, rows } = await extensionRows();
				expect(status).toBe(200);
				const bundle = rows.filter((row) => row.bundle === null);
				expect(bundle.map((row) => row.schema?.name)).toEqual([manifest.name]);
				expect(
					rows
						.filter((row) => row.bundle === bundle[0]!.id)
						.map((row) => row.schema?.name)
						.sort(),
				).toEqual(entries);
				expect(rows).toHaveLength(entries.length + 1);
				if (round === 0) {
					await directus.stop();
					await start();
				}
			}
			expect(await health()).toMatchObject({ status: 'ok' });
		});

		it('a second install changes nothing', async () => {
			const before = await userCollections();
			const again = await install('--events-user', 'shop@example.com');
			expect(again.status, again.stderr).toBe(0);
			expect(again.stdout.trim().split('\n')).toEqual([
				'[crm:install] events API user: shop@example.com exists, token unchanged / 이벤트 API 사용자 shop@example.com 이미 있음, 토큰 그대로',
				expect.stringMatching(/^\[crm:install\] done: schema v\d+, .* status ok$/),
			]);
			expect(await userCollections()).toEqual(before);
			expect((await extensionRows()).rows).toHaveLength(manifest['directus:extension'].entries.length + 1);
		});

		it('the events API user sends a paid order with the token the installer wrote', async () => {
			const token = readFileSync(resolve(dir, 'events.token'), 'utf8').trim();
			expect(token.length).toBeGreaterThanOrEqual(32);
			const customer = await postEvents(directus.url, token, {
				type: 'customer.upsert',
				idempotency_key: 'own-c1',
				data: { external_id: 'OWN-1', full_name: '이서연', email: 'seoyeon@example.com' },
			});
			expect(customer.status).toBe(201);
			const order = await postEvents(directus.url, token, {
				type: 'order.paid',
				idempotency_key: 'own-o1',
				data: {
					external_id: 'OWN-A1',
					customer: { external_id: 'OWN-1' },
					ordered_at: '2026-01-15T10:00:00+09:00',
					total: 30000,
					lines: [{ product_name: '머그', quantity: 2, unit_price: 15000 }],
				},
			});
			expect(order.status, JSON.stringify(order.body)).toBe(201);
			const [row] = (await admin.request(
				readItems(
					'crm_customers' as never,
					{ filter: { external_id: { _eq: 'OWN-1' } }, fields: ['order_count', 'total_spent'] } as never,
				),
			)) as { order_count: number; total_spent: number | string }[];
			expect(row).toMatchObject({ order_count: 1 });
			expect(Number(row!.total_spent)).toBe(30000);
		});
	});
}
