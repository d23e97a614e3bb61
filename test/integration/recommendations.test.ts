// Product recommendations on a real Directus 12 (SQLite): rules mined in SQL against hand-computed support, confidence
// and lift, thresholds, the customer and product endpoints, permissions and the follow-up template variable (the
// suite is shared with recommendations.pg.test.ts); here also: an install from before recommendations gets the fields.
import { deleteField, readFieldsByCollection } from '@directus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installCrm } from '../../scripts/lib/install-crm.ts';
import { bootCrm, type CrmInstance } from '../harness/crm.ts';
import { recommendationsSuite } from './recommendations-suite.ts';

let crm: CrmInstance;
beforeAll(async () => {
	crm = await bootCrm('recommendations', { db: 'sqlite' });
});
afterAll(async () => {
	await crm?.stop();
});

describe('recommendations (SQLite)', () => {
	recommendationsSuite(() => crm);

	it('adds the recommendation fields to an install that lacks them (an upgrade from schema v3)', async () => {
		const fields = async (collection: string) =>
			((await crm.client.request(readFieldsByCollection(collection as never))) as { field: string }[]).map(
				(f) => f.field,
			);
		const added = {
			crm_products: ['also_bought', 'also_bought_at'],
			crm_settings: ['rec_min_support', 'rec_basket', 'recommendation_settings'],
			crm_customers: ['recommendations'],
		};
		for (const [collection, names] of Object.entries(added))
			for (const field of names) await crm.client.request(deleteField(collection as never, field as never));
		expect(await fields('crm_products')).not.toContain('also_bought');
		const log: string[] = [];
		const health = await installCrm(crm.client, crm.url, (line) => log.push(line));
		expect(log.join('\n')).toMatch(/schema: applied \d+ change/);
		expect(health).toMatchObject({ status: 'ok', schema: { expected: '5', applied: '5' } });
		for (const [collection, names] of Object.entries(added))
			expect(await fields(collection)).toEqual(expect.arrayContaining(names));
	});
});
