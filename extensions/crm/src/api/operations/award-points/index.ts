// Flow operation "CRM: award points": one manual-adjustment movement, keyed by the flow's own key so a re-run of the
// same flow event awards once. The flow's accountability must be allowed to create ledger movements (or be "full").
import type { OperationApiConfig } from '@directus/types';
import { adjustPoints } from '../../../data/loyalty/adjust';
import { loyaltySettings } from '../../../data/loyalty/settings';
import { awardCaps } from '../../../domain/loyalty';
import { canAccess } from '../../access';
import { operationInput } from '../operation-input';

// Typed with Directus 12.4's own @directus/types (the SDK bundles an older copy); defineOperationApi is the identity.
const operation: OperationApiConfig<{ customer: unknown; points: unknown; reason: unknown; key: unknown }> = {
	id: 'crm-award-points',
	handler: async (options, { database, accountability, env }) => {
		const knex = database;
		if (accountability && !(await canAccess(knex, accountability, 'crm_points_ledger', 'create')))
			throw new Error('crm-award-points: this flow may not create points movements');
		const input = operationInput(options, { customer: 'id', points: 'integer', reason: 'text', key: 'text' });
		return adjustPoints(
			knex,
			{
				customer: input.customer,
				points: input.points,
				reason: input.reason,
				requestKey: `flow:${input.key}`,
				staff: accountability?.user ?? null,
				now: new Date(),
				// A Flow award is automatic: per-award and per-customer daily caps apply.
				caps: awardCaps(env),
				automatic: true,
			},
			await loyaltySettings(knex),
		);
	},
};

export default operation;
