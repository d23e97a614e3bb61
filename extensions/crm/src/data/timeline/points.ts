import type { TimelineSource } from './source';
import { isoTime, keysetPage } from './source';

/** Points movements from the ledger: earned, redeemed, expired, adjusted, reversed. No channel. */
export const pointsSource: TimelineSource = {
	kind: 'points',
	collection: 'crm_points_ledger',
	async page(knex, customerId, options) {
		if (options.channels.length) return [];
		const query = knex('crm_points_ledger').select('id', 'occurred_at', 'kind', 'points', 'reason', 'order', 'staff');
		const rows = await keysetPage(
			knex,
			query,
			customerId,
			{ kind: 'points', customer: 'customer', at: 'occurred_at', id: 'id' },
			options,
		);
		return rows.map((row) => ({
			kind: 'points',
			id: row.id,
			at: isoTime(row.occurred_at),
			channel: null,
			type: row.kind,
			subject: row.reason ?? null,
			value: Number(row.points),
			data: { order: row.order ?? null, staff: row.staff ?? null },
		}));
	},
};
