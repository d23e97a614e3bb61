// /crm routes. Each file registers one area; this file only wires them to Directus's context.
import type { EndpointConfig } from '@directus/types';
import { crmContext } from '../../context';
import { mergeRoutes } from './merge';
import { healthRoute } from './health';
import { rfmRoutes } from './rfm';
import { rfmGridRoutes } from './rfm-grid';
import { segmentRoutes } from './segments';
import { eventRoutes } from './events';
import { loyaltyRoutes } from './loyalty';
import { importRoutes } from './import';
import { clvRoutes } from './clv';
import { customer360Routes } from './customer-360';
import { stageRoutes } from './stages';
import { surveyRoutes } from './surveys';
import { unsubscribeRoutes } from './unsubscribe';
import { kpiRoutes } from './kpi';
import { followupRoutes } from './followups';
import { recommendationRoutes } from './recommendations';
import { configWarnings } from '../../config-warnings';
import { routeGuard } from '../../route-access';

// Typed with Directus 12.4's own @directus/types (the extensions SDK bundles an older copy); defineEndpoint is the identity.
const endpoint: EndpointConfig = {
	id: 'crm',
	handler: (router, context) => {
		const ctx = crmContext(context);
		const { getSchema, database, services, env, logger } = context;
		const { purgeCache } = ctx;
		for (const warning of configWarnings(env)) logger.warn(`crm: ${warning}`);
		// Who may call which route: one table (api/route-access.ts), applied before every handler.
		router.use(routeGuard(database));
		healthRoute(router, getSchema, database, env);
		rfmRoutes(router, database);
		rfmGridRoutes(router, database);
		segmentRoutes(router, database, ctx.emitter);
		eventRoutes(router, database, services);
		loyaltyRoutes(router, database, purgeCache, env);
		importRoutes(router, database);
		clvRoutes(router, database, purgeCache);
		customer360Routes(router, database);
		stageRoutes(router, database, ctx.emitter, purgeCache);
		surveyRoutes(router, ctx);
		unsubscribeRoutes(router, ctx);
		kpiRoutes(router, database);
		followupRoutes(router, ctx);
		recommendationRoutes(router, database, purgeCache);
		mergeRoutes(router, ctx);
	},
};

export default endpoint;
