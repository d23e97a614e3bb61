// `DIRECTUS_TOKEN=<admin static token> npm run crm:install -- --url https://cms.example.com [--events-user shop@example.com]`
// Adds the CRM to a running Directus 12.4 that has the extension installed: the schema (crm_ collections only, applied
// through the API), translations, roles, policies, dashboard, settings and the module bar; never demo data. Safe to run
// again: it only adds what is missing and never touches other collections. The admin token is read from DIRECTUS_TOKEN
// (a --token flag works too, but npm echoes the command line). --events-user creates a user in the "CRM Events API"
// role with a static token (CRM_EVENTS_TOKEN, or a generated one, written to --events-token-file or shown once).
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { adminClientWithToken } from './lib/admin-client.ts';
import { checkEventsUserInput, installEventsUser, newEventsToken } from './lib/events-user.ts';
import { installCrm } from './lib/install-crm.ts';

const say = (line: string) => console.log(`[crm:install] ${line}`);
const { values } = parseArgs({
	options: {
		url: { type: 'string' },
		token: { type: 'string' },
		'events-user': { type: 'string' },
		'events-token-file': { type: 'string' },
	},
});
const url = (values.url ?? process.env.DIRECTUS_URL ?? '').replace(/\/$/, '');
const token = values.token ?? process.env.DIRECTUS_TOKEN;
if (!url || !token) {
	console.error(
		'usage: DIRECTUS_TOKEN=<admin static token> npm run crm:install -- --url <directus url> ' +
			'[--events-user <email> [--events-token-file <path>]]  (or DIRECTUS_URL)\n' +
			'사용법: DIRECTUS_TOKEN=<관리자 정적 토큰> npm run crm:install -- --url <Directus 주소>',
	);
	process.exit(2);
}
const eventsUser = values['events-user'];
const chosenEventsToken = process.env.CRM_EVENTS_TOKEN || undefined;
if (eventsUser !== undefined) {
	const problem = checkEventsUserInput(eventsUser, chosenEventsToken);
	if (problem) {
		console.error(`[crm:install] ${problem}`);
		process.exit(2);
	}
}
try {
	const client = adminClientWithToken(url, token);
	const health = await installCrm(client, url, say);
	if (eventsUser !== undefined) {
		const eventsToken = chosenEventsToken ?? newEventsToken();
		if (await installEventsUser(client, eventsUser, eventsToken, say)) {
			const file = values['events-token-file'];
			if (file) {
				writeFileSync(file, `${eventsToken}\n`, { mode: 0o600 });
				say(`events API token written to ${file} / 이벤트 API 토큰을 ${file} 에 저장했습니다`);
			} else if (!chosenEventsToken)
				say(
					`events API token (shown once, keep it secret) / 이벤트 API 토큰 (한 번만 표시, 비밀 유지): ${eventsToken}`,
				);
		}
	}
	say(`done: schema v${health.schema.applied}, extension ${health.extension.version}, status ${health.status}`);
} catch (error) {
	console.error('[crm:install] failed:', error instanceof Error ? error.message : error);
	process.exit(1);
}
