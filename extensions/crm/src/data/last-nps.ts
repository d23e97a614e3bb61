// last_nps after an NPS answer is updated: set only when the answer is still the customer's newest NPS answer
// (one indexed look-up per changed answer), inside the update's transaction.
import type { Knex } from 'knex';
import { parseTimestamp } from '../domain/customer-stats/order-stats';
import { setCustomerField } from './customer-stats-repo';
import { toDbTimestamp } from './timestamps';

const scalar = (value: unknown) => (typeof value === 'number' || typeof value === 'string' ? value : null);

export async function syncLastNpsAfterUpdate(
	knex: Knex,
	keys: (string | number)[],
	changes: Record<string, unknown>,
): Promise<void> {
	const rows = await knex('crm_feedback').select('id', 'customer', 'kind', 'score', 'answered_at').whereIn('id', keys);
	for (const row of rows) {
		const after = { ...row, ...changes };
		const customer = scalar(after.customer);
		if (after.kind !== 'nps' || after.score == null || customer == null) continue;
		const at = parseTimestamp(after.answered_at) ?? new Date();
		const newer = await knex('crm_feedback')
			.first('id')
			.where({ customer, kind: 'nps' })
			.whereNotIn('id', keys)
			.where('answered_at', '>', toDbTimestamp(knex, at));
		if (!newer) await setCustomerField(knex, customer, { last_nps: Number(after.score) });
	}
}
