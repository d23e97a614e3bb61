// CLV figure: what refitClv does before writing predictions (data/clv/clv-refit.ts), timed in two parts: the
// per-customer summary in SQL (clvSummaries) and the BG/NBD + Gamma-Gamma fits (domain/clv). Run on the CDNOW master
// file loaded as orders into a schema of its own, and on the generated customers.
import { existsSync, readFileSync } from 'node:fs';
import knexFactory, { type Knex } from 'knex';
import type { ExtensionCode } from './load-extension-code.ts';
import { median } from './timing.ts';

export interface ClvRun {
	customers: number;
	/** Buyers the fit used: all of them, or a systematic sample beyond FIT_SAMPLE_LIMIT. */
	fittedOn: number;
	repeaters: number;
	summaryMs: number;
	fitMs: number;
	totalMs: number;
	runs: number;
	bgnbd: Record<string, number> & { logLikelihood: number };
	/** Every purchase model refitClv fits (BG/NBD, MBG/NBD, Pareto/NBD) and each one's fit time. */
	models: Record<string, Record<string, number> & { logLikelihood: number }>;
	modelMs: Record<string, number>;
	gammaGamma: Record<string, number> | null;
	/** refitClv uses the parameters whether or not the optimiser converged; the report says which. */
	converged: { bgnbd: boolean; gammaGamma: boolean | null };
}

/** Summary + fits, `runs` times; medians of each part (the total is the median of the per-run totals). */
export async function clvFit(knex: Knex, code: ExtensionCode, end: Date, runs: number): Promise<ClvRun> {
	const parts: { summaryMs: number; fitMs: number }[] = [];
	let last: Omit<ClvRun, 'summaryMs' | 'fitMs' | 'totalMs' | 'runs'> | undefined;
	for (let i = 0; i < runs; i++) {
		const started = performance.now();
		const rows = await code.clv.clvSummaries(knex, end);
		const summarised = performance.now();
		// The same call as refitClv (a systematic sample beyond FIT_SAMPLE_LIMIT buyers).
		const { fits, spend, fittedOn, fitMs: perModel } = code.clv.fitClvModels(rows);
		const purchase = fits.find((fit) => fit.model.kind === 'bgnbd')!;
		const fitted = performance.now();
		parts.push({ summaryMs: summarised - started, fitMs: fitted - summarised });
		const repeaters = rows.filter((s) => s.frequency > 0 && (s.meanRepeatValue ?? 0) > 0).length;
		last = {
			customers: rows.length,
			fittedOn,
			repeaters,
			bgnbd: { ...purchase.model.params, logLikelihood: purchase.logLikelihood },
			models: Object.fromEntries(
				fits.map((fit) => [fit.model.kind, { ...fit.model.params, logLikelihood: fit.logLikelihood }]),
			),
			modelMs: perModel,
			gammaGamma: spend?.params ?? null,
			converged: { bgnbd: purchase.converged, gammaGamma: spend ? spend.converged : null },
		};
	}
	return {
		...last!,
		runs,
		summaryMs: median(parts.map((p) => p.summaryMs)),
		fitMs: median(parts.map((p) => p.fitMs)),
		totalMs: median(parts.map((p) => p.summaryMs + p.fitMs)),
	};
}

/** CDNOW's calibration period ends on 1997-09-30 (the published BG/NBD analysis). */
export const CDNOW_END = new Date(Date.UTC(1997, 8, 30));

/**
 * Loads CDNOW_master.txt as paid orders into schema `cdnow` (a crm_orders table of its own, so the extension's SQL
 * runs unchanged through the search path) and fits on it. Returns null when the file is absent.
 */
export async function cdnowFit(
	knex: Knex,
	code: ExtensionCode,
	file: string,
	runs: number,
): Promise<(ClvRun & { transactions: number; loadMs: number }) | null> {
	if (!existsSync(file)) return null;
	const started = performance.now();
	const transactions = code.clv.parseCdnowTransactions(readFileSync(file, 'utf8'));
	await knex.raw('DROP SCHEMA IF EXISTS cdnow CASCADE');
	await knex.raw('CREATE SCHEMA cdnow');
	await knex.raw(
		'CREATE TABLE cdnow.crm_orders (id serial PRIMARY KEY, customer integer NOT NULL, status varchar(255) NOT NULL, ordered_at timestamptz NOT NULL, total numeric(14, 2) NOT NULL)',
	);
	const rows = transactions.map((t) => ({
		customer: Number(t.customerId),
		status: 'paid',
		ordered_at: `${t.date}T00:00:00Z`,
		total: t.amount,
	}));
	for (let i = 0; i < rows.length; i += 5000) await knex('cdnow.crm_orders').insert(rows.slice(i, i + 5000));
	await knex.raw('ANALYZE cdnow.crm_orders');
	const loadMs = performance.now() - started;
	const connection = knex.client.config.connection as Knex.PgConnectionConfig;
	const cdnow = knexFactory({ client: 'pg', connection, searchPath: ['cdnow'], pool: { min: 1, max: 1 } });
	try {
		return { ...(await clvFit(cdnow, code, CDNOW_END, runs)), transactions: transactions.length, loadMs };
	} finally {
		await cdnow.destroy();
		await knex.raw('DROP SCHEMA cdnow CASCADE');
	}
}
