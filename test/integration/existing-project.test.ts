// The packed extension installed into a stock Directus project of a developer's own, on SQLite (suite shared with
// existing-project.pg.test.ts).
import { existingProjectSuite } from './existing-project-suite.ts';

existingProjectSuite('sqlite', 'npm');
