// One customer's stage: the automatic rules run highest stage first, each as the segment query narrowed to this
// customer (correlated form), stopping at the first match: one statement, whatever the number of rules or the data size.
import type { Knex } from 'knex';
import {
	evaluationOrder,
	FALLBACK_STAGE,
	stageReason,
	type AutomaticStageRule,
	type Stage,
	type StageTrigger,
} from '../../domain/stages';
import { compileSegmentQuery } from '../segments/segment-query';
import { segmentConditions as stageConditions } from '../segments/builtin-condition-handlers';
import { isPostgres } from '../dialect';
import { insertStageHistory, isTrue, type StageChange } from './stage-history';
import type { StageContext } from './stage-rules-repo';

export interface StageRunOptions extends StageContext {
	now: Date;
	trigger: StageTrigger;
}

export async function matchStage(
	knex: Knex,
	customer: number,
	options: StageRunOptions,
): Promise<{ stage: Stage; rule: AutomaticStageRule | null }> {
	const entries = evaluationOrder(options.rules);
	if (!entries.length) return { stage: FALLBACK_STAGE, rule: null };
	// One statement: CASE takes the first rule whose query matches and evaluates no EXISTS after it, so this is the
	// rule-by-rule loop without a round trip per rule.
	const tests = entries.map((entry) =>
		compileSegmentQuery(knex, entry.rule, {
			now: options.now,
			timeZone: options.timeZone,
			customer,
			registry: stageConditions,
		}),
	);
	const cases = tests.map((_, index) => `WHEN EXISTS ? THEN ${index}`).join(' ');
	const row = await knex.select(knex.raw(`CASE ${cases} ELSE -1 END AS hit`, tests)).first();
	const entry = entries[Number(row?.hit ?? -1)];
	return entry ? { stage: entry.stage, rule: entry } : { stage: FALLBACK_STAGE, rule: null };
}

/**
 * Re-evaluates one customer under its row lock (PostgreSQL; SQLite serialises writers), so concurrent evaluations
 * of one customer queue up and the last one sees every committed change. Locked (manual) stages are left alone.
 */
export async function reevaluateStage(
	knex: Knex,
	customer: number,
	options: StageRunOptions,
): Promise<StageChange | null> {
	return knex.transaction(async (trx) => {
		const query = trx('crm_customers').first('id', 'stage', 'stage_locked').where('id', customer);
		const row = await (isPostgres(trx) ? query.forNoKeyUpdate() : query); // as lockCustomer: inserts referencing the customer go on
		if (!row || isTrue(row.stage_locked)) return null;
		const decided = await matchStage(trx, customer, options);
		if (decided.stage === row.stage) return null;
		const change: StageChange = {
			customer,
			from: row.stage ?? null,
			to: decided.stage,
			reason: stageReason(options.trigger, decided.rule),
		};
		await trx('crm_customers').where('id', customer).update({ stage: change.to });
		await insertStageHistory(trx, [change], options.now);
		return change;
	});
}
