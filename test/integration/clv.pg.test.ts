// The predictive CLV suite on PostgreSQL (the same tests as clv.test.ts).
export {};
(globalThis as { CRM_TEST_DB?: string }).CRM_TEST_DB = 'postgres';
await import('./clv.test.ts');
