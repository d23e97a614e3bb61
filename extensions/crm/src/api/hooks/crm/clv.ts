// Weekly CLV refit (Sunday 04:10; with SYNCHRONIZATION_STORE=redis one replica runs it), and the CLV settings in
// crm_settings checked when saved (400 naming the field, nothing written).
import { InvalidPayloadError } from '@directus/errors';
import type { RegisterFunctions } from '@directus/types';
import { refitClv } from '../../../data/clv/clv-refit';
import { checkClvSettingsPatch } from '../../../domain/clv';
import type { CrmContext } from '../../context';

function checkSettings(payload: unknown) {
	if (typeof payload !== 'object' || payload === null) return payload;
	const issues = checkClvSettingsPatch(payload as Record<string, unknown>);
	if (issues.length)
		throw new InvalidPayloadError({ reason: issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ') });
	return payload;
}

export function register({ filter, schedule }: RegisterFunctions, { database, purgeCache, logger: log }: CrmContext) {
	filter('crm_settings.items.create', checkSettings);
	filter('crm_settings.items.update', checkSettings);
	schedule('10 4 * * 0', async () => {
		try {
			const result = await refitClv(database, new Date());
			await purgeCache();
			log.info(
				`crm: CLV refitted for ${result.customers} customers with ${result.model} (${result.reason}; models fitted on ${result.fittedOn} in ${Math.round(result.fitMs)} ms)`,
			);
		} catch (error) {
			log.warn(`crm: CLV refit skipped: ${(error as Error).message}`);
		}
	});
}
