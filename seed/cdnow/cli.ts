// `npm run seed:cdnow -- --url http://127.0.0.1:8055 --token <admin static token>`: the CDNOW sample through the
// events API, then the CLV models refitted (POST /crm/clv/refresh) so P(alive) and CLV show on those customers.
// Note: the CLV refit uses every order in the CRM; run it on a CRM without other orders to see the published figures.
import { customEndpoint } from '@directus/sdk';
import { parseArgs } from 'node:util';
import { adminClientWithToken } from '../../scripts/lib/admin-client.ts';
import { importCdnow } from './import-cdnow.ts';

const { values } = parseArgs({ options: { url: { type: 'string' }, token: { type: 'string' } } });
if (!values.url || !values.token) {
	console.error('usage: npm run seed:cdnow -- --url <Directus URL> --token <admin static token>');
	process.exit(2);
}
const client = adminClientWithToken(values.url, values.token);
console.log(await importCdnow(client, console.log));
console.log(await client.request(customEndpoint({ path: '/crm/clv/refresh', method: 'POST' })));
