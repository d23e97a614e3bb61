// Pure request building and shaping for the cohort heatmap panel; the .vue only renders what this returns.
import type { CohortMatrix } from '../../../domain/kpi/cohort';
import { formatPeriodKey, type PanelLanguage } from '../kpi-common/format';
import { translate } from './i18n';

export type Mode = 'percent' | 'count';

export interface HeatmapOptions {
	months?: number | string | null;
	channel?: string | null;
	segment?: number | string | null;
}

export function cohortRequest(options: HeatmapOptions): { path: string; params: Record<string, string> } {
	const months = Math.min(36, Math.max(1, Math.round(Number(options.months) || 12)));
	const params: Record<string, string> = { months: String(months) };
	const channel = typeof options.channel === 'string' ? options.channel.trim() : '';
	if (/^[a-z_]{1,32}$/.test(channel)) params.channel = channel;
	const segment = String(options.segment ?? '').trim();
	if (/^\d+$/.test(segment)) params.segment = segment;
	return { path: '/crm/kpi/cohorts', params };
}

export const isEmptyCohorts = (matrix: CohortMatrix | null | undefined) =>
	!matrix || matrix.cohorts.every((c) => c.size === 0);

export interface HeatCell {
	offset: number;
	label: string;
	/** 0..1 shade: the rate (percent mode) or the share of the largest count (count mode). */
	intensity: number;
	title: string;
	/** False in the month still in progress (shown apart, left out of the average). */
	complete: boolean;
}

export interface HeatRow {
	key: string;
	label: string;
	sizeLabel: string;
	cells: HeatCell[];
}

export interface Heatmap {
	columns: string[];
	rows: HeatRow[];
	average: HeatCell[];
}

export function toHeatmap(matrix: CohortMatrix, mode: Mode, language: PanelLanguage): Heatmap {
	const count = new Intl.NumberFormat(language);
	const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
	const max = Math.max(1, ...matrix.cohorts.flatMap((c) => c.cells.map((cell) => cell.customers)));
	const rows = matrix.cohorts.map((cohort): HeatRow => {
		const label = formatPeriodKey(cohort.key, language);
		return {
			key: cohort.key,
			label,
			sizeLabel: count.format(cohort.size),
			cells: cohort.cells.map((cell) => {
				const rate = cell.rate === null ? '–' : percent.format(cell.rate);
				const complete = cell.complete !== false;
				const title = translate(language, 'cell_title', {
					cohort: label,
					size: count.format(cohort.size),
					customers: count.format(cell.customers),
					rate,
					n: cell.offset,
				});
				return {
					offset: cell.offset,
					label: mode === 'percent' ? rate : count.format(cell.customers),
					intensity: mode === 'percent' ? (cell.rate ?? 0) : cell.customers / max,
					title: complete ? title : `${title} (${translate(language, 'in_progress')})`,
					complete,
				};
			}),
		};
	});
	const average = matrix.average.map((rate, offset) => ({
		offset,
		label: rate === null ? '–' : percent.format(rate),
		intensity: rate ?? 0,
		title: `${translate(language, 'average')} ${translate(language, 'offset', { n: offset })}: ${rate === null ? '–' : percent.format(rate)} (${translate(language, 'average_complete')})`,
		complete: true,
	}));
	return { columns: matrix.months.map((_, n) => translate(language, 'offset', { n })), rows, average };
}
