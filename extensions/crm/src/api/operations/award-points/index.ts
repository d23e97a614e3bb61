// Flow operation "CRM: award points": one manual-adjustment movement, keyed by the flow's own key so a re-run of the
// same flow event awards once. The flow's accountability must be allowed to create ledger movements (or be "full").
import { defineOperationApi } from '@directus/extensions-sdk';
import type { Knex } from 'knex';
import { adjustPoints } from '../../../data/loyalty/adjust';
import { loyaltySettings } from '../../../data/loyalty/settings';
import { awardCaps } from '../../../domain/loyalty';
import { canAccess } from '../../access';
import { operationInput } from '../operation-input';

export default defineOperationApi<{ customer: unknown; points: unknown; reason: unknown; key: unknown }>({
	id: 'crm-award-points',
	handler: async (options, { database, accountability, env }) => {
		const knex = database as unknown as Knex;
		if (accountability && !(await canAccess(knex, accountability as never, 'crm_points_ledger', 'create')))
			throw new Error('crm-award-points: this flow may not create points movements');
		const input = operationInput(options, { customer: 'id', points: 'integer', reason: 'text', key: 'text' });
		return adjustPoints(
			knex,
			{
				customer: input.customer,
				points: input.points,
				reason: input.reason,
				requestKey: `flow:${input.key}`,
				staff: (accountability as { user?: string } | null)?.user ?? null,
				now: new Date(),
				// A Flow award is automatic: per-award and per-customer daily caps apply.
				caps: awardCaps(env),
				automatic: true,
			},
			await loyaltySettings(knex),
		);
	},
});
