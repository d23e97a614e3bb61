// `npm run crm:init`: the one-shot start-up step of a production deployment (docker-compose.yml's `crm-init` service),
// run once before the Directus replicas start, so they never race each other over an empty database:
//   1. `directus bootstrap` (creates Directus's tables and the first admin from ADMIN_EMAIL / ADMIN_PASSWORD; a no-op
//      on a database that has them),
//   2. `directus schema apply` of the CRM snapshot (crm_ collections only; "No changes to apply" the second time),
//   3. a Directus of its own on 127.0.0.1 (CRM_INIT_PORT, default 8054), logged in as that admin, runs the CRM installer
//      (roles, policies, labels, dashboard, settings, module bar; CRM_EVENTS_USER creates the Events API user, its token
//      from CRM_EVENTS_TOKEN or written to CRM_EVENTS_TOKEN_FILE), then stops.
// Configuration comes from the environment only (the same variables as the replicas). Exit code 0 when done.
import { writeFileSync } from 'node:fs';
import { devNull } from 'node:os';
import { resolve } from 'node:path';
import { adminClientWithLogin } from './lib/admin-client.ts';
import { directusCliOrThrow, startDirectus, type Env } from './lib/directus-process.ts';
import { checkEventsUserInput, installEventsUser, newEventsToken } from './lib/events-user.ts';
import { installCrm, snapshotPath } from './lib/install-crm.ts';

const say = (line: string) => console.log(`[crm:init] ${line}`);
const env: Env = {};
for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
// Only the environment configures Directus here: a stray .env in the working folder must not win over it.
env.CONFIG_PATH = process.env.CONFIG_PATH || devNull;
for (const required of ['KEY', 'SECRET', 'ADMIN_EMAIL', 'ADMIN_PASSWORD', 'DB_CLIENT'])
	if (!env[required]) {
		console.error(`[crm:init] ${required} is not set / ${required} 환경 변수가 없습니다`);
		process.exit(2);
	}
const eventsUser = env.CRM_EVENTS_USER || undefined;
const chosenToken = env.CRM_EVENTS_TOKEN || undefined;
if (eventsUser) {
	const problem = checkEventsUserInput(eventsUser, chosenToken);
	if (problem) {
		console.error(`[crm:init] ${problem}`);
		process.exit(2);
	}
}

try {
	say('bootstrap ...');
	await directusCliOrThrow(['bootstrap'], env, { quiet: true });
	say('schema apply ...');
	const applied = await directusCliOrThrow(['schema', 'apply', '--yes', snapshotPath(env.DB_CLIENT)], env, {
		quiet: true,
	});
	say(applied.includes('No changes to apply') ? 'schema: up to date' : 'schema: applied');
	// It serves the installer alone: no rate or pressure limit (a busy host would otherwise answer 503 mid-install).
	const local = {
		...env,
		HOST: '127.0.0.1',
		PORT: env.CRM_INIT_PORT || '8054',
		RATE_LIMITER_ENABLED: 'false',
		PRESSURE_LIMITER_ENABLED: 'false',
	};
	// Its output goes to this process's (the container log) unless CRM_INIT_LOG names a file.
	const directus = await startDirectus(local, env.CRM_INIT_LOG ? { logFile: resolve(env.CRM_INIT_LOG) } : {});
	try {
		const client = await adminClientWithLogin(directus.url, env.ADMIN_EMAIL, env.ADMIN_PASSWORD);
		const health = await installCrm(client, directus.url, say);
		if (eventsUser) {
			const token = chosenToken ?? newEventsToken();
			if ((await installEventsUser(client, eventsUser, token, say)) && !chosenToken) {
				if (env.CRM_EVENTS_TOKEN_FILE) {
					writeFileSync(env.CRM_EVENTS_TOKEN_FILE, `${token}\n`, { mode: 0o600 });
					say(
						`events API token written to ${env.CRM_EVENTS_TOKEN_FILE} / 이벤트 API 토큰을 ${env.CRM_EVENTS_TOKEN_FILE} 에 저장했습니다`,
					);
				} else
					say(`events API token (shown once, keep it secret) / 이벤트 API 토큰 (한 번만 표시, 비밀 유지): ${token}`);
			}
		}
		if (health.status !== 'ok') throw new Error(`GET /crm/health answers ${health.status}`);
		say(`done: schema v${health.schema.applied}, extension ${health.extension.version}`);
	} finally {
		await directus.stop();
	}
} catch (error) {
	console.error('[crm:init] failed:', error instanceof Error ? error.message : error);
	process.exit(1);
}
