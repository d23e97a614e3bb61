// Keeps each customer's cached statistics in step with orders, interactions and feedback.
// Filter hooks run inside the write's own transaction, so the stats commit or roll back with it (no lost work).
import { defineHook } from '@directus/extensions-sdk';
import type { Knex } from 'knex';
import { orderFacts, parseTimestamp, statsDeltas } from '../../../domain/customer-stats/order-stats';
import { registerSegmentHooks } from './segments';
import { registerIncrementalSegments } from './incremental-segments';
import { registerLoyaltyHooks } from './loyalty';
import { registerStageHooks } from './stages';
import { registerFeedbackHooks } from './feedback';
import { registerKpiHooks } from './kpi';
import { registerFollowupHooks } from './followups';
import { cachePurger } from '../../cache';
import { registerClvHooks } from './clv';
import { registerRecommendationHooks } from './recommendations';
import { applyRfmScores } from '../../../data/rfm/rfm-scores-query';
import { DEFAULT_RFM_WINDOW_DAYS } from '../../../domain/rfm';
import {
	applyStatsDelta,
	bumpCustomerTimestamp,
	readOrderFacts,
	setCustomerField,
} from '../../../data/customer-stats-repo';

type Keys = (string | number)[];

export default defineHook(({ filter, action, schedule }, { database, logger, emitter, env, services, getSchema }) => {
	const purgeCache = cachePurger(services, getSchema, env);
	registerSegmentHooks(filter as never, schedule, database, emitter as never, (message) => logger.info(message));
	registerFeedbackHooks(filter as never, env);
	registerKpiHooks(schedule, database, {
		info: (message) => logger.info(message),
		error: (error, message) => logger.error(error, message),
	});
	registerIncrementalSegments(action as never, database, emitter as never, (error) =>
		logger.error(error, 'crm: incremental segment update failed'),
	);
	registerStageHooks(
		{ filter, action, schedule } as never,
		{ database, logger, emitter, services, getSchema, env } as never,
	);
	registerFollowupHooks(
		filter as never,
		action as never,
		schedule,
		emitter as never,
		{ database, services, getSchema, env, logger } as never,
	);
	// CRM_LOYALTY=off turns points off (the order-ingestion benchmark measures the hooks' cost this way).
	if (String(env.CRM_LOYALTY ?? 'on') !== 'off')
		registerLoyaltyHooks(filter as never, action as never, schedule, {
			database,
			emit: (event, payload) => emitter.emitAction(event, payload as never, null as never),
			purgeCache,
			log: {
				info: (message) => logger.info(message),
				warn: (message) => logger.warn(message),
				error: (error, message) => logger.error(error, message),
			},
		});

	registerClvHooks(schedule, database, purgeCache, {
		info: (message) => logger.info(message),
		warn: (message) => logger.warn(message),
	});
	registerRecommendationHooks(filter as never, schedule, database, purgeCache, {
		info: (message) => logger.info(message),
		error: (error, message) => logger.error(error, message),
	});

	// Nightly RFM rescoring; with SYNCHRONIZATION_STORE=redis only one replica runs each tick.
	schedule('15 3 * * *', async () => {
		await applyRfmScores(database, { now: new Date(), windowDays: DEFAULT_RFM_WINDOW_DAYS });
		logger.info('crm: nightly RFM scores updated');
	});

	filter('crm_orders.items.create', async (payload, _meta, { database }) => {
		const knex = database as Knex;
		for (const delta of statsDeltas(null, orderFacts(payload as Record<string, unknown>)))
			await applyStatsDelta(knex, delta);
		return payload;
	});

	filter('crm_orders.items.update', async (payload, meta, { database }) => {
		const knex = database as Knex;
		const keys = (meta.keys ?? []) as Keys;
		const before = await readOrderFacts(knex, keys);
		for (const key of keys) {
			const stored = before.get(String(key));
			if (!stored) continue;
			const after = orderFacts(payload as Record<string, unknown>, stored);
			for (const delta of statsDeltas(stored, after)) await applyStatsDelta(knex, delta, [key]);
		}
		return payload;
	});

	filter('crm_orders.items.delete', async (keys, _meta, { database }) => {
		const knex = database as Knex;
		const before = await readOrderFacts(knex, keys as Keys);
		for (const [key, stored] of before)
			for (const delta of statsDeltas(stored, null)) await applyStatsDelta(knex, delta, [key]);
		return keys;
	});

	filter('crm_interactions.items.create', async (payload, _meta, { database }) => {
		const row = payload as Record<string, unknown>;
		const at = parseTimestamp(row.occurred_at);
		if (row.customer != null && at)
			await bumpCustomerTimestamp(database as Knex, row.customer as number, 'last_interaction_at', at);
		return payload;
	});

	filter('crm_feedback.items.create', async (payload, _meta, { database }) => {
		const row = payload as Record<string, unknown>;
		if (row.customer != null && row.kind === 'nps' && row.score != null)
			await setCustomerField(database as Knex, row.customer as number, { last_nps: Number(row.score) });
		return payload;
	});
});
