// The same data-set assertions on a throw-away PostgreSQL (timestamps as timestamptz). Fails if PostgreSQL cannot start.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { afterAll, beforeAll, describe } from 'vitest';
import { startPostgres, type RunningPostgres } from '../../../../../scripts/lib/postgres';
import { segmentQueryCases } from './segment-query-cases';
import { createSegmentTables, seedSegmentData } from './segment-test-fixture';

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
		});
	});
}

describe('compileSegmentQuery on PostgreSQL', () => {
	let knex: Knex;
	let postgres: RunningPostgres | undefined;
	const dir = mkdtempSync(join(tmpdir(), 'seg-pg-'));

	beforeAll(async () => {
		postgres = await startPostgres(dir, await freePort(), 'segments');
		const { DB_HOST, DB_PORT, DB_DATABASE, DB_USER } = postgres.env;
		knex = knexFactory({ client: 'pg', connection: { host: DB_HOST, port: Number(DB_PORT), database: DB_DATABASE, user: DB_USER } });
		await createSegmentTables(knex);
		await seedSegmentData(knex);
	}, 120_000);

	afterAll(async () => {
		await knex?.destroy();
		await postgres?.stop();
		rmSync(dir, { recursive: true, force: true });
	}, 60_000);

	segmentQueryCases(() => knex);
});
