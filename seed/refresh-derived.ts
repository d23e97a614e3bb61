// After the demo data is loaded, compute what the nightly jobs would (RFM scores, CLV fit, product recommendations)
// so a fresh demo shows them at once instead of the next morning.
import { customEndpoint } from '@directus/sdk';
import type { AdminClient } from '../scripts/lib/admin-client.ts';

const DERIVED = [
	['RFM scores', '/crm/rfm/refresh'],
	['CLV models', '/crm/clv/refresh'],
	['recommendations', '/crm/recommendations/refresh'],
] as const;

export async function refreshDerived(client: AdminClient, log: (message: string) => void) {
	for (const [what, path] of DERIVED) {
		try {
			await client.request(customEndpoint({ path, method: 'POST', body: JSON.stringify({}) }));
			log(`demo: ${what} computed`);
		} catch (error) {
			// Not fatal: the nightly schedule computes them anyway.
			log(`demo: computing ${what} failed (${(error as Error).message}); the nightly job will retry`);
		}
	}
}
