// Recommendations glue: the rec_* thresholds in crm_settings are checked when saved (400 naming the field, nothing
// written), and every rule is re-mined nightly at 03:40 (with SYNCHRONIZATION_STORE=redis one replica runs it).
import { InvalidPayloadError } from '@directus/errors';
import type { RegisterFunctions } from '@directus/types';
import { loadRecommendationSettings, refreshRecommendations } from '../../../data/recommendations/refresh';
import { checkSettingsPatch } from '../../../domain/recommendations';
import type { CrmContext } from '../../context';

export const RECOMMENDATIONS_CRON = '40 3 * * *';

function checkSettings(payload: unknown) {
	if (typeof payload !== 'object' || payload === null) return payload;
	const issues = checkSettingsPatch(payload as Record<string, unknown>);
	if (issues.length)
		throw new InvalidPayloadError({ reason: issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ') });
	return payload;
}

export function register({ filter, schedule }: RegisterFunctions, { database, purgeCache, logger: log }: CrmContext) {
	filter('crm_settings.items.create', checkSettings);
	filter('crm_settings.items.update', checkSettings);

	schedule(RECOMMENDATIONS_CRON, async () => {
		try {
			const loaded = await loadRecommendationSettings(database);
			if ('issues' in loaded)
				throw new Error(loaded.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '));
			const result = await refreshRecommendations(database, loaded.settings, new Date());
			await purgeCache();
			log.info(
				`crm: recommendations refreshed: ${result.rules} rules for ${result.products_with_rules} products from ${result.baskets} baskets`,
			);
		} catch (error) {
			log.error(error, 'crm: nightly recommendations refresh failed');
		}
	});
}
