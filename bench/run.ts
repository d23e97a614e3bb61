// `npm run bench [-- --customers N]`: the CRM benchmark. Boots a throw-away PostgreSQL with Directus 12 and the CRM
// installed, generates deterministic data into the real tables, and measures every figure against a baseline in the
// same run; writes bench/report.md (latest), bench/report-<N>.md (per size) and bench/report-growth.md (sizes compared).
// `--only sql,kpi,clv,endpoints,followups,ingestion,merge` runs some groups and writes bench/report-<groups>-<N>.md instead.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { node22, ROOT } from '../scripts/lib/directus-process.ts';
import { cdnowFit, clvFit } from './lib/clv-figure.ts';
import { endpointRun, quietFrom, type EndpointRun } from './lib/endpoints.ts';
import { incrementalSegment, rfmRescoring, segmentRefresh, statsHookCost } from './lib/figures.ts';
import { followupsFigure } from './lib/followups-figure.ts';
import { BENCH_SEGMENT_ID, generateCrmData } from './lib/generate-data.ts';
import { writeGrowthReport } from './lib/growth.ts';
import { ingestionFigure } from './lib/ingestion.ts';
import { kpiFigure } from './lib/kpi-figure.ts';
import { loadExtensionCode } from './lib/load-extension-code.ts';
import { notes, type NoteInput } from './lib/notes.ts';
import { mb, renderReport, secs, type Row } from './lib/render-report.ts';
import { clvRows, endpointRows, followupRows, ingestionRows, kpiRows, mergeRows, sqlRows } from './lib/rows.ts';
import { mergeFigure } from './lib/merge-figure.ts';
import { peakBytes, resetPeak, startStack, type BenchStack } from './lib/stack.ts';
import { timeMs } from './lib/timing.ts';

const GROUPS = ['sql', 'kpi', 'clv', 'endpoints', 'followups', 'ingestion', 'merge'] as const;
const { values } = parseArgs({
	options: {
		customers: { type: 'string', default: '100000' },
		runs: { type: 'string', default: '5' },
		'hook-calls': { type: 'string', default: '1000' },
		only: { type: 'string' },
		now: { type: 'string' },
		cdnow: {
			type: 'string',
			default: process.env.CRM_BENCH_CDNOW ?? resolve(ROOT, '../shared/datasets/cdnow/CDNOW_master.txt'),
		},
		orders: { type: 'string', default: '400' },
		rounds: { type: 'string', default: '3' },
		concurrency: { type: 'string', default: '8' },
		messages: { type: 'string', default: '20000' },
		'skip-build': { type: 'boolean', default: false },
	},
});
const customers = Number(values.customers);
const runs = Number(values.runs);
if (!Number.isInteger(customers) || customers < 100) throw new Error('--customers must be an integer ≥ 100');
const only = values.only ? values.only.split(',').map((g) => g.trim()) : [...GROUPS];
const unknown = only.filter((g) => !(GROUPS as readonly string[]).includes(g));
if (unknown.length) throw new Error(`--only: unknown group ${unknown.join(', ')} (groups: ${GROUPS.join(', ')})`);
const want = (group: (typeof GROUPS)[number]) => only.includes(group);
// "now" is today 00:00 UTC unless given: the data is generated back from it, and the endpoints (which use Directus's
// own clock) then see the same windows give or take hours. The same --now and --customers give the same rows.
const NOW = values.now
	? new Date(`${values.now}T00:00:00Z`)
	: new Date(new Date().toISOString().slice(0, 10) + 'T00:00:00Z');
if (Number.isNaN(NOW.getTime())) throw new Error('--now must be a date as YYYY-MM-DD');

const log = (message: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
const measured = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
	resetPeak('self');
	const result = await fn();
	return [result, peakBytes('self')];
};

