// One customer's stage: the automatic rules run highest stage first, each as the segment query narrowed to this
// customer (correlated form), stopping at the first match: at most one query per rule, whatever the data size.
import type { Knex } from 'knex';
import { evaluationOrder, FALLBACK_STAGE, stageReason, type AutomaticStageRule, type Stage, type StageTrigger } from '../../domain/stages';
import { compileSegmentQuery } from '../segments/segment-query';
import { segmentConditions as stageConditions } from '../segments/builtin-condition-handlers';
import { insertStageHistory, isPostgres, isTrue, type StageChange } from './stage-history';
import type { StageContext } from './stage-rules-repo';

export interface StageRunOptions extends StageContext {
	now: Date;
	trigger: StageTrigger;
}

export async function matchStage(knex: Knex, customer: number, options: StageRunOptions): Promise<{ stage: Stage; rule: AutomaticStageRule | null }> {
	for (const entry of evaluationOrder(options.rules)) {
		const hit = await compileSegmentQuery(knex, entry.rule, { now: options.now, timeZone: options.timeZone, customer, registry: stageConditions }).first();
		if (hit) return { stage: entry.stage, rule: entry };
	}
	return { stage: FALLBACK_STAGE, rule: null };
}

/**
 * Re-evaluates one customer under its row lock (PostgreSQL; SQLite serialises writers), so concurrent evaluations
 * of one customer queue up and the last one sees every committed change. Locked (manual) stages are left alone.
 */
export async function reevaluateStage(knex: Knex, customer: number, options: StageRunOptions): Promise<StageChange | null> {
	return knex.transaction(async (trx) => {
		const query = trx('crm_customers').first('id', 'stage', 'stage_locked').where('id', customer);
		const row = await (isPostgres(trx) ? query.forUpdate() : query);
		if (!row || isTrue(row.stage_locked)) return null;
		const decided = await matchStage(trx, customer, options);
		if (decided.stage === row.stage) return null;
		const change: StageChange = { customer, from: row.stage ?? null, to: decided.stage, reason: stageReason(options.trigger, decided.rule) };
		await trx('crm_customers').where('id', customer).update({ stage: change.to });
		await insertStageHistory(trx, [change], options.now);
		return change;
	});
}
