// Bulk loading into the CRM's real tables: their secondary indexes, unique constraints and outgoing foreign keys are
// dropped first and re-created afterwards from PostgreSQL's own definitions, so the load does not maintain them row
// by row and the result is exactly the schema Directus created. Primary keys stay.
import type { Knex } from 'knex';

interface Definition {
	table: string;
	name: string;
	sql: string;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function definitions(knex: Knex, tables: string[]) {
	const constraints = (
		await knex.raw(
			`SELECT c.conrelid::regclass::text AS "table", c.conname AS name, c.contype AS type, pg_get_constraintdef(c.oid) AS sql
			FROM pg_constraint c WHERE c.conrelid = ANY (?::regclass[]) AND c.contype IN ('f', 'u')`,
			[tables],
		)
	).rows as (Definition & { type: 'f' | 'u' })[];
	const indexes = (
		await knex.raw(
			`SELECT i.tablename AS "table", i.indexname AS name, i.indexdef AS sql FROM pg_indexes i
			WHERE i.schemaname = current_schema() AND i.tablename = ANY (?)
			AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)`,
			[tables],
		)
	).rows as Definition[];
	return {
		foreignKeys: constraints.filter((c) => c.type === 'f'),
		uniques: constraints.filter((c) => c.type === 'u'),
		indexes,
	};
}

/** Runs `load` without the tables' secondary indexes and constraints; returns the load's and the re-indexing's time. */
export async function withoutSecondaryIndexes(knex: Knex, tables: string[], load: () => Promise<void>) {
	const { foreignKeys, uniques, indexes } = await definitions(knex, tables);
	for (const c of [...foreignKeys, ...uniques])
		await knex.raw(`ALTER TABLE ${quote(c.table)} DROP CONSTRAINT ${quote(c.name)}`);
	for (const i of indexes) await knex.raw(`DROP INDEX ${quote(i.name)}`);
	const started = performance.now();
	await load();
	const loaded = performance.now();
	for (const i of indexes) await knex.raw(i.sql);
	for (const c of [...uniques, ...foreignKeys])
		await knex.raw(`ALTER TABLE ${quote(c.table)} ADD CONSTRAINT ${quote(c.name)} ${c.sql}`);
	return {
		loadMs: loaded - started,
		indexMs: performance.now() - loaded,
		indexes: indexes.length + uniques.length,
		foreignKeys: foreignKeys.length,
	};
}
