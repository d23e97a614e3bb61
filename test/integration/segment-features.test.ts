// Daily segment sizes, members uploaded to static segments and the referrals condition on a real Directus 12
// (SQLite); the suite is shared with segment-features.pg.test.ts.
import { afterAll, beforeAll, describe } from 'vitest';
import { bootCrm, type CrmInstance } from '../harness/crm.ts';
import { segmentFeaturesSuite } from './segment-features-suite.ts';

let crm: CrmInstance;
beforeAll(async () => {
	crm = await bootCrm('segment-features', { db: 'sqlite' });
});
afterAll(async () => {
	await crm?.stop();
});

describe('segment sizes, uploads and referrals (SQLite)', () => {
	segmentFeaturesSuite(() => crm);
});
