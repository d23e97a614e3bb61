// A segment rule's matches counted and sampled without saving anything, under the segment statement timeout.
import type { Knex } from 'knex';
import type { Rule } from '../../domain/segments/rule-types';
import { limitStatementTime } from './segment-membership';
import { compileSegmentQuery } from './segment-query';

export interface SegmentPreview {
	count: number;
	sample: { id: number; full_name: string | null; email: string | null }[];
}

export function previewSegment(
	knex: Knex,
	rule: Rule,
	options: { now: Date; timeZone: string; sample: number },
): Promise<SegmentPreview> {
	return knex.transaction(async (trx) => {
		await limitStatementTime(trx);
		const matching = () => compileSegmentQuery(trx, rule, options);
		const [row] = (await trx.count({ count: '*' }).from(matching().as('matches'))) as { count: number | string }[];
		const sample = await trx('crm_customers')
			.select('id', 'full_name', 'email')
			.whereIn('id', matching())
			.orderBy('id')
			.limit(options.sample);
		return { count: Number(row.count), sample };
	});
}
