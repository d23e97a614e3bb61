// `crm:install --events-user <email>`: a user in the "CRM Events API" role (no admin app, so no seat) with a static
// token, for the shop, POS or app that sends POST /crm/events. Created once; an existing user is left as it is.
import { createUser, readRoles, readUsers } from '@directus/sdk';
import { randomBytes } from 'node:crypto';
import type { AdminClient } from './admin-client.ts';

export const EVENTS_ROLE = 'CRM Events API';

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,189}\.[^\s@]{2,63}$/;
const TOKEN = /^[A-Za-z0-9._~-]{32,255}$/;

export function checkEventsUserInput(email: string, token: string | undefined): string | null {
	if (!EMAIL.test(email)) return `--events-user: not an e-mail address / 이메일 주소가 아닙니다: ${email.slice(0, 80)}`;
	if (token !== undefined && !TOKEN.test(token))
		return 'CRM_EVENTS_TOKEN: 32 to 255 letters, digits or ._~- / 32~255자의 영문, 숫자 또는 ._~- 만 쓸 수 있습니다';
	return null;
}

export const newEventsToken = () => randomBytes(32).toString('base64url');

/** Creates the events user with `token` unless a user with that e-mail exists; returns whether it was created. */
export async function installEventsUser(
	client: AdminClient,
	email: string,
	token: string,
	log: (line: string) => void,
): Promise<boolean> {
	const [existing] = await client.request(
		readUsers({ filter: { email: { _eq: email.toLowerCase() } }, fields: ['id'], limit: 1 }),
	);
	if (existing) {
		log(`events API user: ${email} exists, token unchanged / 이벤트 API 사용자 ${email} 이미 있음, 토큰 그대로`);
		return false;
	}
	const [role] = await client.request(readRoles({ filter: { name: { _eq: EVENTS_ROLE } }, fields: ['id'], limit: 1 }));
	if (!role) throw new Error(`role ${EVENTS_ROLE} not found: the CRM install did not finish`);
	await client.request(createUser({ email: email.toLowerCase(), role: role.id, token, status: 'active' }));
	log(`events API user: created ${email} (role ${EVENTS_ROLE}) / 이벤트 API 사용자 ${email} 생성`);
	return true;
}
