// Whether any of a caller's Directus policies (their user's, their roles', the public one) grants an action on a
// collection: collection-level only, as Directus 12's core tier applies them.
import type { Knex } from 'knex';

export async function policyGrants(
	knex: Knex,
	caller: { user: string | null; roles: string[] },
	collection: string,
	action: string,
): Promise<boolean> {
	const policies = knex('directus_access')
		.select('policy')
		.where((where) => {
			if (caller.user) where.orWhere('user', caller.user);
			if (caller.roles.length) where.orWhereIn('role', caller.roles);
			where.orWhere((pub) => pub.whereNull('user').whereNull('role'));
		});
	const permission = await knex('directus_permissions')
		.first('id')
		.whereIn('policy', policies)
		.where({ collection, action });
	return Boolean(permission);
}
