import type { Router } from 'express';
import type { Knex } from 'knex';
import pkg from '../../../../package.json';
import { SCHEMA_VERSION } from '../../../schema-version';
import { configWarnings } from '../../config-warnings';
import { schemaApplied, SCHEMA_MISSING_MESSAGE } from '../../schema-guard';
import { pingDatabase } from '../../../data/lookups';

type GetSchema = () => Promise<{ collections: Record<string, { fields: Record<string, { defaultValue: unknown }> }> }>;

/**
 * GET /crm/health: extension and schema versions, so an operator sees a missing `schema apply` at once, and
 * warnings about host settings the CRM relies on (also logged once at start).
 */
export function healthRoute(router: Router, getSchema: GetSchema, database: Knex, env: Record<string, unknown>) {
	const warnings = configWarnings(env);
	router.get('/health', async (_req, res, next) => {
		try {
			const schema = await getSchema();
			const applied = schema.collections['crm_settings']?.fields['schema_version']?.defaultValue ?? null;
			await pingDatabase(database);
			const status = !schemaApplied(schema)
				? 'schema-missing'
				: applied !== null && String(applied) === SCHEMA_VERSION
					? 'ok'
					: 'schema-mismatch';
			res.json({
				status,
				...(status === 'schema-missing' ? { next_step: SCHEMA_MISSING_MESSAGE } : {}),
				extension: { name: pkg.name, version: pkg.version },
				schema: { expected: SCHEMA_VERSION, applied: applied === null ? null : String(applied) },
				database: String(database.client.config.client),
				warnings,
			});
		} catch (error) {
			next(error);
		}
	});
}
