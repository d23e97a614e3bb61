// Regenerates snapshots/crm.<vendor>.json from definition.ts: boots an empty Directus per database vendor, creates
// the collections through the API, and saves a partial (crm_ collections only) snapshot.
// Usage: npm run snapshot:generate   (needs PostgreSQL's binaries for the postgres snapshot)
import { createCollection, createField, createRelation, schemaSnapshot } from '@directus/sdk';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { adminClientWithLogin, type AdminClient } from '../lib/admin-client.ts';
import { directusCliOrThrow, ROOT, startDirectus, type Env } from '../lib/directus-process.ts';
import { startTempPostgres } from '../lib/postgres.ts';
import { COLLECTIONS } from './definition.ts';
import { FOLDERS, folderOf } from './definition-folders.ts';
import { noteKey, type CollectionDef, type FieldDef } from './dsl.ts';

const translations = (en: string, ko: string) => [
	{ language: 'en-US', translation: en },
	{ language: 'ko-KR', translation: ko },
];

function fieldPayload(def: CollectionDef, field: FieldDef, sort: number) {
	return {
		field: field.field,
		type: field.type,
		schema: field.schema ?? undefined,
		meta: {
			...field.meta,
			sort,
			translations: translations(field.label.en, field.label.ko),
			note: field.note ? `$t:${noteKey(def.collection, field.field)}` : null,
		},
	};
}

function collectionPayload(def: CollectionDef) {
	const plain = def.fields.filter((field) => !field.relatedCollection && !field.oneToMany);
	return {
		collection: def.collection,
		schema: {},
		meta: {
			icon: def.icon,
			color: def.color,
			note: `$t:crm_collection_note_${def.collection}`,
			display_template: def.displayTemplate ?? null,
			singleton: def.singleton ?? false,
			hidden: def.hidden ?? false,
			sort_field: def.sortField ?? null,
			archive_field: def.archive?.field ?? null,
			archive_value: def.archive?.value ?? null,
			unarchive_value: def.archive?.unarchive ?? null,
			archive_app_filter: Boolean(def.archive),
			accountability: 'all',
			group: folderOf(def.collection)?.folder ?? null,
			sort: folderOf(def.collection)?.sort ?? COLLECTIONS.indexOf(def) + 1,
			translations: [
				{ language: 'en-US', translation: def.label.en, singular: def.label.enSingular, plural: def.label.en },
				{ language: 'ko-KR', translation: def.label.ko, singular: def.label.koSingular, plural: def.label.ko },
			],
		},
		fields: [
			{
				field: 'id',
				type: 'integer',
				schema: { is_primary_key: true, has_auto_increment: true },
				meta: { hidden: true, readonly: true, interface: 'input', sort: 0 },
			},
			...plain.map((field) => fieldPayload(def, field, def.fields.indexOf(field) + 1)),
		],
	};
}

/** A navigation folder: a collection without a table (schema null). */
function folderPayload(folder: (typeof FOLDERS)[number]) {
	return {
		collection: folder.collection,
		schema: null,
		meta: {
			icon: folder.icon,
			collapse: folder.collapse,
			hidden: false,
			sort: FOLDERS.indexOf(folder) + 1,
			translations: [
				{ language: 'en-US', translation: folder.label.en, singular: folder.label.en, plural: folder.label.en },
				{ language: 'ko-KR', translation: folder.label.ko, singular: folder.label.ko, plural: folder.label.ko },
			],
		},
	};
}

export async function createCrmSchema(client: AdminClient) {
	for (const folder of FOLDERS) await client.request(createCollection(folderPayload(folder) as never));
	for (const def of COLLECTIONS) await client.request(createCollection(collectionPayload(def) as never));
	for (const def of COLLECTIONS) {
		for (const field of def.fields.filter((f) => f.relatedCollection)) {
			await client.request(
				createField(def.collection, fieldPayload(def, field, def.fields.indexOf(field) + 1) as never),
			);
		}
	}
	for (const def of COLLECTIONS) {
		for (const field of def.fields.filter((f) => f.relatedCollection)) {
			const oneSide = COLLECTIONS.find((c) => c.collection === field.relatedCollection)?.fields.find(
				(f) => f.oneToMany?.collection === def.collection && f.oneToMany.field === field.field,
			);
			if (oneSide) {
				const owner = COLLECTIONS.find((c) => c.collection === field.relatedCollection)!;
				await client.request(
					createField(owner.collection, fieldPayload(owner, oneSide, owner.fields.indexOf(oneSide) + 1) as never),
				);
			}
			await client.request(
				createRelation({
					collection: def.collection,
					field: field.field,
					related_collection: field.relatedCollection,
					schema: { on_delete: field.onDelete ?? 'SET NULL' },
					meta: { one_field: oneSide?.field ?? null, sort_field: null, one_deselect_action: 'nullify' },
				} as never),
			);
		}
	}
}

async function generate(vendor: 'sqlite' | 'postgres') {
	const work = resolve(ROOT, '.tmp/snapshot', vendor);
	rmSync(work, { recursive: true, force: true });
	mkdirSync(resolve(work, 'uploads'), { recursive: true });
	mkdirSync(resolve(work, 'extensions'), { recursive: true });
	const pg = vendor === 'postgres' ? await startTempPostgres('crm-snapshot-pg-') : null;
	writeFileSync(resolve(work, 'directus.env'), '');
	const env: Env = {
		CONFIG_PATH: resolve(work, 'directus.env'),
		...(pg ? pg.env : { DB_CLIENT: 'sqlite3', DB_FILENAME: resolve(work, 'db.sqlite') }),
		KEY: 'snapshot-generator',
		SECRET: 'snapshot-generator-secret-0123456789abcdef',
		ADMIN_EMAIL: 'admin@example.com',
		ADMIN_PASSWORD: 'snapshot-admin',
		HOST: '127.0.0.1',
		PORT: '8091',
		TELEMETRY: 'false',
		LOG_LEVEL: 'warn',
		STORAGE_LOCAL_ROOT: resolve(work, 'uploads'),
		EXTENSIONS_PATH: resolve(work, 'extensions'),
	};
	await directusCliOrThrow(['bootstrap'], env, { quiet: true });
	const directus = await startDirectus(env, { logFile: resolve(work, 'directus.log') });
	try {
		const client = await adminClientWithLogin(directus.url, env.ADMIN_EMAIL, env.ADMIN_PASSWORD);
		await createCrmSchema(client);
		const snapshot = await client.request(
			schemaSnapshot({
				includeCollections: [...FOLDERS.map((f) => f.collection), ...COLLECTIONS.map((c) => c.collection)],
			} as never),
		);
		const file = resolve(ROOT, 'snapshots', `crm.${vendor}.json`);
		writeFileSync(file, JSON.stringify({ ...snapshot, systemFields: [] }, null, '\t') + '\n');
		console.log(
			`wrote ${file}: ${snapshot.collections.length} collections, ${snapshot.fields.length} fields, ${snapshot.relations.length} relations`,
		);
	} finally {
		await directus.stop();
		await pg?.stop();
	}
}

const vendors = process.argv.slice(2).length ? process.argv.slice(2) : ['sqlite', 'postgres'];
for (const vendor of vendors) await generate(vendor as 'sqlite' | 'postgres');
