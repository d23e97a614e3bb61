// `npm run seed:cdnow -- --url http://127.0.0.1:8055 --token <admin static token> [--master]`: the CDNOW sample (or
// with --master the whole master file) through the events API, then the CLV models refitted with calibration end
// 1997-09-30 and holdout end 1998-06-30 (POST /crm/clv/refresh), so P(alive) and CLV show on those customers and
// crm_settings.clv_fit holds the calibration-vs-holdout comparison.
// Note: the CLV refit uses every order in the CRM; run it on a CRM without other orders to see the published figures.
import { customEndpoint } from '@directus/sdk';
import { parseArgs } from 'node:util';
import { adminClientWithToken } from '../../scripts/lib/admin-client.ts';
import { importCdnow } from './import-cdnow.ts';

const { values } = parseArgs({
	options: { url: { type: 'string' }, token: { type: 'string' }, master: { type: 'boolean' } },
});
if (!values.url || !values.token) {
	console.error('usage: npm run seed:cdnow -- --url <Directus URL> --token <admin static token> [--master]');
	process.exit(2);
}
const client = adminClientWithToken(values.url, values.token);
console.log(await importCdnow(client, console.log, values.master ? 'master' : 'sample'));
const body = JSON.stringify({ calibration_end: '1997-09-30', holdout_end: '1998-06-30' });
console.log(await client.request(customEndpoint({ path: '/crm/clv/refresh', method: 'POST', body })));
