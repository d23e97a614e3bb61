import type { Knex } from 'knex';

/** Directus stores timestamps as epoch milliseconds on SQLite and as native timestamps elsewhere. */
export function toDbTimestamp(knex: Knex, date: Date): Date | number {
	const client = String(knex.client.config.client);
	return client.includes('sqlite') ? date.getTime() : date;
}
