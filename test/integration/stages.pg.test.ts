// The stages suite on PostgreSQL (the same tests as stages.test.ts).
export {};
(globalThis as { CRM_TEST_DB?: string }).CRM_TEST_DB = 'postgres';
await import('./stages.test.ts');
