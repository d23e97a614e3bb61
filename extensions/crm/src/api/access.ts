// Collection-level permission check for /crm routes, read from the caller's Directus policies (user and roles),
// so an endpoint never lets someone do through the CRM what Directus itself would not let them do.
import type { Accountability } from '@directus/types';
import type { Knex } from 'knex';
import { policyGrants } from '../data/permissions';

export type Action = 'create' | 'read' | 'update' | 'delete';

export async function canAccess(
	knex: Knex,
	accountability: Accountability | null | undefined,
	collection: string,
	action: Action,
): Promise<boolean> {
	if (!accountability) return false;
	if (accountability.admin) return true;
	const roles = accountability.roles ?? (accountability.role ? [accountability.role] : []);
	return policyGrants(knex, { user: accountability.user ?? null, roles }, collection, action);
}

/** A 403 with Directus's error shape. */
export function forbidden(
	res: { status(code: number): { json(body: unknown): void } },
	collection: string,
	action: Action,
) {
	res.status(403).json({
		errors: [{ message: `You don't have permission to ${action} "${collection}".`, extensions: { code: 'FORBIDDEN' } }],
	});
}

/** A 400 naming the field, with Directus's error shape. */
export function invalid(
	res: { status(code: number): { json(body: unknown): void } },
	issues: { path: string; message: string }[],
) {
	res.status(400).json({
		errors: issues.map((issue) => ({
			message: `${issue.path}: ${issue.message}`,
			extensions: { code: 'INVALID_PAYLOAD', field: issue.path },
		})),
	});
}
