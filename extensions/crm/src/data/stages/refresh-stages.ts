// Every customer's stage at once (nightly, POST /crm/stages/refresh): ONE query computes each unlocked customer's
// target stage with a CASE over the compiled rules (grouped IN semi-joins, highest stage first) and returns only the
// customers whose stage differs; then each group of equal moves is applied in chunks, with its history rows.
import type { Knex } from 'knex';
import { evaluationOrder, FALLBACK_STAGE, ruleFor, stageReason } from '../../domain/stages';
import { compileSegmentQuery } from '../segments/segment-query';
import { limitStatementTime } from '../segments/segment-membership';
import type { StageRunOptions } from './evaluate-customer';
import { segmentConditions as stageConditions } from '../segments/builtin-condition-handlers';
import { loadStageContext } from './stage-rules-repo';
import { isPostgres } from '../dialect';
import { insertStageHistory, whereUnlocked, type StageChange } from './stage-history';

const CHUNK = 500;

export interface StageRefreshResult {
	/** Customers the rules apply to (stage not locked). */
	evaluated: number;
	changes: StageChange[];
}

/** `CASE WHEN c.id IN (<advocate rule>) THEN 'advocate' WHEN … ELSE 'prospect' END` for the outer row `c`. */
export function targetStageSql(knex: Knex, options: StageRunOptions, column = 'c.id'): Knex.Raw {
	const order = evaluationOrder(options.rules);
	if (!order.length) return knex.raw('?', [FALLBACK_STAGE]);
	const bindings = order.flatMap((entry) => [
		column,
		compileSegmentQuery(knex, entry.rule, { now: options.now, timeZone: options.timeZone, registry: stageConditions }),
		entry.stage,
	]);
	return knex.raw(`CASE ${order.map(() => 'WHEN ?? IN ? THEN ?').join(' ')} ELSE ? END`, [...bindings, FALLBACK_STAGE]);
}

export async function refreshStages(knex: Knex, options: StageRunOptions): Promise<StageRefreshResult> {
	const { moves, evaluated } = await knex.transaction(async (trx) => {
		await limitStatementTime(trx);
		const scored = whereUnlocked(
			trx('crm_customers as c').select('c.id', 'c.stage', trx.raw('? as ??', [targetStageSql(trx, options), 'target'])),
			'c.stage_locked',
		);
		const rows = (await trx
			.select('s.id', 's.stage', 's.target')
			.from(scored.as('s'))
			.where((q) => q.whereNull('s.stage').orWhereRaw('?? <> ??', ['s.stage', 's.target']))) as {
			id: number;
			stage: string | null;
			target: string;
		}[];
		const [{ n }] = await whereUnlocked(trx('crm_customers').count({ n: '*' }));
		return { moves: rows, evaluated: Number(n) };
	});
	const groups = new Map<string, number[]>();
	for (const move of moves) {
		const key = JSON.stringify([move.stage ?? null, move.target]);
		const ids = groups.get(key) ?? [];
		ids.push(Number(move.id));
		groups.set(key, ids);
	}
	const changes: StageChange[] = [];
	for (const [key, ids] of groups) {
		const [from, to] = JSON.parse(key) as [string | null, string];
		const reason = stageReason(options.trigger, ruleFor(options.rules, to));
		for (let i = 0; i < ids.length; i += CHUNK)
			changes.push(...(await applyMoves(knex, ids.slice(i, i + CHUNK), from, to, reason, options.now)));
	}
	return { evaluated, changes };
}

/**
 * Moves the customers still at `from` and still unlocked (compare-and-set: an event-driven evaluation or a manual
 * edit since the query wins) to `to`, with one history row each, in one transaction.
 */
async function applyMoves(
	knex: Knex,
	ids: number[],
	from: string | null,
	to: string,
	reason: string,
	now: Date,
): Promise<StageChange[]> {
	return knex.transaction(async (trx) => {
		const query = whereUnlocked(trx('crm_customers').select('id').whereIn('id', ids))
			.where((q) => (from === null ? q.whereNull('stage') : q.where('stage', from)))
			.orderBy('id');
		const still = ((await (isPostgres(trx) ? query.forUpdate() : query)) as { id: number }[]).map((row) =>
			Number(row.id),
		);
		if (!still.length) return [];
		await trx('crm_customers').whereIn('id', still).update({ stage: to });
		const changes = still.map((customer) => ({ customer, from, to, reason }));
		await insertStageHistory(trx, changes, now);
		return changes;
	});
}

/** Counts per move, e.g. [{ from: 'prospect', to: 'customer', count: 12 }], largest first. */
export function transitions(changes: StageChange[]): { from: string | null; to: string; count: number }[] {
	const counts = new Map<string, number>();
	for (const change of changes) {
		const key = JSON.stringify([change.from, change.to]);
		counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	return [...counts]
		.map(([key, count]) => {
			const [from, to] = JSON.parse(key) as [string | null, string];
			return { from, to, count };
		})
		.sort((a, b) => b.count - a.count);
}

/** Loads the rules in force and refreshes everyone (nightly, the refresh endpoint, a change of rules). */
export async function runStageRefresh(
	knex: Knex,
	trigger: StageRunOptions['trigger'],
	now = new Date(),
): Promise<StageRefreshResult> {
	return refreshStages(knex, { ...(await loadStageContext(knex)), now, trigger });
}
