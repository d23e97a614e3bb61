// Puts the CRM into a running Directus through the API, idempotently: the schema (a partial snapshot that touches
// only crm_ collections), label translations, roles and policies, the CRM dashboard and the settings singleton.
import {
	createDashboard,
	createPanels,
	createPermissions,
	createPolicy,
	createRole,
	createTranslations,
	readDashboards,
	readPermissions,
	readCollections,
	readPolicies,
	readRoles,
	readSingleton,
	readTranslations,
	schemaApply,
	schemaDiff,
	updateSingleton,
	updateTranslation,
} from '@directus/sdk';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ALL_CHOICES, COLLECTIONS } from '../snapshot/definition.ts';
import { noteKey } from '../snapshot/dsl.ts';
import type { AdminClient } from './admin-client.ts';
import { ROOT } from './directus-process.ts';
import { ROLES } from './roles.ts';
import { DASHBOARD_NAME, dashboardPanels } from './dashboard.ts';
import { installLoyaltyDefaults } from './loyalty-defaults.ts';
import { crmModuleIds, installModuleBar } from './module-bar.ts';
import { installNavigation } from './presets.ts';

type Log = (line: string) => void;

export async function crmHealth(url: string) {
	const response = await fetch(`${url}/crm/health`);
	if (!response.ok) throw new Error(`GET /crm/health answered ${response.status}: is the CRM extension installed?`);
	return (await response.json()) as {
		status: string;
		database: string;
		schema: { expected: string; applied: string | null };
		extension: { version: string };
	};
}

/** The CRM snapshot for a Directus DB_CLIENT (SQLite or PostgreSQL). */
export function snapshotPath(databaseClient: string): string {
	const vendor = databaseClient.includes('sqlite')
		? 'sqlite'
		: databaseClient === 'pg' || databaseClient === 'postgres'
			? 'postgres'
			: null;
	if (!vendor)
		throw new Error(`The CRM ships snapshots for SQLite and PostgreSQL; this instance uses ${databaseClient}.`);
	return resolve(ROOT, 'snapshots', `crm.${vendor}.json`);
}

export function snapshotFor(databaseClient: string) {
	return JSON.parse(readFileSync(snapshotPath(databaseClient), 'utf8'));
}

/** Directus's core tier allows 25 user collections in all; the CRM brings its 20. */
export const CORE_TIER_COLLECTIONS = 25;

async function adviseCollectionBudget(
	client: AdminClient,
	snapshot: { collections: { collection: string; schema?: unknown }[] },
	log: Log,
) {
	const existing = (await client.request(readCollections())).map((c) => c.collection);
	const have = new Set(existing);
	const own = existing.filter((name) => !name.startsWith('directus_') && !name.startsWith('crm_')).length;
	const crmNew = snapshot.collections.filter((c) => !have.has(c.collection)).length;
	if (crmNew === 0) return;
	// Navigation folders have no table (schema null) and do not count against the limit.
	const tables = snapshot.collections.filter((c) => c.schema != null).length;
	const total = own + tables;
	log(
		`collections: ${own} of your own + ${tables} of the CRM = ${total} ` +
			`(Directus core tier: ${CORE_TIER_COLLECTIONS}${total > CORE_TIER_COLLECTIONS ? '; over it, Directus refuses the schema unless licensed' : ''})` +
			` / 컬렉션: 기존 ${own}개 + CRM ${tables}개 = ${total}개 (Directus 코어 티어 한도 ${CORE_TIER_COLLECTIONS}개` +
			`${total > CORE_TIER_COLLECTIONS ? ', 초과 시 라이선스 없이는 스키마 적용이 거부됩니다' : ''})`,
	);
}

export async function applySchema(client: AdminClient, databaseClient: string, log: Log): Promise<number> {
	const snapshot = snapshotFor(databaseClient);
	const diff = await client.request(schemaDiff(snapshot, { force: true }));
	const changes = diff?.diff ? diff.diff.collections.length + diff.diff.fields.length + diff.diff.relations.length : 0;
	if (changes === 0) return 0;
	await adviseCollectionBudget(client, snapshot, log);
	await client.request(schemaApply(diff!, true));
	log(`schema: applied ${changes} change(s)`);
	return changes;
}

