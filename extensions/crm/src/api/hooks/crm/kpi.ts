// Nightly KPI snapshots: at 00:20 server time, every complete local day of the last week that has no snapshot yet
// (normally just yesterday; a missed night is filled the next one). With Redis synchronisation one replica runs it,
// and the unique snapshot_key makes a second run harmless anyway.
import type { RegisterFunctions } from '@directus/types';
import { writeMissingSnapshots } from '../../../data/kpi/snapshots';
import { crmTimeZone } from '../../../data/settings';
import type { CrmContext } from '../../context';

export const KPI_SNAPSHOT_CRON = '20 0 * * *';

export function register({ schedule }: RegisterFunctions, { database, logger: log }: CrmContext) {
	schedule(KPI_SNAPSHOT_CRON, async () => {
		try {
			const written = await writeMissingSnapshots(database, new Date(), await crmTimeZone(database));
			log.info(`crm: KPI snapshots written for ${written.length ? written.join(', ') : 'no new day'}`);
		} catch (error) {
			log.error(error, 'crm: KPI snapshots failed');
		}
	});
}
