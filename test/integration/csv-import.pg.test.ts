// The csv-import suite on PostgreSQL (the same tests as csv-import.test.ts).
export {};
(globalThis as { CRM_TEST_DB?: string }).CRM_TEST_DB = 'postgres';
await import('./csv-import.test.ts');
