// Settings of the host Directus that the CRM depends on for safety, checked at start and shown by GET /crm/health.

/**
 * Signed survey and unsubscribe links carry their token in the query string, and Directus's HTTP log writes each
 * request's URL (it masks only `access_token`), already serialized before any route runs. Directus's own switch,
 * LOG_HTTP_IGNORE_PATHS, keeps these two routes out of the HTTP log, so a log reader never holds working links.
 */
export const LINK_ROUTES = ['/crm/surveys/answer', '/crm/unsubscribe'] as const;

const QUIET_LEVELS = new Set(['warn', 'error', 'fatal', 'silent']);

function listOf(value: unknown): string[] {
	if (Array.isArray(value)) return value.map(String);
	if (typeof value === 'string')
		return value
			.split(',')
			.map((item) => item.trim())
			.filter(Boolean);
	return [];
}

/** Human-readable problems with the host's configuration; empty when all is well. */
export function configWarnings(env: Record<string, unknown>): string[] {
	const warnings: string[] = [];
	const level = String(env.LOG_LEVEL ?? 'info').toLowerCase();
	const ignored = new Set(listOf(env.LOG_HTTP_IGNORE_PATHS));
	const missing = LINK_ROUTES.filter((route) => !ignored.has(route));
	if (!QUIET_LEVELS.has(level) && missing.length) {
		warnings.push(
			`LOG_HTTP_IGNORE_PATHS should include ${missing.join(',')}: the HTTP log would otherwise record signed survey/unsubscribe link tokens`,
		);
	}
	return warnings;
}
