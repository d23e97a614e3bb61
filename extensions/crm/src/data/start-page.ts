// Where a new staff user starts after their first login: the CRM dashboard, when their role may read dashboards.
import type { Knex } from 'knex';
import { policyGrants } from './permissions';

/** The app path of the CRM dashboard (`/insights/<id>`) for a user of this role, or null to keep Directus's default. */
export async function crmStartPage(knex: Knex, role: string): Promise<string | null> {
	const dashboard = await knex('directus_dashboards').first('id').where('name', 'CRM').orderBy('date_created');
	if (!dashboard) return null;
	if (!(await policyGrants(knex, { user: null, roles: [role] }, 'directus_dashboards', 'read'))) return null;
	if (!(await policyGrants(knex, { user: null, roles: [role] }, 'directus_panels', 'read'))) return null;
	return `/insights/${dashboard.id}`;
}
