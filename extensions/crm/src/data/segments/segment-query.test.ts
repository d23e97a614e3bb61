import knexFactory, { type Knex } from 'knex';
import { afterAll, beforeAll, describe } from 'vitest';
import { segmentQueryCases } from './segment-query-cases';
import { createSegmentTables, seedSegmentData } from './segment-test-fixture';

describe('compileSegmentQuery on SQLite', () => {
	let knex: Knex;
	beforeAll(async () => {
		knex = knexFactory({ client: 'sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
		await createSegmentTables(knex);
		await seedSegmentData(knex);
	});
	afterAll(async () => {
		await knex.destroy();
	});

	segmentQueryCases(() => knex);
});
