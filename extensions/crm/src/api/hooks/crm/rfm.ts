// Nightly RFM rescoring; with SYNCHRONIZATION_STORE=redis only one replica runs each tick.
import type { RegisterFunctions } from '@directus/types';
import { applyRfmScores } from '../../../data/rfm/rfm-scores-query';
import { DEFAULT_RFM_WINDOW_DAYS } from '../../../domain/rfm';
import type { CrmContext } from '../../context';

export function register({ schedule }: RegisterFunctions, { database, logger }: CrmContext) {
	schedule('15 3 * * *', async () => {
		await applyRfmScores(database, { now: new Date(), windowDays: DEFAULT_RFM_WINDOW_DAYS });
		logger.info('crm: nightly RFM scores updated');
	});
}
