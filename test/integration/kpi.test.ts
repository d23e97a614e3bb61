// KPIs on a real Directus 12 (SQLite): every KPI, filters, previous period, goals, cohorts, trends, snapshots and
// permissions against hand-computed values (the suite is shared with kpi.pg.test.ts).
import { afterAll, beforeAll, describe } from 'vitest';
import { bootCrm, type CrmInstance } from '../harness/crm.ts';
import { kpiSuite } from './kpi-suite.ts';

let crm: CrmInstance;
beforeAll(async () => {
	crm = await bootCrm('kpi', { db: 'sqlite' });
});
afterAll(async () => {
	await crm?.stop();
});

describe('KPIs (SQLite)', () => {
	kpiSuite(() => crm);
});
