import type { TimelineSource } from './source';
import { isoTime, keysetPage } from './source';

/** Stage, tier and consent changes, with the reason. No channel. */
export const historySource: TimelineSource = {
	kind: 'history',
	collection: 'crm_history',
	async page(knex, customerId, options) {
		if (options.channels.length) return [];
		const query = knex('crm_history').select('id', 'changed_at', 'kind', 'from_value', 'to_value', 'reason', 'staff');
		const rows = await keysetPage(
			knex,
			query,
			customerId,
			{ kind: 'history', customer: 'customer', at: 'changed_at', id: 'id' },
			options,
		);
		return rows.map((row) => ({
			kind: 'history',
			id: row.id,
			at: isoTime(row.changed_at),
			channel: null,
			type: row.kind,
			subject: row.reason ?? null,
			value: null,
			data: { from: row.from_value ?? null, to: row.to_value ?? null, staff: row.staff ?? null },
		}));
	},
};
