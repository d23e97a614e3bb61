// Which database a knex instance talks to: the CRM supports SQLite and PostgreSQL, and a few statements differ.
import type { Knex } from 'knex';

const clientName = (knex: Knex) => String(knex.client.config.client);

export const isSqlite = (knex: Knex): boolean => clientName(knex).includes('sqlite');

export const isPostgres = (knex: Knex): boolean => /^(pg|postgres|postgresql)$/.test(clientName(knex));
