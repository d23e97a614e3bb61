// Starts a throw-away PostgreSQL cluster from Debian's binaries (initdb refuses root, so it runs as `postgres`).
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './free-port.ts';
import type { Env } from './directus-process.ts';

export function postgresBinDir(): string | null {
	const base = '/usr/lib/postgresql';
	if (!existsSync(base)) return null;
	const versions = readdirSync(base)
		.filter((v) => existsSync(resolve(base, v, 'bin/initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length ? resolve(base, versions[0], 'bin') : null;
}

export interface RunningPostgres {
	port: number;
	env: Env;
	stop(): Promise<void>;
	restart(): Promise<void>;
	/** Fast shutdown that keeps the data directory (fault tests): clients are disconnected, open transactions roll back. */
	halt(): Promise<void>;
	/** Starts the cluster again on the same data directory and port after `halt()`. */
	resume(): Promise<void>;
}

function asPostgres(args: string[]): string[] {
	return process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--', ...args] : args;
}

function run(args: string[]) {
	const [command, ...rest] = asPostgres(args);
	execFileSync(command, rest, { stdio: 'pipe' });
}

/** Like run(), without blocking the caller's event loop (a fault test keeps sending requests meanwhile). */
async function runAsync(args: string[]) {
	const [command, ...rest] = asPostgres(args);
	await promisify(execFile)(command, rest);
}

export async function startPostgres(dir: string, port: number, database = 'directus'): Promise<RunningPostgres> {
	const bin = postgresBinDir();
	if (!bin) throw new Error('PostgreSQL binaries not found under /usr/lib/postgresql (apt-get install postgresql)');
	const data = resolve(dir, 'data');
	const socket = resolve(dir, 'socket');
	mkdirSync(socket, { recursive: true });
	chmodSync(dir, 0o777);
	chmodSync(socket, 0o777);
	if (process.getuid?.() === 0) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
	if (!existsSync(resolve(data, 'PG_VERSION')))
		run([resolve(bin, 'initdb'), '-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8']);
	const ctlArgs = (action: string[]) => [
		resolve(bin, 'pg_ctl'),
		'-D',
		data,
		'-l',
		resolve(dir, 'postgres.log'),
		'-o',
		`-c listen_addresses=127.0.0.1 -p ${port} -k ${socket} -c fsync=off`,
		'-w',
		...action,
	];
	const ctl = (action: string[]) => run(ctlArgs(action));
	ctl(['start']);
	try {
		run([resolve(bin, 'createdb'), '-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', database]);
	} catch {
		// already exists
	}
	return {
		port,
		env: {
			DB_CLIENT: 'pg',
			DB_HOST: '127.0.0.1',
			DB_PORT: String(port),
			DB_DATABASE: database,
			DB_USER: 'postgres',
			DB_PASSWORD: '',
		},
		stop: async () => ctl(['stop', '-m', 'fast']),
		restart: async () => ctl(['restart', '-m', 'fast']),
		halt: () => runAsync(ctlArgs(['stop', '-m', 'fast'])),
		resume: () => runAsync(ctlArgs(['start'])),
	};
}

/**
 * A cluster in a fresh folder under the system temp dir (the `postgres` user may not reach into the clone, e.g.
 * under /root) on a free port; `stop()` also deletes the folder.
 */
export async function startTempPostgres(prefix: string, database = 'directus'): Promise<RunningPostgres> {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	try {
		const postgres = await startPostgres(dir, await freePort(), database);
		return {
			...postgres,
			stop: async () => {
				await postgres.stop();
				rmSync(dir, { recursive: true, force: true });
			},
		};
	} catch (error) {
		rmSync(dir, { recursive: true, force: true });
		throw error;
	}
}
