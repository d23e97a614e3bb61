// The one context every piece of CRM glue receives: what Directus hands an extension entry (typed from
// @directus/types), plus what the CRM builds from it once per entry (the data-cache purger, the signed-link secret).
// Hook modules export `register(hooks, ctx)`; endpoint modules receive the same `ctx`.
import type {
	EndpointExtensionContext,
	ExtensionsServices,
	HookExtensionContext,
	RegisterFunctions,
	SchemaOverview,
} from '@directus/types';
import type { Knex } from 'knex';
import { cachePurger, type PurgeCache } from './cache';
import { redactDbError } from '../domain/shared/log-safety';
import { configureSignedLinks } from './signed-links';

/** The part of Directus's emitter the CRM uses (the extension context types it as `any`). */
export interface CrmEmitter {
	emitAction(event: string, meta: Record<string, unknown>, context: Record<string, unknown> | null): void;
	onAction(event: string, handler: (meta: Record<string, unknown>) => unknown): void;
}

/** Directus's pino logger, narrowed to the calls the CRM makes. */
export interface CrmLogger {
	info(message: string): void;
	warn(message: string): void;
	error(error: unknown, message: string): void;
}

export interface CrmContext {
	database: Knex;
	logger: CrmLogger;
	emitter: CrmEmitter;
	services: ExtensionsServices;
	getSchema: () => Promise<SchemaOverview>;
	env: Record<string, unknown>;
	purgeCache: PurgeCache;
}

export type HookRegistrar = (hooks: RegisterFunctions, ctx: CrmContext) => void;

/** Builds the CRM context of one extension entry (the hook entry or the endpoint entry). */
export function crmContext(context: HookExtensionContext | EndpointExtensionContext): CrmContext {
	const { database, logger, emitter, services, getSchema, env } = context;
	// Survey and unsubscribe URLs are signed with a key derived from this entry's SECRET.
	configureSignedLinks(env);
	return {
		database,
		logger: {
			info: (message) => logger.info(message),
			warn: (message) => logger.warn(message),
			// Never a statement with its bound values (customer e-mails) in the log: see domain/shared/log-safety.ts.
			error: (error, message) => logger.error(redactDbError(error), message),
		},
		emitter: emitter as CrmEmitter,
		services,
		getSchema: () => getSchema(),
		env,
		purgeCache: cachePurger(services, getSchema, env),
	};
}
