import type { TimelineSource } from './source';
import { isoTime, keysetPage, toNumber } from './source';

/** Orders: status, total and channel, with the number of lines. */
export const ordersSource: TimelineSource = {
	kind: 'order',
	collection: 'crm_orders',
	async page(knex, customerId, options) {
		const query = knex('crm_orders as o').select(
			'o.id',
			'o.ordered_at',
			'o.status',
			'o.total',
			'o.currency',
			'o.channel',
			'o.external_id',
			knex('crm_order_lines as l').count('*').where('l.order', knex.ref('o.id')).as('line_count'),
		);
		if (options.channels.length) query.whereIn('o.channel', options.channels);
		const rows = await keysetPage(
			knex,
			query,
			customerId,
			{ kind: 'order', customer: 'o.customer', at: 'o.ordered_at', id: 'o.id' },
			options,
		);
		return rows.map((row) => ({
			kind: 'order',
			id: row.id,
			at: isoTime(row.ordered_at),
			channel: row.channel ?? null,
			type: row.status,
			subject: row.external_id ?? null,
			value: toNumber(row.total),
			data: { status: row.status, currency: row.currency ?? null, lines: Number(row.line_count ?? 0) },
		}));
	},
};
