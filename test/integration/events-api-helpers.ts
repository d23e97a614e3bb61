// Helpers shared by the events API tests (SQLite and PostgreSQL): raw HTTP calls with a static token, and users.
import { createPermission, createPolicy, createUser, readItems } from '@directus/sdk';
import type { CrmInstance } from '../harness/crm.ts';
import { userWithRole } from '../harness/crm.ts';

export interface Reply {
	status: number;
	body: { data?: Outcome[]; errors?: { message: string; extensions: { code: string; field?: string } }[] };
}
export interface Outcome {
	idempotency_key: string | null;
	type: string | null;
	status: 'processed' | 'replayed' | 'rejected';
	result?: Record<string, unknown>;
	errors?: { path: string; message: string; code: string }[];
}

export async function postEvents(url: string, token: string | null, body: unknown): Promise<Reply> {
	const res = await fetch(`${url}/crm/events`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
		body: typeof body === 'string' ? body : JSON.stringify(body),
	});
	return { status: res.status, body: (await res.json()) as Reply['body'] };
}

/** A user of the "CRM Events API" role with a static token (no admin-app seat). */
export async function eventsApiToken(crm: CrmInstance, token: string): Promise<string> {
	await userWithRole(crm.client, crm.url, 'CRM Events API', token);
	return token;
}

/** A role-less API user whose only policy grants the given permissions (no app access, so no seat). */
export async function apiUserWithPermissions(
	crm: CrmInstance,
	token: string,
	permissions: [collection: string, action: string][],
): Promise<string> {
	const policy = await crm.client.request(
		createPolicy({ name: `Test API ${token}`, icon: 'api', app_access: false, admin_access: false } as never),
	);
	for (const [collection, action] of permissions) {
		await crm.client.request(
			createPermission({
				policy: policy.id,
				collection,
				action,
				fields: ['*'],
				permissions: null,
				validation: null,
			} as never),
		);
	}
	await crm.client.request(
		createUser({
			email: `${token}@example.com`,
			password: `${token}-password`,
			token,
			policies: [{ policy: policy.id }],
		} as never),
	);
	return token;
}

export async function rows<T = Record<string, unknown>>(
	crm: CrmInstance,
	collection: string,
	filter: Record<string, unknown>,
	fields = ['*'],
): Promise<T[]> {
	return (await crm.client.request(readItems(collection as never, { filter, fields, limit: -1 } as never))) as T[];
}

export const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
