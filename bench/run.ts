// `npm run bench [-- --customers N] [-- --runs R]`: benchmarks the CRM extension's set-based SQL on a throw-away
// PostgreSQL against hand-written baselines measured in the same run; writes bench/report.md and prints it.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import knexFactory from 'knex';
import { startTempPostgres, type RunningPostgres } from '../scripts/lib/postgres.ts';
import { createCrmIndexes, createCrmTables } from './lib/crm-schema.ts';
import { incrementalSegment, rfmRescoring, segmentRefresh, statsHookCost } from './lib/figures.ts';
import { generateCrmData } from './lib/generate-data.ts';
import { loadExtensionCode } from './lib/load-extension-code.ts';
import { renderReport } from './lib/render-report.ts';
import { timeMs } from './lib/timing.ts';

/** Fixed "now" so that every run sees the same windows over the same generated rows. */
const NOW = new Date('2026-03-01T00:00:00Z');

const { values } = parseArgs({
	options: { customers: { type: 'string', default: '100000' }, runs: { type: 'string', default: '5' }, 'hook-calls': { type: 'string', default: '1000' } },
});
const customers = Number(values.customers);
const runs = Number(values.runs);
const hookCalls = Number(values['hook-calls']);
if (!Number.isInteger(customers) || customers < 100) throw new Error('--customers must be an integer ≥ 100');

const log = (message: string) => console.error(`[bench] ${message}`);
let pg: RunningPostgres | undefined;
let knex: ReturnType<typeof knexFactory> | undefined;
try {
	const code = await loadExtensionCode();
	pg = await startTempPostgres('crm-bench-');
	knex = knexFactory({ client: 'pg', connection: { host: '127.0.0.1', port: pg.port, user: 'postgres', database: 'directus' }, pool: { min: 1, max: 2 } });
	const version = String((await knex.raw('SHOW server_version')).rows[0].server_version);

	log(`generating ${customers} customers…`);
	await createCrmTables(knex);
	let counts: Record<string, number> = {};
	const loadMs = await timeMs(async () => (counts = await generateCrmData(knex!, customers, NOW)));
	let indexInfo = { indexes: 0, foreignKeys: 0 };
	const indexMs = await timeMs(async () => (indexInfo = await createCrmIndexes(knex!)));
	const analyzeMs = await timeMs(() => knex!.raw('VACUUM ANALYZE'));
	const dbBytes = Number((await knex.raw('SELECT pg_database_size(current_database()) AS n')).rows[0].n);

	log('1/4 segment refresh…');
	const segment = await segmentRefresh(knex, code, NOW, runs);
	log('2/4 RFM rescoring…');
	const rfm = await rfmRescoring(knex, code, NOW, runs);
	log('3/4 incremental re-evaluation…');
	const incremental = await incrementalSegment(knex, code, NOW, customers, 200);
	log('4/4 customer-stats hook…');
	const hook = await statsHookCost(knex, code, hookCalls);

	const report = renderReport({
		customers, runs, now: NOW, postgresVersion: version, nodeVersion: process.version, counts,
		generation: { loadMs, indexMs, analyzeMs, ...indexInfo }, dbBytes,
		segment, rfm, incremental, hook, peakRssBytes: process.resourceUsage().maxRSS * 1024,
	});
	// report.md is always the latest run; report-<N>.md keeps one per size so growth can be compared.
	const files = [resolve(import.meta.dirname, 'report.md'), resolve(import.meta.dirname, `report-${customers}.md`)];
	for (const file of files) writeFileSync(file, report);
	console.log(report);
	log(`written to ${files.join(' and ')}`);
} finally {
	await knex?.destroy();
	await pg?.stop().catch((error) => log(`stopping PostgreSQL: ${error}`));
}