export function translationEntries(): { key: string; language: string; value: string }[] {
	const entries: { key: string; language: string; value: string }[] = [];
	const add = (key: string, en: string, ko: string) =>
		entries.push({ key, language: 'en-US', value: en }, { key, language: 'ko-KR', value: ko });
	for (const def of COLLECTIONS) {
		add(`crm_collection_note_${def.collection}`, def.note.en, def.note.ko);
		for (const field of def.fields) {
			if (field.note) add(noteKey(def.collection, field.field), field.note.en, field.note.ko);
			if (field.meta?.interface === 'presentation-divider')
				add(`crm_field_${field.field}`, field.label.en, field.label.ko);
		}
	}
	const seen = new Set<string>();
	for (const choice of ALL_CHOICES) {
		if (seen.has(choice.value)) continue;
		seen.add(choice.value);
		add(`crm_choice_${choice.value}`, choice.en, choice.ko);
	}
	return entries;
}

async function installTranslations(client: AdminClient, log: Log) {
	const existing = await client.request(
		readTranslations({
			filter: { key: { _starts_with: 'crm_' } },
			fields: ['id', 'key', 'language', 'value'],
			limit: -1,
		}),
	);
	const have = new Map(existing.map((t) => [`${t.key}|${t.language}`, t]));
	const wanted = translationEntries();
	const missing = wanted.filter((t) => !have.has(`${t.key}|${t.language}`));
	if (missing.length) {
		await client.request(createTranslations(missing));
		log(`translations: added ${missing.length}`);
	}
	// A text the CRM changed (e.g. a note that vue-i18n could not compile) is replaced in an existing install too.
	const changed = wanted.flatMap((t) => {
		const current = have.get(`${t.key}|${t.language}`);
		return current && current.value !== t.value ? [{ id: current.id, value: t.value }] : [];
	});
	for (const { id, value } of changed) await client.request(updateTranslation(id, { value }));
	if (changed.length) log(`translations: updated ${changed.length}`);
}

async function installRoles(client: AdminClient, log: Log) {
	for (const spec of ROLES) {
		let [policy] = await client.request(
			readPolicies({ filter: { name: { _eq: spec.name } }, fields: ['id'], limit: 1 }),
		);
		if (!policy) {
			policy = await client.request(
				createPolicy({
					name: spec.name,
					icon: spec.icon,
					description: spec.description,
					app_access: spec.appAccess,
					admin_access: false,
					enforce_tfa: false,
				}),
			);
			log(`policy: created ${spec.name}`);
		}
		const wanted = [
			...Object.entries(spec.permissions).flatMap(([collection, actions]) =>
				actions.map((action) => ({ collection, action, fields: ['*'] })),
			),
			...(spec.appAccess ? [{ collection: 'directus_users', action: 'read' as const, fields: ['*'] }] : []),
		];
		const current = await client.request(
			readPermissions({ filter: { policy: { _eq: policy.id } }, fields: ['collection', 'action'], limit: -1 }),
		);
		const have = new Set(current.map((p) => `${p.collection}|${p.action}`));
		const missing = wanted.filter((p) => !have.has(`${p.collection}|${p.action}`));
		if (missing.length)
			await client.request(
				createPermissions(
					missing.map((p) => ({ ...p, policy: policy.id, permissions: {}, validation: null, presets: null })),
				),
			);
		const [role] = await client.request(readRoles({ filter: { name: { _eq: spec.name } }, fields: ['id'], limit: 1 }));
		if (!role) {
			await client.request(
				createRole({
					name: spec.name,
					icon: spec.icon,
					description: spec.description,
					policies: [{ policy: policy.id }],
				} as never),
			);
			log(`role: created ${spec.name}`);
		}
	}
}

async function installDashboard(client: AdminClient, log: Log) {
	const [existing] = await client.request(
		readDashboards({ filter: { name: { _eq: DASHBOARD_NAME } }, fields: ['id'], limit: 1 }),
	);
	if (existing) return;
	const dashboard = await client.request(
		createDashboard({ name: DASHBOARD_NAME, icon: 'monitoring', color: '#3399FF', note: 'CRM KPIs / CRM 핵심 지표' }),
	);
	await client.request(createPanels(dashboardPanels(dashboard.id)));
	log(`dashboard: created ${DASHBOARD_NAME}`);
}

async function installSettings(client: AdminClient) {
	const settings = (await client.request(readSingleton('crm_settings' as never, { fields: ['id'] } as never))) as {
		id?: number;
	} | null;
	if (!settings?.id) await client.request(updateSingleton('crm_settings' as never, { currency: 'KRW' } as never));
}

/** Everything but demo data. Safe to run again: it only adds what is missing. */
export async function installCrm(client: AdminClient, url: string, log: Log = console.log) {
	const health = await crmHealth(url);
	await applySchema(client, health.database, log);
	await installTranslations(client, log);
	await installRoles(client, log);
	await installDashboard(client, log);
	await installSettings(client);
	await installLoyaltyDefaults(client, log);
	await installModuleBar(client, crmModuleIds(), log);
	await installNavigation(client, log);
	return crmHealth(url);
}
