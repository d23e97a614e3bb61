import type { TimelineSource } from './source';
import { isoTime, keysetPage } from './source';

/** Calls, visits, notes, messages, tasks: what was said, by whom, and whether it is still open. */
export const interactionsSource: TimelineSource = {
	kind: 'interaction',
	collection: 'crm_interactions',
	async page(knex, customerId, options) {
		const query = knex('crm_interactions').select(
			'id',
			'occurred_at',
			'channel',
			'direction',
			'type',
			'status',
			'subject',
			'body',
			'staff',
			'assignee',
			'due_at',
		);
		if (options.channels.length) query.whereIn('channel', options.channels);
		const rows = await keysetPage(
			knex,
			query,
			customerId,
			{ kind: 'interaction', customer: 'customer', at: 'occurred_at', id: 'id' },
			options,
		);
		return rows.map((row) => ({
			kind: 'interaction',
			id: row.id,
			at: isoTime(row.occurred_at),
			channel: row.channel ?? null,
			type: row.type,
			subject: row.subject ?? null,
			value: null,
			data: {
				status: row.status ?? null,
				direction: row.direction ?? null,
				body: row.body ?? null,
				staff: row.staff ?? null,
				assignee: row.assignee ?? null,
				due_at: row.due_at ? isoTime(row.due_at) : null,
			},
		}));
	},
};
