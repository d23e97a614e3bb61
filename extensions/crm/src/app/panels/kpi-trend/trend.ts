// Pure request building and chart geometry for the KPI trend panel; the .vue only draws what this returns.
import { kpiDefinition, type KpiUnit } from '../../../domain/kpi/definitions';
import { isPeriodUnit } from '../../../domain/kpi/period';
import {
	formatKpiValue,
	formatPeriodKey,
	parseSegmentOption,
	segmentParam,
	type PanelLanguage,
} from '../kpi-common/format';
import { translate } from './i18n';

export interface TrendOptions {
	kpi?: string | null;
	period?: string | null;
	points?: number | string | null;
	segments?: string | string[] | null;
	channel?: string | null;
	/** End with the last complete period instead of the current one (so far). */
	completed?: boolean | null;
}

export function trendRequest(options: TrendOptions): { path: string; params: Record<string, string> } {
	const params: Record<string, string> = {
		kpi: options.kpi && kpiDefinition(options.kpi) ? options.kpi : 'revenue',
		period: isPeriodUnit(options.period) ? options.period : 'month',
		points: String(Math.min(60, Math.max(2, Math.round(Number(options.points) || 12)))),
		segment: segmentParam(parseSegmentOption(options.segments)),
	};
	const channel = typeof options.channel === 'string' ? options.channel.trim() : '';
	if (/^[a-z_]{1,32}$/.test(channel)) params.channel = channel;
	if (options.completed) params.back = '1';
	return { path: '/crm/kpi/trend', params };
}

export interface TrendData {
	kpi: string;
	unit: KpiUnit;
	goal: number | null;
	series: { segment: number | null; name: string | null; points: { key: string; value: number | null }[] }[];
}

export const COLORS = [
	'var(--theme--primary)',
	'#2ECDA7',
	'#FFA439',
	'#E35169',
	'#6644FF',
	'#FFC23B',
	'#A2B5CD',
	'#3399FF',
];

export interface Chart {
	width: number;
	height: number;
	series: { key: string; name: string; color: string; path: string; dots: { x: number; y: number; title: string }[] }[];
	yTicks: { y: number; label: string }[];
	xLabels: { x: number; label: string }[];
	goal: { y: number; label: string } | null;
	plot: { left: number; right: number; top: number; bottom: number };
}

export const isEmptyTrend = (data: TrendData | null | undefined) =>
	!data || data.series.every((s) => s.points.every((p) => p.value === null));

/** A step of 1, 2 or 5 × 10^n giving about `count` intervals over `span`. */
export function niceStep(span: number, count = 5): number {
	if (!(span > 0)) return 1;
	const raw = span / count;
	const power = 10 ** Math.floor(Math.log10(raw));
	const fraction = raw / power;
	return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
}

export function toChart(
	data: TrendData,
	language: PanelLanguage,
	currency: string | null | undefined,
	size = { width: 640, height: 260 },
): Chart {
	const plot = { left: 72, right: size.width - 28, top: 12, bottom: size.height - 28 };
	const values = data.series
		.flatMap((s) => s.points.map((p) => p.value))
		.filter((v): v is number => v !== null && Number.isFinite(v));
	if (data.goal !== null) values.push(data.goal);
	const low = Math.min(0, ...values);
	const high = Math.max(low + 1e-9, ...values);
	const step = niceStep(high - low);
	const min = Math.floor(low / step + 1e-9) * step;
	const max = Math.max(min + step, Math.ceil(high / step - 1e-9) * step);
	const r = (n: number) => Math.round(n * 10) / 10;
	const y = (v: number) => r(plot.bottom - ((v - min) * (plot.bottom - plot.top)) / (max - min));
	const keys = data.series[0]?.points.map((p) => p.key) ?? [];
	const x = (i: number) =>
		r(keys.length <= 1 ? (plot.left + plot.right) / 2 : plot.left + (i * (plot.right - plot.left)) / (keys.length - 1));
	const yTicks: Chart['yTicks'] = [];
	for (let v = min; v <= max + step / 2; v += step)
		yTicks.push({
			y: y(v),
			label: formatKpiValue(Math.abs(v) < step / 1e6 ? 0 : v, data.unit, language, currency, true),
		});
	// At most 8 labels, counted back from the latest period so it is always labelled.
	const every = Math.max(1, Math.ceil(keys.length / 8));
	const xLabels = keys.flatMap((key, i) =>
		(keys.length - 1 - i) % every === 0 ? [{ x: x(i), label: formatPeriodKey(key, language, true) }] : [],
	);
	const series = data.series.map((s, index) => {
		const name =
			s.segment === null
				? translate(language, 'all_customers')
				: (s.name ?? translate(language, 'segment', { id: s.segment }));
		let path = '';
		let pen = false;
		const dots: Chart['series'][number]['dots'] = [];
		s.points.forEach((p, i) => {
			if (p.value === null || !Number.isFinite(p.value)) {
				pen = false;
				return;
			}
			path += `${pen ? 'L' : 'M'}${x(i)},${y(p.value)} `;
			pen = true;
			dots.push({
				x: x(i),
				y: y(p.value),
				title: `${name} · ${formatPeriodKey(p.key, language)}: ${formatKpiValue(p.value, data.unit, language, currency)}`,
			});
		});
		return { key: String(s.segment ?? 'all'), name, color: COLORS[index % COLORS.length], path: path.trim(), dots };
	});
	const goal =
		data.goal === null
			? null
			: {
					y: y(data.goal),
					label: translate(language, 'goal', { value: formatKpiValue(data.goal, data.unit, language, currency) }),
				};
	return { width: size.width, height: size.height, series, yTicks, xLabels, goal, plot };
}
