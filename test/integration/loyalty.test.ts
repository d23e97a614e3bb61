// Loyalty on SQLite (the suite is shared with PostgreSQL, which adds the concurrency cases).
import { afterAll, beforeAll, describe } from 'vitest';
import { bootCrm, type CrmInstance } from '../harness/crm.ts';
import { loyaltySuite } from './loyalty-suite.ts';

let crm: CrmInstance;
beforeAll(async () => {
	crm = await bootCrm('loyalty');
});
afterAll(async () => {
	await crm?.stop();
});

describe('loyalty (SQLite)', () => loyaltySuite(() => crm));
