// Loads the deterministic demo data through the API in batches. Resumable and idempotent: every row carries a
// stable key (external_id, sku or source_key) and rows that already exist are skipped.
import { createItems, readItems } from '@directus/sdk';
import type { AdminClient } from '../scripts/lib/admin-client.ts';
import { generateDemoData } from './demo/generate.ts';

const BATCH = 250;

interface Options {
	now: Date;
	customers?: number;
	seed?: number;
	log?: (line: string) => void;
}

async function existingKeys(
	client: AdminClient,
	collection: string,
	keyField: string,
	prefix: string,
): Promise<Map<string, number>> {
	const rows = (await client.request(
		readItems(
			collection as never,
			{
				fields: ['id', keyField],
				filter: prefix ? { [keyField]: { _starts_with: prefix } } : { [keyField]: { _nnull: true } },
				limit: -1,
			} as never,
		),
	)) as Record<string, unknown>[];
	return new Map(rows.map((row) => [String(row[keyField]), Number(row.id)]));
}

async function insertMissing<T>(
	client: AdminClient,
	collection: string,
	rows: T[],
	keyOf: (row: T) => string,
	have: Set<string> | Map<string, unknown>,
	toPayload: (row: T) => Record<string, unknown>,
	log: (line: string) => void,
) {
	const missing = rows.filter((row) => !have.has(keyOf(row)));
	for (let i = 0; i < missing.length; i += BATCH) {
		await client.request(
			createItems(
				collection as never,
				missing.slice(i, i + BATCH).map(toPayload) as never,
				{ fields: ['id'] } as never,
			),
		);
		process.stdout.write(`\r[crm] demo ${collection}: ${Math.min(i + BATCH, missing.length)}/${missing.length}   `);
	}
	if (missing.length) process.stdout.write('\n');
	else log(`demo ${collection}: already loaded`);
}

export async function loadDemoData(client: AdminClient, options: Options) {
	const log = options.log ?? console.log;
	const data = generateDemoData({
		seed: options.seed ?? 20261123,
		customers: options.customers ?? 2000,
		now: options.now,
	});
	log(
		`demo: ${data.customers.length} customers, ${data.orders.length} orders, ${data.interactions.length} interactions, ${data.feedback.length} survey answers`,
	);

	const products = await existingKeys(client, 'crm_products', 'sku', '');
	await insertMissing(
		client,
		'crm_products',
		data.products,
		(p) => p.sku,
		products,
		(p) => ({ ...p, status: 'active' }),
		log,
	);
	const productIds = await existingKeys(client, 'crm_products', 'sku', '');

	const customers = await existingKeys(client, 'crm_customers', 'external_id', 'demo-');
	await insertMissing(
		client,
		'crm_customers',
		data.customers,
		(c) => c.external_id,
		customers,
		({ created_at: _created, ...c }) => c,
		log,
	);
	const customerIds = await existingKeys(client, 'crm_customers', 'external_id', 'demo-');

	const orders = await existingKeys(client, 'crm_orders', 'external_id', 'demo-');
	await insertMissing(
		client,
		'crm_orders',
		data.orders,
		(o) => o.external_id,
		orders,
		({ customer_external_id, lines, ...order }) => ({
			...order,
			customer: customerIds.get(customer_external_id),
			lines: lines.map(({ sku, ...line }) => ({ ...line, product: sku ? (productIds.get(sku) ?? null) : null })),
		}),
		log,
	);

	const interactions = await existingKeys(client, 'crm_interactions', 'source_key', 'demo-');
	const keyedInteractions = data.interactions.map((row, index) => ({
		...row,
		source_key: `demo-i-${String(index + 1).padStart(6, '0')}`,
	}));
	await insertMissing(
		client,
		'crm_interactions',
		keyedInteractions,
		(i) => i.source_key,
		interactions,
		({ customer_external_id, ...row }) => ({ ...row, customer: customerIds.get(customer_external_id) }),
		log,
	);

	const feedback = await existingKeys(client, 'crm_feedback', 'source_key', 'demo-');
	await insertMissing(
		client,
		'crm_feedback',
		data.feedback,
		(f) => f.source_key,
		feedback,
		({ customer_external_id, ...row }) => ({ ...row, customer: customerIds.get(customer_external_id) }),
		log,
	);
}
