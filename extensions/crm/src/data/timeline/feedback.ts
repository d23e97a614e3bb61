import type { TimelineSource } from './source';
import { isoTime, keysetPage } from './source';

/** Survey answers: NPS, CSAT and reviews with their score and comment. */
export const feedbackSource: TimelineSource = {
	kind: 'feedback',
	collection: 'crm_feedback',
	async page(knex, customerId, options) {
		const query = knex('crm_feedback').select('id', 'answered_at', 'kind', 'score', 'comment', 'channel', 'survey');
		if (options.channels.length) query.whereIn('channel', options.channels);
		const rows = await keysetPage(
			knex,
			query,
			customerId,
			{ kind: 'feedback', customer: 'customer', at: 'answered_at', id: 'id' },
			options,
		);
		return rows.map((row) => ({
			kind: 'feedback',
			id: row.id,
			at: isoTime(row.answered_at),
			channel: row.channel ?? null,
			type: row.kind,
			subject: row.comment ?? null,
			value: row.score === null ? null : Number(row.score),
			data: { survey: row.survey ?? null },
		}));
	},
};
