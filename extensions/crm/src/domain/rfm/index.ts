/** RFM scoring (tie rule, reference implementation) and named cells; pure. The SQL lives in data/rfm. */
export {
	DAY_MS,
	DEFAULT_RFM_WINDOW_DAYS,
	quintileScores,
	recencyDays,
	RFM_PURCHASE_STATUSES,
	rfmScores,
	rfmWindow,
} from './rfm-scoring';
export type { RfmMeasures, RfmOptions, RfmScores, RfmWindow } from './rfm-scoring';
export { cellFor, cellKeys, DEFAULT_RFM_CELLS } from './rfm-cells';
export type { RfmCell } from './rfm-cells';
