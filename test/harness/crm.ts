// Boots a real Directus 12 with the built CRM extension and the CRM installed, on SQLite or PostgreSQL.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { adminClientWithLogin, type AdminClient } from '../../scripts/lib/admin-client.ts';
import {
	directusCliOrThrow,
	ROOT,
	startDirectus,
	type Env,
	type RunningDirectus,
} from '../../scripts/lib/directus-process.ts';
import { installCrm } from '../../scripts/lib/install-crm.ts';
import { startTempPostgres, type RunningPostgres } from '../../scripts/lib/postgres.ts';
import { freePort } from '../../scripts/lib/free-port.ts';
import { LINK_ROUTES } from '../../extensions/crm/src/api/config-warnings.ts';

export { freePort };

export const ADMIN = { email: 'admin@example.com', password: 'test-admin-password' };

export function workDir(name: string): string {
	const dir = resolve(ROOT, '.tmp/test', `${name}-${process.pid}-${Date.now()}`);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(resolve(dir, 'uploads'), { recursive: true });
	return dir;
}

export async function baseEnv(dir: string, database: Env): Promise<Env> {
	// Directus reads ./.env by default; point it at an empty file so a developer's .env never leaks into tests.
	const configPath = resolve(dir, 'directus.env');
	writeFileSync(configPath, '');
	return {
		CONFIG_PATH: configPath,
		...database,
		KEY: 'crm-test-key',
		SECRET: 'crm-test-secret-0123456789abcdef0123456789',
		ADMIN_EMAIL: ADMIN.email,
		ADMIN_PASSWORD: ADMIN.password,
		HOST: '127.0.0.1',
		PORT: String(await freePort()),
		TELEMETRY: 'false',
		LOG_LEVEL: 'info',
		WEBSOCKETS_ENABLED: 'false',
		LOG_HTTP_IGNORE_PATHS: LINK_ROUTES.join(','),
		STORAGE_LOCAL_ROOT: resolve(dir, 'uploads'),
		EXTENSIONS_PATH: resolve(ROOT, 'extensions'),
		RATE_LIMITER_ENABLED: 'false',
	};
}

export interface CrmInstance {
	url: string;
	env: Env;
	dir: string;
	client: AdminClient;
	directus: RunningDirectus;
	postgres: RunningPostgres | null;
	/** Restarts the Directus process (e.g. after a CLI `schema apply`, which another process's cache does not see). */
	restart(): Promise<void>;
	stop(): Promise<void>;
}

export async function bootCrm(
	name: string,
	options: { db?: 'sqlite' | 'postgres'; install?: boolean; env?: Env } = {},
): Promise<CrmInstance> {
	const dir = workDir(name);
	const postgres = options.db === 'postgres' ? await startTempPostgres('crm-pg-') : null;
	const env = {
		...(await baseEnv(dir, postgres ? postgres.env : { DB_CLIENT: 'sqlite3', DB_FILENAME: resolve(dir, 'db.sqlite') })),
		...options.env,
	};
	const cleanUp = async (directus?: RunningDirectus) => {
		await directus?.kill();
		await postgres?.stop();
	};
	let directus: RunningDirectus | undefined;
	let client: AdminClient;
	try {
		await directusCliOrThrow(['bootstrap'], env, { quiet: true });
		directus = await startDirectus(env, { logFile: resolve(dir, 'directus.log') });
		client = await adminClientWithLogin(directus.url, ADMIN.email, ADMIN.password);
		if (options.install !== false) await installCrm(client, directus.url, () => {});
	} catch (error) {
		// Leave no Directus or PostgreSQL running when boot fails (afterAll never sees a half-booted instance).
		await cleanUp(directus);
		throw error;
	}
	const instance: CrmInstance = {
		url: directus.url,
		env,
		dir,
		client,
		directus,
		postgres,
		restart: async () => {
			await instance.directus.stop();
			instance.directus = await startDirectus(env, { logFile: resolve(dir, 'directus.log') });
		},
		stop: async () => {
			await instance.directus.stop();
			await cleanUp();
		},
	};
	return instance;
}

/** A client acting as a fresh user of the named CRM role, authenticated by a static token. */
export async function userWithRole(admin: AdminClient, url: string, roleName: string, token: string) {
	const { createUser, readRoles } = await import('@directus/sdk');
	const { adminClientWithToken } = await import('../../scripts/lib/admin-client.ts');
	const [role] = await admin.request(readRoles({ filter: { name: { _eq: roleName } }, fields: ['id'] }));
	if (!role) throw new Error(`role ${roleName} not found`);
	await admin.request(
		createUser({ email: `${token}@example.com`, password: `${token}-password`, role: role.id, token } as never),
	);
	return adminClientWithToken(url, token);
}

/** A knex connection to the instance's own database (SQLite file or PostgreSQL), for reading it as the extension does. */
export async function directDatabase(crm: CrmInstance) {
	const { default: knexFactory } = await import('knex');
	const env = crm.env;
	return env.DB_CLIENT === 'pg'
		? knexFactory({
				client: 'pg',
				connection: {
					host: env.DB_HOST,
					port: Number(env.DB_PORT),
					database: env.DB_DATABASE,
					user: env.DB_USER,
					password: env.DB_PASSWORD,
				},
				pool: { min: 0, max: 2 },
			})
		: knexFactory({ client: 'sqlite3', connection: { filename: String(env.DB_FILENAME) }, useNullAsDefault: true });
}
