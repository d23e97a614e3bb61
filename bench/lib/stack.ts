// The system under test: a throw-away PostgreSQL with Directus 12 and the CRM installed (the real schema, roles,
// settings and loyalty defaults, through the same installer as `npm start`), a knex connection for the in-process
// figures, and on demand more Directus processes on the same database (stock Directus, CRM with loyalty off).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { updateMe } from '@directus/sdk';
import knexFactory, { type Knex } from 'knex';
import { startDirectus, type RunningDirectus } from '../../scripts/lib/directus-process.ts';
import { bootCrm, freePort, type CrmInstance } from '../../test/harness/crm.ts';

/** A static admin token: login tokens expire after 15 minutes, a 1M-customer run takes far longer. */
export const BENCH_TOKEN = 'crm-bench-admin-token';

export interface BenchStack {
	crm: CrmInstance;
	knex: Knex;
	/** The CRM Directus process's URL and pid (a restart changes the pid). */
	url: string;
	pid(): number;
	stop(): Promise<void>;
}

export interface SideDirectus extends RunningDirectus {
	pid: number;
}

/**
 * A time zone in which it is now about 11:00, for the Directus processes: the CRM's nightly jobs (00:20-04:20 local:
 * KPI snapshots, RFM, stages, segments, loyalty, CLV) are then hours away and cannot run in the middle of a figure.
 * Only the process clock's zone changes; the CRM's own time zone comes from its settings.
 */
export function midMorningZone(now = new Date()): string {
	const offset = ((11 - now.getUTCHours() + 36) % 24) - 12; // -12..11 hours from UTC
	return offset === 0 ? 'Etc/UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`; // POSIX sign: GMT-9 is UTC+9
}

export async function startStack(): Promise<BenchStack> {
	// LOG_LEVEL warn: per-request logging would be part of every HTTP figure otherwise.
	const crm = await bootCrm('bench', { db: 'postgres', env: { LOG_LEVEL: 'warn', TZ: midMorningZone() } });
	await crm.client.request(updateMe({ token: BENCH_TOKEN } as never));
	const { DB_HOST, DB_PORT, DB_DATABASE, DB_USER } = crm.env;
	const knex = knexFactory({
		client: 'pg',
		connection: { host: DB_HOST, port: Number(DB_PORT), database: DB_DATABASE, user: DB_USER },
		pool: { min: 1, max: 4 },
	});
	return {
		crm,
		knex,
		url: crm.url,
		pid: () => Number(crm.directus.child.pid),
		stop: async () => {
			await knex.destroy();
			await crm.stop();
		},
	};
}

/**
 * Another Directus process on the same database: `stock` has no extensions at all (EXTENSIONS_PATH is an empty
 * folder: no CRM hook, endpoint or schedule), `loyalty-off` is the CRM with CRM_LOYALTY=off.
 */
export async function startSideDirectus(crm: CrmInstance, kind: 'stock' | 'loyalty-off'): Promise<SideDirectus> {
	const env: Record<string, string> = { ...crm.env, PORT: String(await freePort()) };
	if (kind === 'stock') {
		env.EXTENSIONS_PATH = resolve(crm.dir, 'no-extensions');
		mkdirSync(env.EXTENSIONS_PATH, { recursive: true });
	} else env.CRM_LOYALTY = 'off';
	const directus = await startDirectus(env, { logFile: resolve(crm.dir, `directus-${kind}.log`) });
	return { ...directus, pid: Number(directus.child.pid) };
}

/** GET/POST with the bench token; throws on a non-2xx answer. */
export async function call(
	url: string,
	path: string,
	init: { method?: string; body?: unknown } = {},
): Promise<unknown> {
	const response = await fetch(`${url}${path}`, {
		method: init.method ?? 'GET',
		headers: {
			authorization: `Bearer ${BENCH_TOKEN}`,
			...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
		},
		body: init.body === undefined ? undefined : JSON.stringify(init.body),
	});
	const text = await response.text();
	if (!response.ok)
		throw new Error(`${init.method ?? 'GET'} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
	return text ? JSON.parse(text) : null;
}

/**
 * Peak resident memory (VmHWM) of a process in bytes. `resetPeak` sets the mark back to the current RSS
 * (writing 5 to /proc/<pid>/clear_refs), so a peak read after a figure belongs to that figure.
 */
export function peakBytes(pid: number | 'self'): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
}

export function resetPeak(pid: number | 'self'): void {
	try {
		writeFileSync(`/proc/${pid}/clear_refs`, '5');
	} catch {
		// not permitted (other user, old kernel): the peak is then the process's lifetime peak, said in the report
	}
}

/** Runs `fn` with the peak of `pid` reset first; returns its result and the peak (bytes) reached meanwhile. */
export async function withPeak<T>(pid: number | 'self', fn: () => Promise<T>): Promise<{ result: T; peak: number }> {
	resetPeak(pid);
	const result = await fn();
	return { result, peak: peakBytes(pid) };
}