if (!values['skip-build']) {
	log('building the extension (the Directus processes run extensions/crm/dist)…');
	execFileSync(node22(), [resolve(ROOT, 'node_modules/@directus/extensions-sdk/cli.js'), 'build'], {
		cwd: resolve(ROOT, 'extensions/crm'),
		stdio: 'ignore',
	});
}
const code = await loadExtensionCode();
const started = Date.now();
const loadAtStart = loadavg();
let stack: BenchStack | undefined;
try {
	log('booting PostgreSQL + Directus and installing the CRM…');
	const bootMs = await timeMs(async () => (stack = await startStack()));
	const { knex } = stack!;
	const version = String((await knex.raw('SHOW server_version')).rows[0].server_version);
	log(`generating ${customers.toLocaleString('en-US')} customers…`);
	const generation = await generateCrmData(knex, customers, NOW);
	const analyzeMs = await timeMs(() => knex.raw('VACUUM ANALYZE'));
	await knex.raw('CHECKPOINT'); // the load's dirty pages are written now, not during the first figure
	const dbBytes = Number((await knex.raw('SELECT pg_database_size(current_database()) AS n')).rows[0].n);
	const rows: Row[] = [];
	const endpoints: { segment?: EndpointRun; rfm?: EndpointRun; clv?: EndpointRun } = {};
	const stackNow = stack!;
	// Each group starts once Directus and PostgreSQL are idle (work left behind by the previous one is done).
	const quiet = () => quietFrom(stackNow.pid(), knex);
	const details: Omit<NoteInput, 'customers' | 'only' | 'cdnowPath'> = { followupMessages: Number(values.messages) };

	if (want('endpoints')) {
		// First, while nothing else has touched the data: these write members, scores and predictions.
		log(`endpoints: segment refresh, RFM${want('clv') ? ', CLV refit' : ''} through Directus…`);
		endpoints.segment = await endpointRun(stackNow, `/crm/segments/${BENCH_SEGMENT_ID}/refresh`);
		endpoints.rfm = await endpointRun(stackNow, '/crm/rfm/refresh', { windowDays: 365 });
		// The CLV refit belongs to the CLV group too: at 1M customers its fit alone runs for many minutes.
		if (want('clv')) endpoints.clv = await endpointRun(stackNow, '/crm/clv/refresh');
	}
	if (want('sql')) {
		await quiet();
		log('1/4 segment refresh…');
		const [segment, segmentPeak] = await measured(() => segmentRefresh(knex, code, NOW, runs));
		log('2/4 RFM rescoring…');
		const [rfm, rfmPeak] = await measured(() => rfmRescoring(knex, code, NOW, runs));
		log('3/4 incremental re-evaluation…');
		const [incremental, incrementalPeak] = await measured(() => incrementalSegment(knex, code, NOW, customers, 200));
		log('4/4 customer-stats hook…');
		const [hook, hookPeak] = await measured(() => statsHookCost(knex, code, Number(values['hook-calls'])));
		Object.assign(details, { segmentMembers: segment.members, rfmScored: rfm.scored });
		rows.push(
			...sqlRows(
				{
					segment,
					rfm,
					incremental,
					hook,
					peaks: { segment: segmentPeak, rfm: rfmPeak, incremental: incrementalPeak, hook: hookPeak },
				},
				endpoints,
			),
		);
	} else rows.push(...endpointRows(endpoints));
	if (want('kpi')) {
		await quiet();
		log('KPI: report code and hand-written SQL, then GET /crm/kpi…');
		resetPeak(stackNow.pid());
		const [kpi, kpiPeak] = await measured(() => kpiFigure(knex, code, NOW, runs, stackNow.url));
		details.kpi = kpi;
		rows.push(...kpiRows(kpi, { code: kpiPeak, http: peakBytes(stackNow.pid()) }));
	}
	if (want('clv')) {
		await quiet();
		log('CLV: CDNOW and the generated customers…');
		const [cdnow, cdnowPeak] = await measured(() => cdnowFit(knex, code, values.cdnow!, Math.min(runs, 3)));
		if (!cdnow) log(`CLV: ${values.cdnow} not found, the CDNOW figure is skipped`);
		const [generated, generatedPeak] = await measured(() =>
			clvFit(knex, code, NOW, customers >= 1_000_000 ? 1 : Math.min(runs, 3)),
		);
		rows.push(
			...clvRows(
				cdnow && { ...cdnow, peak: cdnowPeak },
				{ ...generated, peak: generatedPeak },
				customers,
				endpoints.clv,
			),
		);
		details.cdnow = cdnow;
		if (cdnow)
			log(
				`CLV: CDNOW ${cdnow.customers} customers, ${cdnow.transactions} transactions, BG/NBD ${JSON.stringify(cdnow.bgnbd)}`,
			);
	}
	if (want('followups')) {
		await quiet();
		log('follow-ups: render and queue…');
		const [followups, followupsPeak] = await measured(() => followupsFigure(knex, code, Number(values.messages), runs));
		rows.push(...followupRows(followups, followupsPeak));
	}
	if (want('ingestion')) {
		const ingestion = await ingestionFigure(
			stackNow,
			{
				orders: Number(values.orders),
				rounds: Number(values.rounds),
				concurrency: Number(values.concurrency),
				customers,
			},
			log,
		);
		details.ingestion = ingestion;
		rows.push(...ingestionRows(ingestion));
	}

	if (want('merge')) {
		await quiet();
		log('merge: duplicate detection…');
		const [merge, mergePeak] = await measured(() => mergeFigure(knex, code, customers, Math.min(runs, 3)));
		rows.push(...mergeRows(merge, mergePeak));
	}

	const orders = generation.counts.crm_orders;
	const report = renderReport({
		title: `CRM benchmark: ${customers.toLocaleString('en-US')} customers`,
		header: [
			`PostgreSQL ${version} (throw-away cluster, fsync=off) with Directus 12.4 and the CRM installed; Node ${process.version}; ` +
				`${customers.toLocaleString('en-US')} customers, ${orders.toLocaleString('en-US')} orders; "now" = ${NOW.toISOString().slice(0, 10)}; ` +
				`median of ${runs} interleaved runs after one warm-up unless the figure says otherwise; ran ${new Date().toISOString().slice(0, 16)}Z, ${secs(Date.now() - started)} in all. ` +
				`Machine: ${cpus().length} cores shared with other work, load average ${loadAtStart.map((l) => l.toFixed(1)).join(' / ')} at the start and ${loadavg()
					.map((l) => l.toFixed(1))
					.join(' / ')} at the end (1/5/15 min).`,
			'',
			`Data: ${Object.entries(generation.counts)
				.map(([t, n]) => `${t} ${n.toLocaleString('en-US')}`)
				.join(', ')}. ` +
				`Boot + install ${secs(bootMs)}; load ${secs(generation.loadMs)} (indexes dropped), ${generation.indexes} indexes/unique constraints + ${generation.foreignKeys} foreign keys re-created ${secs(generation.indexMs)}, VACUUM ANALYZE ${secs(analyzeMs)}; database ${mb(dbBytes)}.`,
		],
		rows,
		notes: notes({ ...details, customers, cdnowPath: values.cdnow!, only }),
		size: { customers, orders },
	});
	const name = values.only ? `report-${only.join('-')}-${customers}.md` : `report-${customers}.md`;
	const files = [
		resolve(import.meta.dirname, name),
		...(values.only ? [] : [resolve(import.meta.dirname, 'report.md')]),
	];
	for (const file of files) writeFileSync(file, report);
	console.log(report);
	log(`written to ${files.join(' and ')}`);
	if (writeGrowthReport(import.meta.dirname)) log('growth between sizes: bench/report-growth.md');
} finally {
	await stack?.stop().catch((error) => log(`stopping: ${error}`));
}
