// The same daily-size assertions on a throw-away PostgreSQL (date column, timestamptz). Fails if PostgreSQL cannot start.
import knexFactory, { type Knex } from 'knex';
import { afterAll, beforeAll, describe } from 'vitest';
import { startTempPostgres, type RunningPostgres } from '../../../../../scripts/lib/postgres';
import { createSizeTables, segmentSizeCases } from './segment-sizes-cases';

describe('daily segment sizes on PostgreSQL', () => {
	let knex: Knex;
	let postgres: RunningPostgres | undefined;

	beforeAll(async () => {
		postgres = await startTempPostgres('seg-size-pg-', 'sizes');
		const { DB_HOST, DB_PORT, DB_DATABASE, DB_USER } = postgres.env;
		knex = knexFactory({
			client: 'pg',
			connection: { host: DB_HOST, port: Number(DB_PORT), database: DB_DATABASE, user: DB_USER },
		});
		await createSizeTables(knex);
	}, 120_000);

	afterAll(async () => {
		await knex?.destroy();
		await postgres?.stop();
	}, 60_000);

	segmentSizeCases(() => knex);
});
