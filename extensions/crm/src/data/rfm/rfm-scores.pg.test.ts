// The same RFM SQL assertions on a throw-away PostgreSQL (timestamptz columns). Fails, never skips, when
// PostgreSQL cannot start: the SQL must be proven on both databases Directus runs on here.
import knexFactory, { type Knex } from 'knex';
import { afterAll, beforeAll } from 'vitest';
import { startTempPostgres, type RunningPostgres } from '../../../../../scripts/lib/postgres';
import { rfmSqlSuite } from './rfm-sql-suite';

let postgres: RunningPostgres | undefined;
let knex: Knex | undefined;

beforeAll(async () => {
	postgres = await startTempPostgres('rfm-pg-');
	const { DB_HOST, DB_PORT, DB_DATABASE, DB_USER } = postgres.env;
	knex = knexFactory({
		client: 'pg',
		connection: { host: DB_HOST, port: Number(DB_PORT), database: DB_DATABASE, user: DB_USER },
	});
	await knex.raw('select 1');
}, 120_000);

afterAll(async () => {
	await knex?.destroy();
	await postgres?.stop();
}, 60_000);

rfmSqlSuite(() => {
	if (!knex) throw new Error('PostgreSQL did not start');
	return knex;
});
