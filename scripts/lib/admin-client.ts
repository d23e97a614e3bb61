// An @directus/sdk client logged in as an admin (by e-mail/password or a static token).
import { authentication, createDirectus, rest, staticToken } from '@directus/sdk';

export type AdminClient = ReturnType<typeof adminClientWithToken>;

export function adminClientWithToken(url: string, token: string) {
	return createDirectus(url).with(staticToken(token)).with(rest());
}

export async function adminClientWithLogin(url: string, email: string, password: string) {
	const client = createDirectus(url)
		.with(authentication('json', { autoRefresh: false }))
		.with(rest());
	await client.login({ email, password });
	const token = await client.getToken();
	if (!token) throw new Error(`Login as ${email} at ${url} returned no token`);
	return adminClientWithToken(url, token);
}
