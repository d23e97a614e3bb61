// Order ingestion through the REST API (POST /items/crm_orders with two nested lines), on the generated database,
// by three Directus processes sharing it: the CRM (every hook: customer stats, loyalty points, incremental segment
// re-evaluation, stages, follow-up planning), the CRM with CRM_LOYALTY=off, and stock Directus with no extension at all
// (the baseline). Rounds alternate between them so drift hits all alike. "Settled" waits until every order's points
// are on the ledger and the CRM process is idle again (points, incremental segments and follow-up planning run in
// action hooks after the HTTP answer), so it is the honest CRM figure.
import type { Knex } from 'knex';
import type { BenchStack } from './stack.ts';
import { quietFrom } from './endpoints.ts';
import { BENCH_TOKEN, peakBytes, resetPeak, startSideDirectus } from './stack.ts';
import { median } from './timing.ts';

export interface IngestionOptions {
	orders: number;
	rounds: number;
	concurrency: number;
	customers: number;
}

export interface IngestionTarget {
	answeredPerS: number;
	settledPerS: number | null;
	peakBytes: number;
}

export interface IngestionFigure {
	options: IngestionOptions;
	stock: IngestionTarget;
	crm: IngestionTarget;
	loyaltyOff: IngestionTarget;
	ledgerRows: number;
}

async function post(url: string, body: unknown): Promise<void> {
	const response = await fetch(`${url}/items/crm_orders`, {
		method: 'POST',
		headers: { authorization: `Bearer ${BENCH_TOKEN}`, 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	if (!response.ok)
		throw new Error(`POST /items/crm_orders answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
	await response.arrayBuffer();
}

export async function ingestionFigure(
	stack: BenchStack,
	options: IngestionOptions,
	log: (m: string) => void,
): Promise<IngestionFigure> {
	const { knex } = stack;
	log('ingestion: starting stock Directus and the CRM with loyalty off on the same database…');
	const stock = await startSideDirectus(stack.crm, 'stock');
	const off = await startSideDirectus(stack.crm, 'loyalty-off');
	try {
		let serial = 0;
		// Existing generated customers, spread over the id range (so some have long order histories).
		const order = () => {
			serial += 1;
			const customer = 1 + ((serial * 7919) % options.customers);
			return {
				customer,
				status: 'paid',
				channel: 'web',
				currency: 'KRW',
				ordered_at: new Date(Date.now() - serial * 1000).toISOString(),
				total: 33_000,
				lines: [
					{
						kind: 'product',
						product: 1 + (serial % 400),
						product_name: 'A',
						category: 'coffee',
						quantity: 2,
						unit_price: 12_000,
						line_total: 24_000,
					},
					{
						kind: 'product',
						product: 1 + ((serial * 31) % 400),
						product_name: 'B',
						category: 'bakery',
						quantity: 1,
						unit_price: 9_000,
						line_total: 9_000,
					},
				],
			};
		};
		const crmPid = stack.pid();
		const round = async (url: string, waitSettled: boolean) => {
			await quietFrom(crmPid, knex); // the CRM's work left from its last round must not land in another's
			const start = performance.now();
			let next = 0;
			await Promise.all(
				Array.from({ length: options.concurrency }, async () => {
					while (next < options.orders) {
						next += 1;
						await post(url, order());
					}
				}),
			);
			const answered = performance.now() - start;
			if (!waitSettled) return { answered, settled: answered };
			await settled(knex);
			const pointsAt = performance.now();
			return { answered, settled: Math.max(pointsAt, await quietFrom(crmPid, knex)) - start };
		};
		const targets = [
			{ name: 'stock', url: stock.url, pid: stock.pid, settle: false },
			{ name: 'crm', url: stack.url, pid: stack.pid(), settle: true },
			{ name: 'loyaltyOff', url: off.url, pid: off.pid, settle: false },
		] as const;
		log('ingestion: warm-up…');
		for (const t of targets) await round(t.url, t.settle);
		for (const t of targets) resetPeak(t.pid);
		const results = new Map<string, { answered: number; settled: number }[]>(targets.map((t) => [t.name, []]));
		for (let r = 1; r <= options.rounds; r++) {
			log(`ingestion: round ${r}/${options.rounds}`);
			const order = r % 2 ? targets : [...targets].reverse();
			for (const t of order) results.get(t.name)!.push(await round(t.url, t.settle));
		}
		const perSecond = (ms: number) => (options.orders / ms) * 1000;
		const target = (t: (typeof targets)[number]): IngestionTarget => {
			const runs = results.get(t.name)!;
			return {
				answeredPerS: perSecond(median(runs.map((x) => x.answered))),
				settledPerS: t.settle ? perSecond(median(runs.map((x) => x.settled))) : null,
				peakBytes: peakBytes(t.pid),
			};
		};
		const ledger = await knex('crm_points_ledger').count({ n: '*' }).first();
		return {
			options,
			stock: target(targets[0]),
			crm: target(targets[1]),
			loyaltyOff: target(targets[2]),
			ledgerRows: Number(ledger?.n ?? 0),
		};
	} finally {
		await off.stop();
		await stock.stop();
	}
}

/** Waits until no order has points pending (the CRM's after-save hook settles them). */
async function settled(knex: Knex): Promise<void> {
	for (;;) {
		const pending = await knex('crm_orders').where('points_pending', true).first('id');
		if (!pending) return;
		await new Promise((r) => setTimeout(r, 50));
	}
}
