// Keeps last_nps right when an NPS answer is updated (a survey link re-submitted, or staff correcting a score);
// creates are handled in index.ts. Runs inside the update's transaction, like the other stats hooks. An update
// sets last_nps only when the answer is still the customer's newest NPS answer (one indexed look-up).
import type { Knex } from 'knex';
import { parseTimestamp } from '../../../domain/customer-stats/order-stats';
import { setCustomerField } from '../../../data/customer-stats-repo';
import { toDbTimestamp } from '../../../data/timestamps';
import { configureSignedLinks } from '../../signed-links';

type Filter = (
	event: string,
	handler: (payload: unknown, meta: Record<string, unknown>, context: { database: unknown }) => unknown,
) => void;

const WATCHED = ['score', 'kind', 'customer', 'answered_at'];
const scalar = (value: unknown) => (typeof value === 'number' || typeof value === 'string' ? value : null);

export function registerFeedbackHooks(filter: Filter, env: Record<string, unknown>) {
	// Lets follow-ups running in this (hook) entry build survey and unsubscribe URLs with the right key.
	configureSignedLinks(env);

	filter('crm_feedback.items.update', async (payload, meta, { database }) => {
		const changes = (payload ?? {}) as Record<string, unknown>;
		if (!WATCHED.some((field) => field in changes)) return payload;
		const knex = database as Knex;
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
