// Surveys and unsubscribe links on SQLite (the suite is shared with PostgreSQL, which adds concurrent submissions).
import { surveysSuite } from './surveys-suite.ts';

surveysSuite('sqlite');
