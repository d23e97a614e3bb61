// The real endpoints, once each, for what they cost inside the Directus process (time and peak RSS): the same work
// as the in-process figures plus what the endpoint adds (segment membership diff and writes, RFM cell counts, CLV
// predictions written per customer). They use Directus's clock, so their windows end now, not at the bench's "now".
// An endpoint may leave work behind its answer (a segment refresh emits one action per member change, handled
// asynchronously), so each run also waits until Directus and PostgreSQL are idle before the next one starts.
import { readFileSync } from 'node:fs';
import type { Knex } from 'knex';
import type { BenchStack } from './stack.ts';
import { call, peakBytes, resetPeak } from './stack.ts';
import { timeMs } from './timing.ts';

export interface EndpointRun {
	path: string;
	/** Until the HTTP answer. */
	ms: number;
	/** Until Directus and PostgreSQL went quiet after it. */
	settledMs: number;
	peakBytes: number;
}

/** CPU time a process has used (utime + stime from /proc/<pid>/stat, in clock ticks of 10 ms). */
function cpuMs(pid: number): number {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Resolves at the moment after which the process used < 10% CPU and no other query ran, for `quietMs`. */
export async function quietFrom(pid: number, knex: Knex, quietMs = 1500): Promise<number> {
	let last = cpuMs(pid);
	let since = performance.now();
	for (;;) {
		await new Promise((r) => setTimeout(r, 250));
		const used = cpuMs(pid);
		const active = Number(
			(
				await knex.raw(
					"SELECT count(*) AS n FROM pg_stat_activity WHERE state = 'active' AND pid <> pg_backend_pid() AND backend_type = 'client backend'",
				)
			).rows[0].n,
		);
		if (used - last > 25 || active > 0) since = performance.now();
		last = used;
		if (performance.now() - since >= quietMs) return since;
	}
}

export async function endpointRun(stack: BenchStack, path: string, body: unknown = {}): Promise<EndpointRun> {
	const pid = stack.pid();
	await quietFrom(pid, stack.knex);
	resetPeak(pid);
	const started = performance.now();
	const ms = await timeMs(() => call(stack.url, path, { method: 'POST', body }));
	const settled = await quietFrom(pid, stack.knex);
	return { path, ms, settledMs: Math.max(ms, settled - started), peakBytes: peakBytes(pid) };
}
