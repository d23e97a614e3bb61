// One failing follow-up rule never stops the others (#15 finding 5): each rule's planning runs in its own
// transaction (a savepoint inside the caller's), and a failure is recorded on the rule (crm_followup_rules.last_error,
// shown in the admin) without the SQL, instead of rolling back everything planned for the other rules.
import type { Knex } from 'knex';
import { safeReason } from '../../domain/shared/log-safety';

export async function recordRuleError(knex: Knex, ruleId: number, reason: string, at: Date): Promise<void> {
	await knex('crm_followup_rules')
		.where('id', ruleId)
		.update({ last_error: `${at.toISOString()} ${reason}`.slice(0, 1000) });
}

/** `plan(trx)` for one rule; on failure, 0 planned and the reason recorded on the rule (cleared by the next success). */
export async function planIsolated(knex: Knex, ruleId: number, plan: (trx: Knex) => Promise<number>): Promise<number> {
	try {
		const planned = await knex.transaction((trx) => plan(trx));
		await knex('crm_followup_rules')
			.where('id', ruleId)
			.whereNotNull('last_error')
			.update({ last_error: null })
			.catch(() => undefined);
		return planned;
	} catch (error) {
		await recordRuleError(knex, ruleId, safeReason(error), new Date()).catch(() => undefined);
		return 0;
	}
}
