// /crm routes. Each file registers one area; this file only wires them to Directus's context.
import { defineEndpoint } from '@directus/extensions-sdk';
import { healthRoute } from './health';
import { rfmRoutes } from './rfm';
import { rfmGridRoutes } from './rfm-grid';
import { segmentRoutes } from './segments';
import { eventRoutes } from './events';
import { loyaltyRoutes } from './loyalty';
import { importRoutes } from './import';
import { clvRoutes } from './clv';
import { cachePurger } from '../../cache';
import { customer360Routes } from './customer-360';
import { stageRoutes } from './stages';
import { surveyRoutes } from './surveys';
import { unsubscribeRoutes } from './unsubscribe';
import { kpiRoutes } from './kpi';
import { followupRoutes } from './followups';
import { recommendationRoutes } from './recommendations';
import { configWarnings } from '../../config-warnings';
import { routeGuard } from '../../route-access';

export default defineEndpoint({
	id: 'crm',
	handler: (router, { getSchema, database, emitter, services, env, logger }) => {
		const purgeCache = cachePurger(services, getSchema, env);
		for (const warning of configWarnings(env)) logger.warn(`crm: ${warning}`);
		// Who may call which route: one table (api/route-access.ts), applied before every handler.
		router.use(routeGuard(database));
		healthRoute(router, getSchema as never, database, env);
		rfmRoutes(router, database);
		rfmGridRoutes(router, database);
		segmentRoutes(router, database, emitter as never);
		eventRoutes(router, database, services);
		loyaltyRoutes(router, database, purgeCache, env);
		importRoutes(router, database);
		clvRoutes(router, database, purgeCache);
		customer360Routes(router, database);
		stageRoutes(router, database, emitter as never, purgeCache);
		surveyRoutes(router, { database, services, getSchema, env, logger });
		unsubscribeRoutes(router, { database, services, getSchema, env, logger });
		kpiRoutes(router, database);
		followupRoutes(router, { database, services, getSchema, env, logger } as never);
		recommendationRoutes(router, database, purgeCache);
	},
});
