// `npm start`: bootstrap Directus, install the CRM (schema, roles, dashboard), load demo data, run on 127.0.0.1:8055.
// Second run: skips what is done (state in data/.crm-state.json) and starts in seconds.
// Flags: --no-demo (or CRM_DEMO=false) for an empty CRM. CRM_DATA_DIR / CRM_ENV_FILE move ./data and ./.env;
// CRM_BUILD=false uses the extension as built (no rebuild when the sources are newer).
import { updateSettings } from '@directus/sdk';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { dirname, resolve, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { adminClientWithLogin } from './lib/admin-client.ts';
import { crmEnv, dataDir, ensureEnvFile } from './lib/config.ts';
import { directusCliOrThrow, node22, ROOT, startDirectus } from './lib/directus-process.ts';
import { installCrm } from './lib/install-crm.ts';
import { loadDemoData } from '../seed/load-demo.ts';
import { refreshDerived } from '../seed/refresh-derived.ts';

const started = Date.now();
const say = (line: string) => console.log(`[crm] ${line}`);
const wantDemo = !process.argv.includes('--no-demo') && process.env.CRM_DEMO !== 'false';
const stateFile = resolve(dataDir(), '.crm-state.json');
const state: Record<string, unknown> = existsSync(stateFile) ? JSON.parse(readFileSync(stateFile, 'utf8')) : {};
// The data folder may not exist when the database and uploads live elsewhere: it still holds the state and the log.
const saveState = () => {
	mkdirSync(dirname(stateFile), { recursive: true });
	writeFileSync(stateFile, JSON.stringify(state, null, 2));
};

function newestMtime(dir: string): number {
	let newest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
	}
	return newest;
}

function buildExtensionIfStale() {
	const ext = resolve(ROOT, 'extensions/crm');
	const dist = resolve(ext, 'dist/api.js');
	if (existsSync(dist) && statSync(dist).mtimeMs >= newestMtime(resolve(ext, 'src'))) return;
	say('building the CRM extension ...');
	const result = spawnSync(node22(), [resolve(ROOT, 'node_modules/@directus/extensions-sdk/cli.js'), 'build'], {
		cwd: ext,
		stdio: 'inherit',
	});
	if (result.status !== 0) throw new Error('extension build failed');
}

const { created, values } = ensureEnvFile();
if (created) say('created .env with a fresh KEY, SECRET and admin password');
const env = crmEnv(values);
mkdirSync(env.STORAGE_LOCAL_ROOT, { recursive: true });
if (env.DB_CLIENT === 'sqlite3') mkdirSync(dirname(env.DB_FILENAME), { recursive: true });
if (process.env.CRM_BUILD !== 'false') buildExtensionIfStale();

const databaseId =
	env.DB_CLIENT === 'sqlite3' ? env.DB_FILENAME : `${env.DB_CLIENT}://${env.DB_HOST}:${env.DB_PORT}/${env.DB_DATABASE}`;
if (state.bootstrapped !== databaseId || (env.DB_CLIENT === 'sqlite3' && !existsSync(env.DB_FILENAME))) {
	say('bootstrapping Directus (first run) ...');
	await directusCliOrThrow(['bootstrap'], env, { quiet: true });
	state.bootstrapped = databaseId;
	delete state.installed;
	delete state.demo;
	saveState();
}

const logFile = resolve(dataDir(), 'directus.log');
const directus = await startDirectus(env, { logFile });
const shutdown = async () => {
	await directus.stop();
	process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

try {
	const client = await adminClientWithLogin(directus.url, env.ADMIN_EMAIL, env.ADMIN_PASSWORD);
	const health = await installCrm(client, directus.url, say);
	if (state.installed !== health.schema.applied) {
		// The admin's first-login dialogs (project owner, licence) would otherwise block the CRM.
		await client.request(
			updateSettings({
				project_owner: env.ADMIN_EMAIL,
				project_usage: 'personal',
				product_updates: false,
				default_language: 'ko-KR',
			} as never),
		);
		state.installed = health.schema.applied;
		saveState();
	}
	if (wantDemo && !state.demo) {
		await loadDemoData(client, { now: new Date(), log: say });
		await refreshDerived(client, say);
		state.demo = new Date().toISOString();
		saveState();
	}
	say(
		`CRM ready in ${((Date.now() - started) / 1000).toFixed(1)} s (schema v${health.schema.applied}, extension ${health.extension.version})`,
	);
	say(`admin:  ${env.PUBLIC_URL}/admin`);
	say(`login:  ${env.ADMIN_EMAIL} / ${env.ADMIN_PASSWORD}   (from .env)`);
	say(`logs:   ${logFile}   · stop with Ctrl+C`);
} catch (error) {
	console.error('[crm] start failed:', error);
	await directus.stop();
	process.exit(1);
}
