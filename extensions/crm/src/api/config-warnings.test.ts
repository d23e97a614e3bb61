import { describe, expect, it } from 'vitest';
import { configWarnings, LINK_ROUTES } from './config-warnings';

describe('configWarnings', () => {
	it('asks for the link routes to be kept out of the HTTP log when requests are logged', () => {
		const [warning] = configWarnings({ LOG_LEVEL: 'info' });
		expect(warning).toContain('LOG_HTTP_IGNORE_PATHS should include /crm/surveys/answer,/crm/unsubscribe');
		expect(configWarnings({})).toHaveLength(1);
	});

	it('names only the routes still missing, from a list or a comma-separated string', () => {
		expect(
			configWarnings({ LOG_LEVEL: 'debug', LOG_HTTP_IGNORE_PATHS: ['/server/ping', '/crm/unsubscribe'] })[0],
		).toMatch(/include \/crm\/surveys\/answer:/);
		expect(
			configWarnings({ LOG_LEVEL: 'trace', LOG_HTTP_IGNORE_PATHS: ' /crm/unsubscribe , /crm/surveys/answer ' }),
		).toEqual([]);
		expect(configWarnings({ LOG_HTTP_IGNORE_PATHS: [...LINK_ROUTES] })).toEqual([]);
	});

	it('is quiet when the HTTP log is off anyway (warn and above)', () => {
		for (const level of ['warn', 'error', 'fatal', 'silent', 'WARN'])
			expect(configWarnings({ LOG_LEVEL: level })).toEqual([]);
	});
});
