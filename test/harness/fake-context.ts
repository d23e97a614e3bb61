// A CRM context and register functions for unit tests of hook modules: handlers are collected by event name, and the
// logger's messages are kept, so a test can fire an event and read what was logged.
import type {
	ActionHandler,
	EventContext,
	ExtensionsServices,
	FilterHandler,
	RegisterFunctions,
	ScheduleHandler,
	SchemaOverview,
} from '@directus/types';
import type { Knex } from 'knex';
import type { CrmContext } from '../../extensions/crm/src/api/context';

export interface FakeHooks {
	hooks: RegisterFunctions;
	filters: Map<string, FilterHandler>;
	actions: Map<string, ActionHandler>;
	schedules: Map<string, ScheduleHandler>;
}

export function fakeHooks(): FakeHooks {
	const filters = new Map<string, FilterHandler>();
	const actions = new Map<string, ActionHandler>();
	const schedules = new Map<string, ScheduleHandler>();
	const hooks: RegisterFunctions = {
		filter: (event, handler) => void filters.set(event, handler as FilterHandler),
		action: (event, handler) => void actions.set(event, handler),
		schedule: (cron, handler) => void schedules.set(cron, handler),
		init: () => undefined,
		embed: () => undefined,
	};
	return { hooks, filters, actions, schedules };
}

export function fakeContext(database: Knex, logged: string[] = []): CrmContext {
	return {
		database,
		logger: {
			info: (message) => void logged.push(message),
			warn: (message) => void logged.push(message),
			error: (_error, message) => void logged.push(message),
		},
		emitter: { emitAction: () => undefined, onAction: () => undefined },
		// Hook modules under unit test never reach Directus's services or schema.
		services: {} as ExtensionsServices,
		getSchema: async () => ({ collections: {}, relations: [] }) as unknown as SchemaOverview,
		env: {},
		purgeCache: async () => undefined,
	};
}

/** The event context Directus passes hook handlers, on this database with no user. */
export function eventContext(database: Knex): EventContext {
	return { database, schema: null, accountability: null };
}
