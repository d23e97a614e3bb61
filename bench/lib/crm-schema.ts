// Creates the CRM tables the extension's SQL reads, column for column from snapshots/crm.postgres.json
// (types, defaults, NOT NULL, primary keys). Indexes, unique constraints and foreign keys come later,
// in createCrmIndexes, so the bulk load does not pay for them row by row.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Knex } from 'knex';

export const BENCH_TABLES = ['crm_products', 'crm_customers', 'crm_orders', 'crm_order_lines', 'crm_interactions', 'crm_feedback', 'crm_segment_members'];

interface SnapshotField {
	collection: string;
	field: string;
	schema: null | {
		data_type: string;
		max_length: number | null;
		numeric_precision: number | null;
		numeric_scale: number | null;
		is_nullable: boolean;
		is_unique: boolean;
		is_indexed: boolean;
		is_primary_key: boolean;
		default_value: unknown;
		foreign_key_table: string | null;
		foreign_key_column: string | null;
	};
}

function snapshotFields(): SnapshotField[] {
	const path = resolve(import.meta.dirname, '../../snapshots/crm.postgres.json');
	const snapshot = JSON.parse(readFileSync(path, 'utf8')) as { fields: SnapshotField[] };
	return snapshot.fields.filter((f) => BENCH_TABLES.includes(f.collection) && f.schema);
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function columnType(s: NonNullable<SnapshotField['schema']>): string {
	switch (s.data_type) {
		case 'character varying':
			return `varchar(${s.max_length ?? 255})`;
		case 'numeric':
			return `numeric(${s.numeric_precision ?? 14}, ${s.numeric_scale ?? 2})`;
		default:
			return s.data_type; // integer, boolean, date, json, text, uuid, timestamp with time zone
	}
}

function defaultClause(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'boolean' || typeof value === 'number') return ` DEFAULT ${value}`;
	return ` DEFAULT '${String(value).replace(/'/g, "''")}'`;
}

export async function createCrmTables(knex: Knex): Promise<void> {
	const fields = snapshotFields();
	for (const table of BENCH_TABLES) {
		const columns = fields
			.filter((f) => f.collection === table)
			.map(({ field, schema: s }) => {
				if (s!.is_primary_key) return `${quote(field)} serial PRIMARY KEY`;
				return `${quote(field)} ${columnType(s!)}${s!.is_nullable ? '' : ' NOT NULL'}${defaultClause(s!.default_value)}`;
			});
		await knex.raw(`DROP TABLE IF EXISTS ${quote(table)} CASCADE`);
		await knex.raw(`CREATE TABLE ${quote(table)} (${columns.join(', ')})`);
	}
}

/**
 * The snapshot's unique constraints, indexes and foreign keys (those between benchmarked tables; FKs to
 * directus_users / crm_segments are left out because those tables are not created). Returns the count.
 */
export async function createCrmIndexes(knex: Knex): Promise<{ indexes: number; foreignKeys: number }> {
	let indexes = 0;
	let foreignKeys = 0;
	for (const { collection, field, schema: s } of snapshotFields()) {
		if (s!.is_primary_key) continue;
		const name = `${collection}_${field}`;
		if (s!.is_unique) {
			await knex.raw(`ALTER TABLE ${quote(collection)} ADD CONSTRAINT ${quote(`${name}_unique`)} UNIQUE (${quote(field)})`);
			indexes++;
		} else if (s!.is_indexed) {
			await knex.raw(`CREATE INDEX ${quote(`${name}_index`)} ON ${quote(collection)} (${quote(field)})`);
			indexes++;
		}
		if (s!.foreign_key_table && BENCH_TABLES.includes(s!.foreign_key_table)) {
			await knex.raw(
				`ALTER TABLE ${quote(collection)} ADD CONSTRAINT ${quote(`${name}_foreign`)} FOREIGN KEY (${quote(field)}) REFERENCES ${quote(s!.foreign_key_table)} (${quote(s!.foreign_key_column ?? 'id')})`,
			);
			foreignKeys++;
		}
	}
	return { indexes, foreignKeys };
}
