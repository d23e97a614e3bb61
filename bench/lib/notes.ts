// The report's prose: what each baseline is, whose memory the peak column shows, and how to run other sizes.
import type { ClvRun } from './clv-figure.ts';
import type { IngestionFigure } from './ingestion.ts';
import type { KpiFigure } from './kpi-figure.ts';

export interface NoteInput {
	customers: number;
	only: string[];
	cdnowPath: string;
	cdnow?: (ClvRun & { transactions: number }) | null;
	ingestion?: IngestionFigure;
	kpi?: KpiFigure;
	segmentMembers?: number;
	rfmScored?: number;
	followupMessages?: number;
}

const int = (n: number) => n.toLocaleString('en-US');
const params = (p: Record<string, number>) =>
	Object.entries(p)
		.map(([k, v]) => `${k} ${v.toFixed(3)}`)
		.join(', ');

export function notes(n: NoteInput): string[] {
	const has = (group: string) => n.only.includes(group);
	const out = [
		'Ratio = CRM ÷ baseline for times; for rates (/s) it is CRM rate ÷ baseline rate, so below 1 is slower either way. ' +
			'Baselines run in the same process, on the same data and connection, interleaved with the CRM runs, so machine load hits both; ' +
			'absolute times vary with the load of this shared 2-core machine, the ratios much less.',
		'',
		"Hygiene: the Directus processes run with `TZ` set so that it is about 11:00 for them, so the CRM's nightly jobs (RFM, stages, loyalty, KPI snapshots, CLV: 00:20-04:20 local) cannot fire during a figure; every group starts once Directus and PostgreSQL are idle.",
		'',
		"**Peak memory.** *bench process*: peak RSS (VmHWM) of the bench's own Node process while that figure ran (the SQL itself runs in PostgreSQL, " +
			'which is not counted). *Directus*: VmHWM of the Directus process while it served the figure; the mark is reset before each figure ' +
			"(`/proc/<pid>/clear_refs`), so it is that figure's peak, on top of what Directus already held; for an endpoint it is read once the work the call left behind is done, for ingestion over the measured rounds (after the warm-up) of each of the three processes.",
		'',
		'**Baselines.**',
	];
	if (has('sql') || has('endpoints')) {
		out.push(
			`- 1: \`count(*)\` over a windowed \`GROUP BY customer HAVING count(*) >= 3 AND sum(total) >= 300000\` plus an \`EXISTS\` semi-join for a coffee line (line category, else the product's); both counts are checked equal${n.segmentMembers === undefined ? '' : ` (${int(n.segmentMembers)} members)`}. 1b is the same rule through the real endpoint: match, diff against current members, insert entries, emit one action per change (first refresh: every member enters).`,
			`- 2: one \`UPDATE crm_customers … FROM (ntile(5) OVER (ORDER BY …) ×3 over orders grouped by customer)\`. The CRM does more in the same budget: exact tie rule (ties share a score), the RFM cell, and it stamps \`rfm_at\` and clears the scores of every customer without a purchase in the window (the baseline leaves those rows alone); both run after an untimed \`VACUUM crm_customers\`${n.rfmScored === undefined ? '' : `; ${int(n.rfmScored)} customers scored`}.`,
			"- 3: the hand-written query of 1 restricted to `o.customer = ?` vs `compileSegmentQuery(…).where(id)`, 200 customers spread over the ids, each checked to agree. 4: a plain `UPDATE crm_orders SET date_updated = ? WHERE id = ?` vs the hook's `applyStatsDelta` (4b adds min/max over that customer's orders).",
		);
	}
	if (has('kpi') && n.kpi) {
		out.push(
			`- 5: ${n.kpi.ids.length} KPIs (${n.kpi.ids.join(', ')}) for the month and the month before, as \`GET /crm/kpi\` answers them, against three hand-written statements run side by side ` +
				'(orders of both months grouped once per customer with FILTER clauses, lifetime revenue, feedback counts); every value is checked equal. ' +
				"**Cold** means the KPI cache is empty (5a: a fresh `KpiCache` per call, PostgreSQL's buffer cache warm for both sides; 5b: over HTTP, months nobody asked for yet, " +
				"since the endpoint's per-process 60 s cache is keyed by period). **Cached** (5c) is measured through the real endpoint, not the in-process cache, " +
				'because that alone is a Map lookup; it includes HTTP, token check and the settings read the endpoint does on every request. ' +
				'Follow-up ROI and lift are left out: the generated data has no outbox.',
		);
	}
	if (has('clv')) {
		const cdnow = n.cdnow
			? `CDNOW_master.txt (${int(n.cdnow.transactions)} transactions) is loaded as paid orders into a schema of its own and summarised by the same SQL through the search path; calibration end 1997-09-30; BG/NBD ${params(n.cdnow.bgnbd)}${n.cdnow.gammaGamma ? `; Gamma-Gamma ${params(n.cdnow.gammaGamma)}` : ''}.`
			: `The CDNOW figure is skipped: ${n.cdnowPath} was not found (set \`--cdnow <file>\` or \`CRM_BENCH_CDNOW\`).`;
		out.push(
			`- 6: what \`refitClv\` does before writing predictions, timed as one: the per-customer summary in SQL (\`clvSummaries\`) and the BG/NBD + Gamma-Gamma fits (\`fitClvModels\`: customers sharing (x, t_x, T) are one weighted term of the likelihood, and beyond 250,000 buyers the fit uses a systematic sample by id while every buyer is still scored). ${cdnow} Goal: CDNOW under 2 s; 1M customers under 10x the CDNOW time of the same run. 6c adds scoring every buying customer (once per distinct (x, t_x, T) for the purchase side) and writing p_alive / expected purchases / CLV, 2,000 customers per \`UPDATE … FROM (VALUES …)\`, through the endpoint.`,
		);
	}
	if (has('followups')) {
		out.push(
			`- 8: ${int(n.followupMessages ?? 0)} messages per run. "Dispatch" here is the CRM's part of it: compose each message and queue it as an outbox row (unique dedupe key, ON CONFLICT DO NOTHING), vs inserting as many pre-rendered rows; handing messages to a provider is not measured.`,
		);
	}
	if (has('ingestion') && n.ingestion) {
		const o = n.ingestion.options;
		out.push(
			`- 7: \`POST /items/crm_orders\` with two nested lines for existing generated customers, ${int(o.orders)} orders per round, ${o.concurrency} concurrent clients, median of ${o.rounds} rounds alternating between three Directus processes on the same database: ` +
				"the CRM with every hook (customer stats in the order's transaction, loyalty points, incremental re-evaluation of the dynamic segment, stages, follow-up planning); " +
				'the CRM with `CRM_LOYALTY=off` (the switch the extension has; the other hooks stay on); and **stock Directus 12.4 with no extension loaded** (EXTENSIONS_PATH is an empty folder) as the baseline. ' +
				`7b also waits until every order's points are on the ledger and the CRM process is idle (points, incremental segment re-evaluation and follow-up planning run in action hooks after the answer): the honest CRM rate. Before each round the bench waits until the CRM is idle, so its left-over work never lands in another process's round. Ledger rows at the end: ${int(n.ingestion.ledgerRows)}.`,
		);
	}
	out.push(
		'',
		'**How to run.** `npm run bench` (100,000 customers) or `npm run bench -- --customers 10000`; every size writes `bench/report-<customers>.md` and, ' +
			'once two sizes exist, `bench/report-growth.md` (how each figure grows with the data). ' +
			'1M customers: `npm run bench -- --customers 1000000` (≈10M orders, 20M lines; about 9 GB of disk under the system temp dir and about 35 minutes on 2 cores). ' +
			'Options: `--runs N` (5), `--hook-calls N`, `--now YYYY-MM-DD` (default: today), `--cdnow <file>` (default `../shared/datasets/cdnow/CDNOW_master.txt` from the repository root, or `CRM_BENCH_CDNOW`), ' +
			'`--orders/--rounds/--concurrency` for ingestion, `--messages` for follow-ups, `--only sql,kpi,clv,endpoints,followups,ingestion`, `--skip-build`. ' +
			'`npm run bench:orders` and `npm run bench:followups` are `--only ingestion` / `--only followups` at 10,000 customers.',
	);
	return out;
}
