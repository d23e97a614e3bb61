// Runs the Directus CLI and server as child processes under the project's Node 22.
// Shared by `npm start`, the snapshot generator and the test harness.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
const DIRECTUS_CLI = resolve(ROOT, 'node_modules/directus/cli.js');

/** Directus 12 needs Node >= 22; the `node` devDependency provides it when the system Node is older. */
export function node22(): string {
	const major = Number(process.versions.node.split('.')[0]);
	if (major >= 22) return process.execPath;
	const local = resolve(ROOT, 'node_modules/.bin/node');
	if (!existsSync(local)) throw new Error('Node 22 not found: run `npm install` first.');
	return local;
}

export type Env = Record<string, string>;

export interface CliResult {
	code: number;
	output: string;
}

/**
 * Runs `directus <args>` to completion and returns its exit code and combined output. `cwd` is the Directus project
 * folder (its package.json lists npm-installed extensions); the CRM checkout by default.
 */
export function directusCli(
	args: string[],
	env: Env,
	options: { quiet?: boolean; cwd?: string } = {},
): Promise<CliResult> {
	return new Promise((resolvePromise, reject) => {
		const child = spawn(node22(), [DIRECTUS_CLI, ...args], {
			cwd: options.cwd ?? ROOT,
			env: { ...process.env, ...env },
		});
		let output = '';
		const collect = (chunk: Buffer) => {
			output += chunk.toString();
			if (!options.quiet) process.stdout.write(chunk);
		};
		child.stdout.on('data', collect);
		child.stderr.on('data', collect);
		child.on('error', reject);
		child.on('close', (code) => resolvePromise({ code: code ?? 1, output }));
	});
}

export async function directusCliOrThrow(
	args: string[],
	env: Env,
	options: { quiet?: boolean; cwd?: string } = {},
): Promise<string> {
	const result = await directusCli(args, env, options);
	if (result.code !== 0)
		throw new Error(`directus ${args.join(' ')} failed (${result.code}):\n${result.output.slice(-4000)}`);
	return result.output;
}

export interface RunningDirectus {
	url: string;
	child: ChildProcess;
	/** Graceful stop (SIGTERM), resolves when the process has exited. */
	stop(): Promise<void>;
	/** Immediate SIGKILL, for fault tests. */
	kill(): Promise<void>;
}

export async function waitForPing(url: string, timeoutMs: number, child?: ChildProcess): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child && child.exitCode !== null)
			throw new Error(`Directus exited with code ${child.exitCode} before answering`);
		try {
			const response = await fetch(`${url}/server/ping`);
			if (response.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`Directus at ${url} did not answer /server/ping within ${timeoutMs} ms`);
}

/** Starts `directus start` and waits until it answers. Output goes to `logFile` (or is inherited). */
export async function startDirectus(
	env: Env,
	options: { logFile?: string; timeoutMs?: number; cwd?: string } = {},
): Promise<RunningDirectus> {
	const host = env.HOST ?? '127.0.0.1';
	const url = `http://${host}:${env.PORT ?? '8055'}`;
	let stdio: 'inherit' | 'pipe' = 'inherit';
	if (options.logFile) {
		mkdirSync(dirname(options.logFile), { recursive: true });
		stdio = 'pipe';
	}
	const child = spawn(node22(), [DIRECTUS_CLI, 'start'], {
		cwd: options.cwd ?? ROOT,
		env: { ...process.env, ...env },
		stdio: ['ignore', stdio, stdio],
	});
	if (options.logFile) {
		const log = createWriteStream(options.logFile, { flags: 'a' });
		child.stdout?.pipe(log);
		child.stderr?.pipe(log);
	}
	const exited = new Promise<void>((r) => child.once('exit', () => r()));
	const signal = async (sig: NodeJS.Signals) => {
		if (child.exitCode === null && child.signalCode === null) child.kill(sig);
		await exited;
	};
	try {
		await waitForPing(url, options.timeoutMs ?? 60_000, child);
	} catch (error) {
		await signal('SIGKILL');
		throw error;
	}
	return { url, child, stop: () => signal('SIGTERM'), kill: () => signal('SIGKILL') };
}
