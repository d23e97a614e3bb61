import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { node22, ROOT } from './lib/directus-process.ts';

const run = (args: string[], env: Record<string, string> = {}) =>
	spawnSync(node22(), [resolve(ROOT, 'scripts/crm-install.ts'), ...args], {
		cwd: ROOT,
		encoding: 'utf8',
		env: { ...process.env, DIRECTUS_URL: '', DIRECTUS_TOKEN: '', CRM_EVENTS_TOKEN: '', ...env },
	});

describe('npm run crm:install arguments', () => {
	it('refuses to run without a URL and an admin token, in English and Korean', () => {
		const result = run([]);
		expect(result.status).toBe(2);
		expect(result.stderr).toContain('usage: DIRECTUS_TOKEN=<admin static token> npm run crm:install');
		expect(result.stderr).toContain('사용법:');
	});

	it('refuses a bad events user or token before contacting Directus', () => {
		const env = { DIRECTUS_TOKEN: 'x' };
		const badEmail = run(['--url', 'http://127.0.0.1:9', '--events-user', 'not-an-email'], env);
		expect(badEmail.status).toBe(2);
		expect(badEmail.stderr).toContain('--events-user: not an e-mail address');
		const badToken = run(['--url', 'http://127.0.0.1:9', '--events-user', 'pos@example.com'], {
			...env,
			CRM_EVENTS_TOKEN: 'short',
		});
		expect(badToken.status).toBe(2);
		expect(badToken.stderr).toContain('CRM_EVENTS_TOKEN: 32 to 255');
	});
});
