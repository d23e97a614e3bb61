// Starts a throw-away Redis from Debian's redis-server for replica tests.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';

export interface RunningRedis {
	url: string;
	stop(): Promise<void>;
}

export async function startRedis(dir: string, port: number): Promise<RunningRedis> {
	const binary = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((path) => existsSync(path));
	if (!binary) throw new Error('redis-server not found (apt-get install redis-server)');
	mkdirSync(dir, { recursive: true });
	const child = spawn(
		binary,
		['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'],
		{ stdio: 'ignore' },
	);
	const deadline = Date.now() + 10_000;
	while (Date.now() < deadline) {
		try {
			if (execFileSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' }).trim() === 'PONG') break;
		} catch {
			// not up yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	const exited = new Promise<void>((r) => child.once('exit', () => r()));
	return {
		url: `redis://127.0.0.1:${port}`,
		stop: async () => {
			child.kill('SIGTERM');
			await exited;
		},
	};
}
