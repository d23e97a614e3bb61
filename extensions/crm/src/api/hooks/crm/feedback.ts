// Keeps last_nps right when an NPS answer is updated (a survey link re-submitted, or staff correcting a score);
// creates are handled in index.ts. Runs inside the update's transaction, like the other stats hooks. An update
// sets last_nps only when the answer is still the customer's newest NPS answer (one indexed look-up).
import type { RegisterFunctions } from '@directus/types';
import { parseTimestamp } from '../../../domain/customer-stats/order-stats';
import { setCustomerField } from '../../../data/customer-stats-repo';
import { toDbTimestamp } from '../../../data/timestamps';
import type { CrmContext } from '../../context';

const WATCHED = ['score', 'kind', 'customer', 'answered_at'];
const scalar = (value: unknown) => (typeof value === 'number' || typeof value === 'string' ? value : null);

export function register({ filter }: RegisterFunctions, _ctx: CrmContext) {
	filter('crm_feedback.items.update', async (payload, meta, { database: knex }) => {
		const changes = (payload ?? {}) as Record<string, unknown>;
		if (!WATCHED.some((field) => field in changes)) return payload;
		const keys = ((meta.keys ?? []) as (string | number)[]).filter((key) => key != null);
		if (!keys.length) return payload;
		const rows = await knex('crm_feedback')
			.select('id', 'customer', 'kind', 'score', 'answered_at')
			.whereIn('id', keys);
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
		return payload;
	});
}
