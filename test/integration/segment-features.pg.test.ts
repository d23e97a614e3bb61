// The same suite on PostgreSQL (date and timestamptz columns, ON CONFLICT upsert, bound-parameter limits).
import { afterAll, beforeAll, describe } from 'vitest';
import { bootCrm, type CrmInstance } from '../harness/crm.ts';
import { segmentFeaturesSuite } from './segment-features-suite.ts';

let crm: CrmInstance;
beforeAll(async () => {
	crm = await bootCrm('segment-features-pg', { db: 'postgres' });
});
afterAll(async () => {
	await crm?.stop();
});

describe('segment sizes, uploads and referrals (PostgreSQL)', () => {
	segmentFeaturesSuite(() => crm);
});
