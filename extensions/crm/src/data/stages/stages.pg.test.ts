// The same stage assertions on a throw-away PostgreSQL. Fails, never skips, when PostgreSQL cannot start.
import knexFactory, { type Knex } from 'knex';
import { afterAll, beforeAll, describe } from 'vitest';
import { startTempPostgres, type RunningPostgres } from '../../../../../scripts/lib/postgres';
import { stagesSqlSuite } from './stages-sql-suite';
import { createStageTables, seedStageData } from './stage-test-fixture';

describe('relationship stages on PostgreSQL', () => {
	let knex: Knex;
	let postgres: RunningPostgres | undefined;

	beforeAll(async () => {
		postgres = await startTempPostgres('stages-pg-', 'stages');
		const { DB_HOST, DB_PORT, DB_DATABASE, DB_USER } = postgres.env;
		knex = knexFactory({
			client: 'pg',
			connection: { host: DB_HOST, port: Number(DB_PORT), database: DB_DATABASE, user: DB_USER },
		});
		await createStageTables(knex);
		await seedStageData(knex);
	}, 120_000);

	afterAll(async () => {
		await knex?.destroy();
		await postgres?.stop();
	}, 60_000);

	stagesSqlSuite(() => knex);
});
