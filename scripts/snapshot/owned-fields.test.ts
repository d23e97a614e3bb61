// The owned-data declaration lives in the schema definition; the API reads its copy in domain/owned-fields.ts.
import { describe, expect, it } from 'vitest';
import { COLLECTIONS } from './definition.ts';
import { OWNED } from '../../extensions/crm/src/domain/owned-fields.ts';

const declared = Object.fromEntries(COLLECTIONS.filter((c) => c.owned).map((c) => [c.collection, c.owned]));

describe('CRM-owned data', () => {
	it('the API table is the schema definition', () => {
		expect(JSON.parse(JSON.stringify(OWNED))).toEqual(JSON.parse(JSON.stringify(declared)));
		expect(Object.keys(OWNED).length).toBeGreaterThanOrEqual(9);
	});

	it('every owned field exists and is read-only in the admin', () => {
		for (const def of COLLECTIONS) {
			if (!def.owned) continue;
			const stored = def.fields.filter((field) => field.type !== 'alias');
			const owned = def.owned.appendOnly
				? stored.map((field) => field.field).filter((field) => field !== def.owned?.transitions?.field)
				: (def.owned.fields ?? []);
			for (const name of owned) {
				const field = stored.find((candidate) => candidate.field === name);
				expect(field, `${def.collection}.${name}`).toBeDefined();
				expect(field?.meta?.readonly, `${def.collection}.${name} readonly`).toBe(true);
			}
			if (def.owned.transitions) {
				const field = stored.find((candidate) => candidate.field === def.owned?.transitions?.field);
				const choices = ((field?.meta?.options as { choices?: { value: string }[] })?.choices ?? []).map(
					(c) => c.value,
				);
				for (const [from, to] of Object.entries(def.owned.transitions.allowed))
					for (const value of [from, ...to]) expect(choices, `${def.collection} ${value}`).toContain(value);
			}
		}
	});
});
