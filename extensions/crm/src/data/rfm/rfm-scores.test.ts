// RFM SQL on a real in-memory SQLite (Directus' default database; timestamps are epoch-ms integers there).
import knexFactory, { type Knex } from 'knex';
import { afterAll, beforeAll } from 'vitest';
import { rfmSqlSuite } from './rfm-sql-suite';

let knex: Knex;

beforeAll(() => {
	knex = knexFactory({ client: 'sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
});
afterAll(async () => knex.destroy());

rfmSqlSuite(() => knex);
