// After login Directus opens a user's last page, else the first collection of the navigation (the customers). A new
// user whose role may read dashboards (CRM Manager, CRM Marketing) starts on the CRM dashboard instead.
import type { RegisterFunctions } from '@directus/types';
import type { Knex } from 'knex';
import { crmStartPage } from '../../../data/start-page';
import type { CrmContext } from '../../context';

export function register({ filter }: RegisterFunctions, { database }: CrmContext) {
	filter('users.create', async (payload, _meta, context) => {
		if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return payload;
		const user = payload as Record<string, unknown>;
		if (user.last_page != null || typeof user.role !== 'string' || user.role.length > 64) return payload;
		const knex = (context.database as Knex | undefined) ?? database;
		const page = await crmStartPage(knex, user.role);
		return page ? { ...user, last_page: page } : payload;
	});
}
