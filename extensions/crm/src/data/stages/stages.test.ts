import knexFactory, { type Knex } from 'knex';
import { afterAll, beforeAll, describe } from 'vitest';
import { stagesSqlSuite } from './stages-sql-suite';
import { createStageTables, seedStageData } from './stage-test-fixture';

describe('relationship stages on SQLite', () => {
	let knex: Knex;
	beforeAll(async () => {
		knex = knexFactory({ client: 'sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
		await createStageTables(knex);
		await seedStageData(knex);
	});
	afterAll(async () => {
		await knex.destroy();
	});

	stagesSqlSuite(() => knex);
});
