import knexFactory, { type Knex } from 'knex';
import { afterAll, beforeAll, describe } from 'vitest';
import { createSizeTables, segmentSizeCases } from './segment-sizes-cases';

describe('daily segment sizes on SQLite', () => {
	let knex: Knex;
	beforeAll(async () => {
		knex = knexFactory({ client: 'sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
		await createSizeTables(knex);
	});
	afterAll(async () => {
		await knex.destroy();
	});

	segmentSizeCases(() => knex);
});
