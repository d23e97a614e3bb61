// Imports the CDNOW sample (2,357 customers, 6,919 purchases, 1997-1998) or the master file (23,570 customers, 69,659
// purchases) into a running CRM through the events API: one customer.upsert per CDNOW id (external_id cdnow-<id>; the
// sample's own ids, the master's ids for the master), one order.placed (status paid) per purchase, in batches of 1,000
// with idempotency keys, so a rerun changes nothing. Dollar amounts are stored as they are (currency USD).
import { customEndpoint } from '@directus/sdk';
import { readFileSync } from 'node:fs';
import type { AdminClient } from '../../scripts/lib/admin-client.ts';

export const CDNOW_SAMPLE = new URL('../../test/fixtures/cdnow/CDNOW_sample.txt', import.meta.url);
export const CDNOW_MASTER = new URL('../../test/fixtures/cdnow/CDNOW_master.txt', import.meta.url);

interface Purchase {
	customer: string;
	date: string;
	amount: number;
	line: number;
}

export function readCdnowSample(path: URL | string = CDNOW_SAMPLE): Purchase[] {
	return readFileSync(path, 'utf8')
		.split(/\r?\n/)
		.flatMap((text, index) => {
			const fields = text.trim().split(/\s+/);
			if (fields.length !== 5) return [];
			const [, customer, yyyymmdd, , dollars] = fields;
			return [
				{
					customer,
					date: `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`,
					amount: Number(dollars),
					line: index + 1,
				},
			];
		});
}

/** The master file: customer id, date, CDs, dollars (a header line first). */
export function readCdnowMaster(path: URL | string = CDNOW_MASTER): Purchase[] {
	return readFileSync(path, 'utf8')
		.split(/\r?\n/)
		.flatMap((text, index) => {
			const fields = text.trim().split(/\s+/);
			if (fields.length !== 4 || !/^\d{8}$/.test(fields[1])) return [];
			const [customer, yyyymmdd, , dollars] = fields;
			return [
				{
					customer,
					date: `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`,
					amount: Number(dollars),
					line: index + 1,
				},
			];
		});
}

export async function importCdnow(
	client: AdminClient,
	log: (line: string) => void = () => {},
	file: 'sample' | 'master' = 'sample',
) {
	const purchases = file === 'master' ? readCdnowMaster() : readCdnowSample();
	// The two files number their lines differently: keys of one never replay the other's.
	const prefix = file === 'master' ? 'cdnow-master' : 'cdnow';
	const customers = [...new Set(purchases.map((p) => p.customer))];
	const events = [
		...customers.map((id) => ({
			type: 'customer.upsert',
			idempotency_key: `${prefix}:customer:${id}`,
			data: { external_id: `cdnow-${id}`, full_name: `CDNOW ${id}`, source: 'import' },
		})),
		// Same-day purchases stay separate orders (the models merge them by day, as the paper does).
		...purchases.map((p) => ({
			type: 'order.placed',
			idempotency_key: `${prefix}:order:${p.line}`,
			data: {
				external_id: `${prefix}-${p.line}`,
				customer: { external_id: `cdnow-${p.customer}` },
				ordered_at: `${p.date}T00:00:00Z`,
				total: Math.round(p.amount * 100) / 100,
				currency: 'USD',
				status: 'paid',
			},
		})),
	];
	const tally: Record<string, number> = {};
	for (let start = 0; start < events.length; start += 1000) {
		const results = (await client.request(
			customEndpoint({
				path: '/crm/events',
				method: 'POST',
				body: JSON.stringify({ events: events.slice(start, start + 1000) }),
			}),
		)) as { status: string; errors?: unknown }[];
		for (const result of results) tally[result.status] = (tally[result.status] ?? 0) + 1;
		const rejected = results.find((result) => result.status === 'rejected');
		if (rejected) throw new Error(`CDNOW import: an event was rejected: ${JSON.stringify(rejected)}`);
		log(`[cdnow] ${Math.min(start + 1000, events.length)}/${events.length} events`);
	}
	return { customers: customers.length, orders: purchases.length, ...tally };
}
