// KPI trend panel for Directus Insights: one KPI over periods, one line per segment, from GET /crm/kpi/trend;
// the chart geometry lives in trend.ts and the component only draws it.
import { definePanel } from '@directus/extensions-sdk';
import { refreshSignalQuery } from '../kpi-common/refresh';
import { KPI_DEFINITIONS } from '../../../domain/kpi/definitions';
import { PERIOD_UNITS } from '../../../domain/kpi/period';
import { MESSAGES } from './i18n';
import PanelComponent from './kpi-trend-panel.vue';

const en = MESSAGES['en-US'];
const UNIT_LABELS = { day: 'Day · 일', week: 'Week · 주', month: 'Month · 월', quarter: 'Quarter · 분기' };

export default definePanel({
	id: 'crm-kpi-trend',
	name: en.panel_name,
	description: en.panel_description,
	icon: 'show_chart',
	component: PanelComponent,
	query: refreshSignalQuery,
	options: [
		{
			field: 'kpi',
			name: en.kpi_option,
			type: 'string',
			schema: { default_value: 'revenue' },
			meta: {
				interface: 'select-dropdown',
				width: 'half',
				options: { choices: KPI_DEFINITIONS.map((d) => ({ text: `${d.label.en} · ${d.label.ko}`, value: d.id })) },
			},
		},
		{
			field: 'period',
			name: en.period_option,
			type: 'string',
			schema: { default_value: 'month' },
			meta: {
				interface: 'select-dropdown',
				width: 'half',
				options: { choices: PERIOD_UNITS.map((unit) => ({ text: UNIT_LABELS[unit], value: unit })) },
			},
		},
		{
			field: 'points',
			name: en.points_option,
			type: 'integer',
			schema: { default_value: 12 },
			meta: { interface: 'input', width: 'half', options: { min: 2, max: 60 } },
		},
		{
			field: 'segments',
			name: en.segments_option,
			type: 'csv',
			schema: { default_value: ['all'] },
			meta: { interface: 'tags', width: 'half', options: { placeholder: 'all, 3' } },
		},
		{
			field: 'channel',
			name: en.channel_option,
			type: 'string',
			meta: { interface: 'input', width: 'half', options: { placeholder: 'web', trim: true } },
		},
		{
			field: 'completed',
			name: en.completed_option,
			type: 'boolean',
			schema: { default_value: false },
			meta: { interface: 'boolean', width: 'half', options: { label: en.completed_label } },
		},
		{
			field: 'currency',
			name: en.currency_option,
			type: 'string',
			schema: { default_value: 'KRW' },
			meta: { interface: 'input', width: 'half', options: { placeholder: 'KRW', trim: true } },
		},
	],
	minWidth: 16,
	minHeight: 10,
});
