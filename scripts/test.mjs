// `npm test`: installs if needed, builds the extension, runs every test (unit, integration on SQLite and PostgreSQL,
// replicas with Redis, the browser test) under the project's Node 22. Plain JS so it runs on any Node.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const run = (command, args, options = {}) => {
	const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
	if (result.status !== 0) process.exit(result.status ?? 1);
};

if (!existsSync(resolve(root, 'node_modules/.bin/node')) || !existsSync(resolve(root, 'node_modules/directus'))) {
	console.log('[test] installing dependencies (npm ci) ...');
	run('npm', ['ci']);
}
const node22 = resolve(root, 'node_modules/.bin/node');
const env = { ...process.env, PATH: `${resolve(root, 'node_modules/.bin')}:${process.env.PATH}` };
console.log('[test] building the CRM extension ...');
run(node22, [resolve(root, 'node_modules/@directus/extensions-sdk/cli.js'), 'build'], {
	cwd: resolve(root, 'extensions/crm'),
	env,
});
console.log('[test] formatting (prettier --check), lint (eslint), type-checking (vue-tsc) ...');
const bin = (name) => resolve(root, 'node_modules/.bin', name);
run(bin('prettier'), ['--check', '--log-level', 'warn', '.'], { env });
run(bin('eslint'), ['--max-warnings', '0', '.'], { env });
run(bin('vue-tsc'), ['-p', 'tsconfig.json'], { env });
run(node22, [resolve(root, 'node_modules/vitest/vitest.mjs'), 'run', ...process.argv.slice(2)], { env });
