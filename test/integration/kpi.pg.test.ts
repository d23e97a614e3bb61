// The same KPI suite on PostgreSQL (timestamptz, numeric sums as strings, make_interval for the attribution window).
import { afterAll, beforeAll, describe } from 'vitest';
import { bootCrm, type CrmInstance } from '../harness/crm.ts';
import { kpiSuite } from './kpi-suite.ts';

let crm: CrmInstance;
beforeAll(async () => {
	crm = await bootCrm('kpi-pg', { db: 'postgres' });
});
afterAll(async () => {
	await crm?.stop();
});

describe('KPIs (PostgreSQL)', () => {
	kpiSuite(() => crm);
});
