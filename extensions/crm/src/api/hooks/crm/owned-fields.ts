// The CRM's own data stays the CRM's: a write through Directus (REST, GraphQL, the admin, Flows, other extensions)
// naming a field the CRM computes, or touching an append-only row, is refused with a 400 naming it, for every
// caller, admins and server code included. The CRM itself writes these with SQL (data/), which no hook sees, so
// there is no marker a caller could fake. Registered before every other CRM filter, so it judges the caller's
// payload, not what a later CRM filter adds (e.g. `points_pending`).
import { InvalidPayloadError } from '@directus/errors';
import type { RegisterFunctions } from '@directus/types';
import type { Knex } from 'knex';
import { OWNED, ownedWriteIssue, transitionIssue, type WriteEvent } from '../../../domain/owned-fields';
import { storedValues } from '../../../data/owned-rows';
import type { CrmContext } from '../../context';

const refuse = (issue: { field: string; reason: string }) => {
	throw new InvalidPayloadError({ reason: issue.reason });
};

export function register({ filter }: RegisterFunctions, { database }: CrmContext) {
	for (const [collection, owned] of Object.entries(OWNED)) {
		const events: WriteEvent[] = owned.appendOnly ? ['create', 'update', 'delete'] : ['create', 'update'];
		for (const event of events) {
			filter(`${collection}.items.${event}`, async (payload, meta, context) => {
				const issue = ownedWriteIssue(collection, event, payload);
				if (issue) refuse(issue);
				if (event === 'update' && owned.transitions) {
					const keys = Array.isArray(meta.keys) ? (meta.keys as (string | number)[]) : [];
					const knex = (context.database as Knex | undefined) ?? database;
					const stored = await storedValues(knex, collection, owned.transitions.field, keys);
					const wrong = transitionIssue(collection, payload, stored);
					if (wrong) refuse(wrong);
				}
				return payload;
			});
		}
	}
}
