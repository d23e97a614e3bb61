// The same recommendation suite on PostgreSQL (counts as bigint strings, numeric thresholds, a json column).
import { afterAll, beforeAll, describe } from 'vitest';
import { bootCrm, type CrmInstance } from '../harness/crm.ts';
import { recommendationsSuite } from './recommendations-suite.ts';

let crm: CrmInstance;
beforeAll(async () => {
	crm = await bootCrm('recommendations-pg', { db: 'postgres' });
});
afterAll(async () => {
	await crm?.stop();
});

describe('recommendations (PostgreSQL)', () => {
	recommendationsSuite(() => crm);
});
