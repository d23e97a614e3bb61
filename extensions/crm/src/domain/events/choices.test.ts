// The events API's allowed values must be the schema's choices (one source of truth: the snapshot definition).
import { describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../../../../../scripts/snapshot/definition.ts';
import { CHOICES } from './choices';

const choicesOf = (collection: string, field: string) => {
	const def = COLLECTIONS.find((c) => c.collection === collection)?.fields.find((f) => f.field === field);
	return ((def?.meta?.options as { choices?: { value: string }[] })?.choices ?? []).map((choice) => choice.value);
};

describe('event choices', () => {
	it.each([
		['orderStatus', 'crm_orders', 'status'],
		['orderChannel', 'crm_orders', 'channel'],
		['lineKind', 'crm_order_lines', 'kind'],
		['interactionChannel', 'crm_interactions', 'channel'],
		['interactionType', 'crm_interactions', 'type'],
		['interactionStatus', 'crm_interactions', 'status'],
		['direction', 'crm_interactions', 'direction'],
		['language', 'crm_customers', 'language'],
		['gender', 'crm_customers', 'gender'],
		['source', 'crm_customers', 'source'],
		['contactChannel', 'crm_customers', 'preferred_channel'],
	] as const)('%s equals %s.%s', (name, collection, field) => {
		expect([...CHOICES[name]]).toEqual(choicesOf(collection, field));
	});
});
