// Scheduled expiry: lots past their date lose their unspent remainder (one 'expire' movement each), and customers
// whose points expire within the notice period are reported once, on the day they enter it.
import type { Knex } from 'knex';
import { toDbTimestamp } from '../timestamps';
import { parseTimestamp } from '../../domain/customer-stats/order-stats';
import { lockCustomer, postMovement } from './ledger';

const DAY_MS = 86_400_000;
const BATCH = 500;

export async function expireLots(knex: Knex, now: Date): Promise<{ lots: number; points: number }> {
	let lots = 0;
	let points = 0;
	for (;;) {
		const due = await knex('crm_points_ledger')
			.select('id', 'customer')
			.where('lot_remaining', '>', 0)
			.whereNotNull('expires_at')
			.where('expires_at', '<=', toDbTimestamp(knex, now))
			.orderBy('id')
			.limit(BATCH);
		if (!due.length) break;
		for (const lot of due) {
			const expired = await knex.transaction(async (trx) => {
				const { balance } = await lockCustomer(trx, Number(lot.customer));
				const fresh = await trx('crm_points_ledger').first('lot_remaining').where('id', lot.id);
				const remaining = Number(fresh?.lot_remaining ?? 0);
				if (remaining <= 0) return 0;
				// Keyed by lot and remainder: a lot refilled by a voided coupon can expire again, never twice for the same points.
				const posted = await postMovement(trx, balance, {
					customer: Number(lot.customer),
					kind: 'expire',
					points: -remaining,
					sourceKey: `expire:${lot.id}:${now.toISOString().slice(0, 10)}:${remaining}`,
					occurredAt: now,
					reason: 'points expired',
					preferLots: [lot.id],
					shortfall: 'clip',
				});
				return -posted.points;
			});
			if (expired > 0) {
				lots += 1;
				points += expired;
			}
		}
		if (due.length < BATCH) break;
	}
	return { lots, points };
}

export interface ExpiringNotice {
	customer: number;
	points: number;
	expiresAt: string;
}

/** Lots entering the notice window today (expiring in [now + n days − 1 day, now + n days)), summed per customer. */
export async function expiringNotices(knex: Knex, now: Date, noticeDays: number): Promise<ExpiringNotice[]> {
	const to = new Date(now.getTime() + noticeDays * DAY_MS);
	const from = new Date(to.getTime() - DAY_MS);
	const rows = await knex('crm_points_ledger')
		.select('customer')
		.sum({ points: 'lot_remaining' })
		.min({ expires_at: 'expires_at' })
		.where('lot_remaining', '>', 0)
		.where('expires_at', '>=', toDbTimestamp(knex, from))
		.where('expires_at', '<', toDbTimestamp(knex, to))
		.groupBy('customer');
	return (rows as Record<string, unknown>[]).map((row) => ({
		customer: Number(row.customer),
		points: Number(row.points),
		expiresAt: (parseTimestamp(row.expires_at) ?? to).toISOString(),
	}));
}
