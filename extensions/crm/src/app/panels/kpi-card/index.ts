// KPI card panel for Directus Insights: data from GET /crm/kpi and /crm/kpi/trend (not Directus's panel query system);
// the pure shaping lives in card.ts and the component only renders.
import { definePanel } from '@directus/extensions-sdk';
import { refreshSignalQuery } from '../kpi-common/refresh';
import { KPI_DEFINITIONS } from '../../../domain/kpi/definitions';
import { PERIOD_UNITS } from '../../../domain/kpi/period';
import { MESSAGES } from './i18n';
import PanelComponent from './kpi-card-panel.vue';

const en = MESSAGES['en-US'];
const ko = MESSAGES['ko-KR'];

export default definePanel({
	id: 'crm-kpi-card',
	name: en.panel_name,
	description: en.panel_description,
	icon: 'speed',
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
				options: { choices: PERIOD_UNITS.map((unit) => ({ text: `${en[unit]} · ${ko[unit]}`, value: unit })) },
			},
		},
		{ field: 'segment', name: en.segment_option, type: 'integer', meta: { interface: 'input', width: 'half' } },
		{
			field: 'points',
			name: en.points_option,
			type: 'integer',
			schema: { default_value: 12 },
			meta: { interface: 'input', width: 'half', options: { min: 2, max: 60 } },
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
	minWidth: 10,
	minHeight: 9,
});
