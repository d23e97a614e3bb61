// The same data-set assertions on a throw-away PostgreSQL (timestamps as timestamptz). Fails if PostgreSQL cannot start.
import knexFactory, { type Knex } from 'knex';
import { afterAll, beforeAll, describe } from 'vitest';
import { startTempPostgres, type RunningPostgres } from '../../../../../scripts/lib/postgres';
import { segmentQueryCases } from './segment-query-cases';
import { createSegmentTables, seedSegmentData } from './segment-test-fixture';

describe('compileSegmentQuery on PostgreSQL', () => {
	let knex: Knex;
	let postgres: RunningPostgres | undefined;

	beforeAll(async () => {
		postgres = await startTempPostgres('seg-pg-', 'segments');
		const { DB_HOST, DB_PORT, DB_DATABASE, DB_USER } = postgres.env;
		knex = knexFactory({
			client: 'pg',
			connection: { host: DB_HOST, port: Number(DB_PORT), database: DB_DATABASE, user: DB_USER },
		});
		await createSegmentTables(knex);
		await seedSegmentData(knex);
	}, 120_000);

	afterAll(async () => {
		await knex?.destroy();
		await postgres?.stop();
	}, 60_000);

	segmentQueryCases(() => knex);
});
