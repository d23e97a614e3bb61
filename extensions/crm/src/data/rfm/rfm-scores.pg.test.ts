// The same RFM SQL assertions on a throw-away PostgreSQL (timestamptz columns). Fails, never skips, when
// PostgreSQL cannot start: the SQL must be proven on both databases Directus runs on here.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { afterAll, beforeAll } from 'vitest';
import { startPostgres, type RunningPostgres } from '../../../../../scripts/lib/postgres';
import { rfmSqlSuite } from './rfm-sql-suite';

let dir: string;
let postgres: RunningPostgres | undefined;
let knex: Knex | undefined;

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
		});
	});
}

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'rfm-pg-'));
	postgres = await startPostgres(dir, await freePort());
	const { DB_HOST, DB_PORT, DB_DATABASE, DB_USER } = postgres.env;
	knex = knexFactory({ client: 'pg', connection: { host: DB_HOST, port: Number(DB_PORT), database: DB_DATABASE, user: DB_USER } });
	await knex.raw('select 1');
}, 120_000);

afterAll(async () => {
	await knex?.destroy();
	await postgres?.stop();
	rmSync(dir, { recursive: true, force: true });
}, 60_000);

rfmSqlSuite(() => {
	if (!knex) throw new Error('PostgreSQL did not start');
	return knex;
});
