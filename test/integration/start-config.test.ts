// `npm start` with its configuration overridden from the environment (#14 item 6, #22): a .env already holds other
// admin credentials, the database and uploads live elsewhere and the data folder does not exist yet. Directus must see
// the environment's values (it would read .env itself and let the file win), and nothing may crash on the missing folder.
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminClientWithLogin } from '../../scripts/lib/admin-client.ts';
import { node22, ROOT } from '../../scripts/lib/directus-process.ts';
import { freePort, workDir } from '../harness/crm.ts';

const FROM_ENV = { email: 'owner@example.com', password: 'password-from-the-environment' };
let dir: string;
let url: string;
let output = '';
let child: ReturnType<typeof spawn>;
let exited: Promise<number | null>;

beforeAll(async () => {
	dir = workDir('start-config');
	const envFile = resolve(dir, 'crm.env');
	writeFileSync(
		envFile,
		[
			'KEY=start-config-key',
			'SECRET=start-config-secret-0123456789abcdef0123',
			'ADMIN_EMAIL=file@example.com',
			'ADMIN_PASSWORD=password-from-the-file',
			'',
		].join('\n'),
	);
	const port = String(await freePort());
	url = `http://127.0.0.1:${port}`;
	const env: Record<string, string | undefined> = {
		...process.env,
		CRM_ENV_FILE: envFile,
		CRM_DATA_DIR: resolve(dir, 'data-not-there-yet'),
		CRM_BUILD: 'false',
		DB_CLIENT: 'sqlite3',
		DB_FILENAME: resolve(dir, 'elsewhere/db/crm.sqlite'),
		STORAGE_LOCAL_ROOT: resolve(dir, 'elsewhere/uploads'),
		ADMIN_EMAIL: FROM_ENV.email,
		ADMIN_PASSWORD: FROM_ENV.password,
		PORT: port,
		HOST: '127.0.0.1',
		PRESSURE_LIMITER_ENABLED: 'false',
	};
	delete env.CONFIG_PATH;
	child = spawn(node22(), [resolve(ROOT, 'scripts/start.ts'), '--no-demo'], { cwd: ROOT, env });
	exited = new Promise((done) => child.once('exit', (code) => done(code)));
	const collect = (chunk: Buffer) => (output += chunk.toString());
	child.stdout!.on('data', collect);
	child.stderr!.on('data', collect);
	await new Promise<void>((ready, fail) => {
		child.stdout!.on('data', () => output.includes('· stop with Ctrl+C') && ready());
		void exited.then((code) => fail(new Error(`npm start exited with ${code}:\n${output.slice(-3000)}`)));
	});
});
afterAll(async () => {
	if (child && child.exitCode === null) {
		child.kill('SIGTERM');
		await exited;
	}
});

describe('npm start configured from the environment', () => {
	it('bootstraps with the admin credentials of the environment, not those of .env', async () => {
		expect(output).toContain(`login:  ${FROM_ENV.email}`);
		await expect(adminClientWithLogin(url, FROM_ENV.email, FROM_ENV.password)).resolves.toBeDefined();
		await expect(adminClientWithLogin(url, 'file@example.com', 'password-from-the-file')).rejects.toThrow();
	});

	it('keeps the database and uploads where they were pointed, and creates the data folder for its state and log', async () => {
		expect(existsSync(resolve(dir, 'elsewhere/db/crm.sqlite'))).toBe(true);
		expect(existsSync(resolve(dir, 'data-not-there-yet/.crm-state.json'))).toBe(true);
		expect(existsSync(resolve(dir, 'data-not-there-yet/directus.log'))).toBe(true);
		const health = (await (await fetch(`${url}/crm/health`)).json()) as { status: string };
		expect(health.status).toBe('ok');
	});

	it('stops cleanly on SIGTERM', async () => {
		child.kill('SIGTERM');
		expect(await exited).toBe(0);
	});
});
