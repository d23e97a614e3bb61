// Keeps each customer's cached statistics in step with orders, interactions and feedback.
// Filter hooks run inside the write's own transaction, so the stats commit or roll back with it (no lost work).
import type { RegisterFunctions } from '@directus/types';
import { orderFacts, parseTimestamp, statsDeltas } from '../../../domain/customer-stats/order-stats';
import {
	applyStatsDelta,
	bumpCustomerTimestamp,
	readOrderFacts,
	setCustomerField,
} from '../../../data/customer-stats-repo';
import type { CrmContext } from '../../context';

type Keys = (string | number)[];
type Row = Record<string, unknown>;

export function register({ filter }: RegisterFunctions, _ctx: CrmContext) {
	filter('crm_orders.items.create', async (payload, _meta, { database }) => {
		for (const delta of statsDeltas(null, orderFacts(payload as Row))) await applyStatsDelta(database, delta);
		return payload;
	});

	filter('crm_orders.items.update', async (payload, meta, { database }) => {
		const keys = (meta.keys ?? []) as Keys;
		const before = await readOrderFacts(database, keys);
		for (const key of keys) {
			const stored = before.get(String(key));
			if (!stored) continue;
			const after = orderFacts(payload as Row, stored);
			for (const delta of statsDeltas(stored, after)) await applyStatsDelta(database, delta, [key]);
		}
		return payload;
	});

	filter('crm_orders.items.delete', async (keys, _meta, { database }) => {
		const before = await readOrderFacts(database, keys as Keys);
		for (const [key, stored] of before)
			for (const delta of statsDeltas(stored, null)) await applyStatsDelta(database, delta, [key]);
		return keys;
	});

	filter('crm_interactions.items.create', async (payload, _meta, { database }) => {
		const row = payload as Row;
		const at = parseTimestamp(row.occurred_at);
		if (row.customer != null && at)
			await bumpCustomerTimestamp(database, Number(row.customer), 'last_interaction_at', at);
		return payload;
	});

	filter('crm_feedback.items.create', async (payload, _meta, { database }) => {
		const row = payload as Row;
		if (row.customer != null && row.kind === 'nps' && row.score != null)
			await setCustomerField(database, Number(row.customer), { last_nps: Number(row.score) });
		return payload;
	});
}
