// Which database a shared integration test file runs on: SQLite unless a `.pg.test.ts` wrapper chose PostgreSQL
// before importing it (`globalThis.CRM_TEST_DB = 'postgres'; await import('./x.test.ts')`).
export const testDatabase = (): 'sqlite' | 'postgres' =>
	(globalThis as { CRM_TEST_DB?: string }).CRM_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
