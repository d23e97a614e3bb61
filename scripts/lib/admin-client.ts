// An @directus/sdk client logged in as an admin (by e-mail/password or a static token).
import { authentication, createDirectus, rest, staticToken } from '@directus/sdk';

/**
 * fetch that tries again when Directus's pressure limiter refuses a request (503 before any handler runs, so nothing
 * was done): the installer sends bursts of requests and a busy host would otherwise abort it half-way.
 */
export async function fetchRetryingPressure(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
	for (let attempt = 0; ; attempt++) {
		const response = await fetch(input, init);
		if (response.status !== 503 || attempt === 5) return response;
		const body = await response.clone().text();
		if (!body.includes('Under pressure')) return response;
		await new Promise((r) => setTimeout(r, 250 * 2 ** attempt));
	}
}

export type AdminClient = ReturnType<typeof adminClientWithToken>;

export function adminClientWithToken(url: string, token: string) {
	return createDirectus(url, { globals: { fetch: fetchRetryingPressure } })
		.with(staticToken(token))
		.with(rest());
}

export async function adminClientWithLogin(url: string, email: string, password: string) {
	const client = createDirectus(url, { globals: { fetch: fetchRetryingPressure } })
		.with(authentication('json', { autoRefresh: false }))
		.with(rest());
	await client.login({ email, password });
	const token = await client.getToken();
	if (!token) throw new Error(`Login as ${email} at ${url} returned no token`);
	return adminClientWithToken(url, token);
}
