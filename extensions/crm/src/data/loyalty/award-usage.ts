// Points a customer got from automatic awards (follow-up rules, the Flow operation, event bonuses) in the last 24
// hours, for the per-customer daily cap. Read with the customer's lock held, so concurrent awards serialise.
import type { Knex } from 'knex';
import { toDbTimestamp } from '../timestamps';

export const AUTOMATIC_SOURCES = ['followup:%', 'adjust:flow:%', 'bonus:%'];

export async function automaticPointsToday(trx: Knex, customer: number, now: Date): Promise<number> {
	const [row] = await trx('crm_points_ledger')
		.sum({ s: 'points' })
		.where('customer', customer)
		.where('points', '>', 0)
		.where('occurred_at', '>', toDbTimestamp(trx, new Date(now.getTime() - 86_400_000)))
		.where((where) => {
			for (const pattern of AUTOMATIC_SOURCES) where.orWhere('source_key', 'like', pattern);
		});
	return Number(row?.s ?? 0);
}
