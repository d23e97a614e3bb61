// The CRM's hook entry: one typed context, then every hook module registers itself with the same signature.
import type { HookConfig } from '@directus/types';
import { crmContext, type HookRegistrar } from '../../context';
import { withSchemaGuard } from '../../schema-guard';
import { register as clv } from './clv';
import { register as feedback } from './feedback';
import { register as followups } from './followups';
import { register as incrementalSegments } from './incremental-segments';
import { register as inputBounds } from './input-bounds';
import { register as kpi } from './kpi';
import { register as loyalty } from './loyalty';
import { register as moneyRights } from './money-rights';
import { register as ownedFields } from './owned-fields';
import { register as phones } from './phones';
import { register as recommendations } from './recommendations';
import { register as rfm } from './rfm';
import { register as segments } from './segments';
import { register as stages } from './stages';
import { register as startPage } from './start-page';
import { register as stats } from './stats';

// Typed with Directus 12.4's own @directus/types (the extensions SDK bundles an older copy); defineHook is the identity.
const hook: HookConfig = (hooks, context) => {
	const ctx = crmContext(context);
	// The owned-fields guard first: it judges the caller's payload before any CRM filter adds to it.
	const modules: HookRegistrar[] = [
		ownedFields,
		moneyRights,
		inputBounds,
		phones,
		stats,
		segments,
		feedback,
		kpi,
		incrementalSegments,
		stages,
		followups,
		clv,
		recommendations,
		rfm,
		startPage,
	];
	// CRM_LOYALTY=off turns points off (the order-ingestion benchmark measures the hooks' cost this way).
	if (String(ctx.env.CRM_LOYALTY ?? 'on') !== 'off') modules.push(loyalty);
	// Scheduled jobs wait (and say once what to do) until the CRM schema is applied.
	const guarded = withSchemaGuard(hooks, ctx);
	for (const register of modules) register(guarded, ctx);
};

export default hook;
