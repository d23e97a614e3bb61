// Weekly CLV refit (Sunday 04:10; with SYNCHRONIZATION_STORE=redis one replica runs it).
import type { RegisterFunctions } from '@directus/types';
import { refitClv } from '../../../data/clv/clv-refit';
import type { CrmContext } from '../../context';

export function register({ schedule }: RegisterFunctions, { database, purgeCache, logger: log }: CrmContext) {
	schedule('10 4 * * 0', async () => {
		try {
			const result = await refitClv(database, new Date());
			await purgeCache();
			log.info(
				`crm: CLV refitted for ${result.customers} customers (models fitted on ${result.fittedOn} in ${Math.round(result.fitMs)} ms)`,
			);
		} catch (error) {
			log.warn(`crm: CLV refit skipped: ${(error as Error).message}`);
		}
	});
}
