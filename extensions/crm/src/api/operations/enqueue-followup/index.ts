// Flow operation "CRM: enqueue follow-up": plans one outbox row for a follow-up rule and a customer, through the same
// planner as the CRM's own triggers (consent, quiet hours, holdout and the dedupe key rule:customer:flow:<key>).
import type { OperationApiConfig } from '@directus/types';
import { followupSettings, rulesById } from '../../../data/followups/rules-repo';
import { planCauses } from '../../../data/outbox/plan';
import { canAccess } from '../../access';
import { operationInput } from '../operation-input';

// Typed with Directus 12.4's own @directus/types (the SDK bundles an older copy); defineOperationApi is the identity.
const operation: OperationApiConfig<{ rule: unknown; customer: unknown; key: unknown }> = {
	id: 'crm-enqueue-followup',
	handler: async (options, { database, accountability }) => {
		const knex = database;
		if (accountability && !(await canAccess(knex, accountability, 'crm_outbox', 'update')))
			throw new Error('crm-enqueue-followup: this flow may not plan messages');
		const input = operationInput(options, { rule: 'id', customer: 'id', key: 'text' });
		const rule = (await rulesById(knex, [input.rule])).get(input.rule);
		if (!rule || rule.status !== 'active')
			throw new Error(`crm-enqueue-followup: rule ${input.rule} is not an active follow-up rule`);
		const now = new Date();
		const planned = await planCauses(
			knex,
			rule,
			[{ customer: input.customer, occurrence: `flow:${input.key}`, triggerAt: now, context: { flow: input.key } }],
			await followupSettings(knex),
		);
		return { planned };
	},
};

export default operation;
