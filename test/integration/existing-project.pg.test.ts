// The packed extension installed into a stock Directus project of a developer's own, on PostgreSQL.
import { existingProjectSuite } from './existing-project-suite.ts';

existingProjectSuite('postgres');
