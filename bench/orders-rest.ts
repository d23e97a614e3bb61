// `npm run bench:orders [-- --orders N] [-- --rounds R] [-- --concurrency C]`: order ingestion through the REST API
// with the loyalty hooks on vs off, in the same run, on one PostgreSQL. Two Directus processes share the database;
// one runs with CRM_LOYALTY=off. Rounds alternate between them so drift hits both alike. "Settled" throughput waits
// until every order's points are on the ledger (the action hook runs after the HTTP answer), so it is the honest one.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createItem, createItems, readItems } from '@directus/sdk';
import { adminClientWithLogin } from '../scripts/lib/admin-client.ts';
import { startDirectus } from '../scripts/lib/directus-process.ts';
import { ADMIN, bootCrm, freePort } from '../test/harness/crm.ts';
import { median } from './lib/timing.ts';

const { values } = parseArgs({ options: { orders: { type: 'string', default: '400' }, rounds: { type: 'string', default: '3' }, concurrency: { type: 'string', default: '8' } } });
const ordersPerRound = Number(values.orders);
const rounds = Number(values.rounds);
const concurrency = Number(values.concurrency);
const log = (message: string) => console.error(`[bench:orders] ${message}`);

const peakRssMb = (pid: number | undefined) => {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
	} catch {
		return 0;
	}
};

log('booting Directus (loyalty on) on a throw-away PostgreSQL…');
const crm = await bootCrm('bench-orders', { db: 'postgres', env: { LOG_LEVEL: 'warn' } });
const offEnv = { ...crm.env, PORT: String(await freePort()), CRM_LOYALTY: 'off' };
const off = await startDirectus(offEnv, { logFile: resolve(crm.dir, 'directus-off.log') });
try {
	const onClient = crm.client;
	const offClient = await adminClientWithLogin(off.url, ADMIN.email, ADMIN.password);
	const customers = (await onClient.request(createItems('crm_customers' as never, Array.from({ length: 200 }, (_, i) => ({ full_name: `Bench ${i}` })) as never))) as { id: number }[];
	let serial = 0;
	const order = () => {
		serial += 1;
		const customer = customers[serial % customers.length].id;
		return { customer, status: 'paid', ordered_at: new Date(Date.now() - serial * 1000).toISOString(), total: 33_000, lines: [
			{ kind: 'product', product_name: 'A', category: 'coffee', quantity: 2, unit_price: 12_000, line_total: 24_000 },
			{ kind: 'product', product_name: 'B', category: 'bakery', quantity: 1, unit_price: 9_000, line_total: 9_000 },
		] };
	};
	const sendRound = async (client: typeof onClient, waitSettled: boolean) => {
		const start = performance.now();
		let next = 0;
		await Promise.all(Array.from({ length: concurrency }, async () => {
			while (next < ordersPerRound) {
				next += 1;
				await client.request(createItem('crm_orders' as never, order() as never));
			}
		}));
		const answered = performance.now() - start;
		if (waitSettled) {
			for (;;) {
				const pending = (await client.request(readItems('crm_orders' as never, { filter: { points_pending: { _eq: true } }, limit: 1, fields: ['id'] } as never))) as unknown[];
				if (!pending.length) break;
				await new Promise((r) => setTimeout(r, 50));
			}
		}
		return { answered, settled: performance.now() - start };
	};
	log('warm-up…');
	await sendRound(onClient, true);
	await sendRound(offClient, false);
	const on: { answered: number; settled: number }[] = [];
	const offRuns: { answered: number; settled: number }[] = [];
	for (let round = 1; round <= rounds; round++) {
		log(`round ${round}/${rounds}`);
		on.push(await sendRound(onClient, true));
		offRuns.push(await sendRound(offClient, false));
	}
	const perSecond = (ms: number) => (ordersPerRound / ms) * 1000;
	const onAnswered = perSecond(median(on.map((r) => r.answered)));
	const onSettled = perSecond(median(on.map((r) => r.settled)));
	const offAnswered = perSecond(median(offRuns.map((r) => r.answered)));
	const ledgerRows = (await onClient.request(readItems('crm_points_ledger' as never, { aggregate: { count: '*' } } as never))) as { count: string }[];
	const report = [
		'# Order ingestion through the REST API: loyalty hooks on vs off',
		'',
		`${ordersPerRound} orders per round (2 product lines each), ${concurrency} concurrent clients, median of ${rounds} alternating rounds, PostgreSQL, Node ${process.version}.`,
		'',
		'| Directus | orders/s (HTTP answered) | orders/s (points settled) | ratio vs off | peak RSS |',
		'|---|---:|---:|---:|---:|',
		`| CRM_LOYALTY=off (baseline) | ${offAnswered.toFixed(1)} | n/a | 1.00x | ${peakRssMb(off.child.pid).toFixed(0)} MB |`,
		`| loyalty on | ${onAnswered.toFixed(1)} | ${onSettled.toFixed(1)} | ${(onAnswered / offAnswered).toFixed(2)}x answered, ${(onSettled / offAnswered).toFixed(2)}x settled | ${peakRssMb(crm.directus.child.pid).toFixed(0)} MB |`,
		'',
		`Goal: ≥ 0.85x. Ledger rows written: ${ledgerRows[0]?.count}.`,
		'',
	].join('\n');
	writeFileSync(resolve(import.meta.dirname, 'report-orders.md'), report);
	console.log(report);
} finally {
	await off.stop();
	await crm.stop();
}
