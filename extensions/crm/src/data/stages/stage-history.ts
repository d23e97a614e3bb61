// Stage changes as rows of crm_history (kind 'stage'), written in the same transaction as the change itself.
import type { Knex } from 'knex';
import { toDbTimestamp } from '../timestamps';

export interface StageChange {
	customer: number;
	from: string | null;
	to: string;
	reason: string;
	/** The staff user for manual changes; null when a rule decided. */
	staff?: string | null;
}

const BATCH = 200;

export async function insertStageHistory(trx: Knex, changes: StageChange[], now: Date): Promise<void> {
	const at = toDbTimestamp(trx, now);
	for (let i = 0; i < changes.length; i += BATCH) {
		await trx('crm_history').insert(
			changes.slice(i, i + BATCH).map((change) => ({
				customer: change.customer,
				kind: 'stage',
				from_value: change.from,
				to_value: change.to,
				reason: change.reason,
				changed_at: at,
				staff: change.staff ?? null,
			})),
		);
	}
}

/**
 * Staff set `stage` by hand on `keys` (call inside the update's own transaction, before the row is written):
 * one history row per customer whose stage actually changes, with reason 'manual' and the staff user.
 */
export async function recordManualStage(
	trx: Knex,
	keys: (string | number)[],
	stage: string,
	by: { staff: string | null; now: Date },
): Promise<StageChange[]> {
	if (!keys.length) return [];
	const rows = await trx('crm_customers').select('id', 'stage').whereIn('id', keys);
	const changes = rows
		.filter((row) => row.stage !== stage)
		.map((row) => ({
			customer: Number(row.id),
			from: row.stage ?? null,
			to: stage,
			reason: 'manual',
			staff: by.staff,
		}));
	await insertStageHistory(trx, changes, by.now);
	return changes;
}

/** SQLite stores booleans as 0/1. */
export const isTrue = (value: unknown): boolean => value === true || value === 1 || value === '1' || value === 'true';

/** Customers whose stage the rules may change: `stage_locked` off or unset. */
export function whereUnlocked(qb: Knex.QueryBuilder, column = 'stage_locked'): Knex.QueryBuilder {
	return qb.where((unlocked) => unlocked.whereNull(column).orWhere(column, false));
}
