// The customer-360 suite on PostgreSQL (the same tests as customer-360.test.ts).
export {};
(globalThis as { CRM_TEST_DB?: string }).CRM_TEST_DB = 'postgres';
await import('./customer-360.test.ts');
