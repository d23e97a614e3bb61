// The packed extension unpacked into the extensions folder of a developer's own stock Directus project, on PostgreSQL.
import { existingProjectSuite } from './existing-project-suite.ts';

existingProjectSuite('postgres', 'folder');
