// `npm run crm:install -- --url https://cms.example.com --token <admin static token>`
// Adds the CRM (schema for crm_ collections only, translations, roles, policies, dashboard) to a running Directus 12,
// without demo data. Safe to run again: it only adds what is missing and never touches other collections.
import { parseArgs } from 'node:util';
import { adminClientWithToken } from './lib/admin-client.ts';
import { installCrm } from './lib/install-crm.ts';

const { values } = parseArgs({ options: { url: { type: 'string' }, token: { type: 'string' } } });
const url = (values.url ?? process.env.DIRECTUS_URL ?? '').replace(/\/$/, '');
const token = values.token ?? process.env.DIRECTUS_TOKEN;
if (!url || !token) {
	console.error(
		'usage: npm run crm:install -- --url <directus url> --token <admin static token>  (or DIRECTUS_URL / DIRECTUS_TOKEN)',
	);
	process.exit(2);
}
try {
	const health = await installCrm(adminClientWithToken(url, token), url, (line) =>
		console.log(`[crm:install] ${line}`),
	);
	console.log(
		`[crm:install] done: schema v${health.schema.applied}, extension ${health.extension.version}, status ${health.status}`,
	);
} catch (error) {
	console.error('[crm:install] failed:', error instanceof Error ? error.message : error);
	process.exit(1);
}
