// Pure request building and shaping for the KPI card panel; the .vue only renders what this returns.
import { kpiDefinition, type KpiUnit } from '../../../domain/kpi/definitions';
import { isPeriodUnit, type PeriodUnit } from '../../../domain/kpi/period';
import { formatChange, formatKpiValue, formatPeriodKey, type PanelLanguage } from '../kpi-common/format';
import { translate } from './i18n';

export interface CardOptions {
	kpi?: string | null;
	period?: string | null;
	segment?: number | string | null;
	points?: number | string | null;
	/** Show the last complete period instead of the current one (so far). */
	completed?: boolean | null;
}

export interface Request {
	path: string;
	params: Record<string, string>;
}

export const DEFAULT_KPI = 'revenue';

function normalize(options: CardOptions) {
	const kpi = options.kpi && kpiDefinition(options.kpi) ? options.kpi : DEFAULT_KPI;
	const period: PeriodUnit = isPeriodUnit(options.period) ? options.period : 'month';
	const segment =
		options.segment !== null && options.segment !== undefined && /^\d+$/.test(String(options.segment).trim())
			? String(options.segment).trim()
			: null;
	const points = Math.min(60, Math.max(2, Number(options.points) || 12));
	return { kpi, period, segment, points };
}

/** The two calls a card makes: the KPI with its previous period and goal, and its recent trend for the sparkline. */
export function cardRequests(options: CardOptions): { report: Request; trend: Request } {
	const { kpi, period, segment, points } = normalize(options);
	const filter: Record<string, string> = {
		...(segment ? { segment } : {}),
		...(options.completed ? { back: '1' } : {}),
	};
	return {
		report: { path: '/crm/kpi', params: { kpis: kpi, period, ...filter } },
		trend: { path: '/crm/kpi/trend', params: { kpi, period, points: String(points), ...filter } },
	};
}

export interface ReportKpi {
	id: string;
	unit: KpiUnit;
	value: number | null;
	previous: number | null;
	change: { absolute: number; relative: number | null; trend: 'better' | 'worse' | 'flat' } | null;
	goal: { target: number; progress: number; met: boolean } | null;
}

export interface ReportData {
	period: { key: string; unit: PeriodUnit };
	previous_period: { key: string };
	kpis: ReportKpi[];
	skipped: string[];
}

export interface TrendData {
	series: { points: { key: string; value: number | null }[] }[];
}

export interface Sparkline {
	line: string;
	area: string;
	last: { x: number; y: number } | null;
}

/** An SVG path through the values (gaps at nulls), scaled into width × height; null with fewer than two values. */
export function sparkline(
	values: readonly (number | null)[],
	width: number,
	height: number,
	pad = 3,
): Sparkline | null {
	const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
	if (present.length < 2) return null;
	const min = Math.min(...present);
	const max = Math.max(...present);
	const x = (i: number) => pad + (values.length === 1 ? 0 : (i * (width - 2 * pad)) / (values.length - 1));
	const y = (v: number) => (max === min ? height / 2 : pad + ((max - v) * (height - 2 * pad)) / (max - min));
	const r = (n: number) => Math.round(n * 10) / 10;
	let line = '';
	let pen = false;
	let last: Sparkline['last'] = null;
	const drawn: number[] = [];
	values.forEach((v, i) => {
		if (v === null || !Number.isFinite(v)) {
			pen = false;
			return;
		}
		line += `${pen ? 'L' : 'M'}${r(x(i))},${r(y(v))} `;
		pen = true;
		drawn.push(i);
		last = { x: r(x(i)), y: r(y(v)) };
	});
	const area = `${line}L${r(x(drawn[drawn.length - 1]))},${height} L${r(x(drawn[0]))},${height} Z`;
	return { line: line.trim(), area, last };
}

export type CardView =
	| { state: 'skipped'; label: string }
	| { state: 'empty'; label: string; message: string }
	| {
			state: 'value';
			label: string;
			value: string;
			periodLabel: string;
			change: { label: string; trend: 'better' | 'worse' | 'flat' } | null;
			previous: string;
			spark: Sparkline | null;
			goal: { label: string; percent: number; met: boolean } | null;
	  };

export function toCardView(
	report: ReportData,
	trend: TrendData | null,
	language: PanelLanguage,
	currency: string | null | undefined,
	sparkSize = { width: 120, height: 36 },
): CardView {
	const id = report.kpis[0]?.id ?? report.skipped[0] ?? DEFAULT_KPI;
	const definition = kpiDefinition(id);
	const label = definition ? (language === 'ko-KR' ? definition.label.ko : definition.label.en) : id;
	const kpi = report.kpis[0];
	if (!kpi) return { state: 'skipped', label };
	const periodLabel = formatPeriodKey(report.period.key, language);
	if (kpi.value === null)
		return { state: 'empty', label, message: translate(language, 'empty', { period: periodLabel }) };
	const values = trend?.series[0]?.points.map((p) => p.value) ?? [];
	const goal = kpi.goal
		? {
				label: kpi.goal.met
					? translate(language, 'goal_met')
					: translate(language, 'goal', { target: formatKpiValue(kpi.goal.target, kpi.unit, language, currency) }),
				percent: Math.round(Math.min(1, Math.max(0, kpi.goal.progress)) * 100),
				met: kpi.goal.met,
			}
		: null;
	const changeLabel = formatChange(kpi.change, kpi.unit, language, currency);
	return {
		state: 'value',
		label,
		value: formatKpiValue(kpi.value, kpi.unit, language, currency),
		periodLabel,
		change: changeLabel && kpi.change ? { label: changeLabel, trend: kpi.change.trend } : null,
		previous: translate(language, 'previous', { value: formatKpiValue(kpi.previous, kpi.unit, language, currency) }),
		spark: sparkline(values, sparkSize.width, sparkSize.height),
		goal,
	};
}
