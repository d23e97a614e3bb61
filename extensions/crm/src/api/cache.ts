// The CRM writes some rows with SQL (ledger, cached balances, points_pending) rather than through Directus's services,
// so Directus's CACHE_AUTO_PURGE never hears of them. After such writes the glue purges the data cache itself, the
// same way Directus does after its own writes, and only when the project asked for auto-purging.
type Services = {
	UtilsService: new (options: { schema: unknown; accountability: unknown }) => {
		clearCache(options: { system: boolean }): Promise<unknown>;
	};
};

export type PurgeCache = () => Promise<void>;

export function cachePurger(
	services: unknown,
	getSchema: () => Promise<unknown>,
	env: Record<string, unknown>,
): PurgeCache {
	const on = (value: unknown) => value === true || value === 'true';
	if (!on(env.CACHE_ENABLED) || !on(env.CACHE_AUTO_PURGE)) return async () => {};
	return async () => {
		// An internal admin accountability: clearing the data cache is Directus's own housekeeping, not a user's request.
		const utils = new (services as Services).UtilsService({
			schema: await getSchema(),
			accountability: { admin: true, role: null, user: null },
		});
		await utils.clearCache({ system: false });
	};
}
