// Cohort retention heatmap panel for Directus Insights: data from GET /crm/kpi/cohorts; shaping in heatmap.ts.
import { definePanel } from '@directus/extensions-sdk';
import { refreshSignalQuery } from '../kpi-common/refresh';
import { MESSAGES } from './i18n';
import PanelComponent from './cohort-heatmap-panel.vue';

const en = MESSAGES['en-US'];

export default definePanel({
	id: 'crm-cohort-heatmap',
	name: en.panel_name,
	description: en.panel_description,
	icon: 'grid_on',
	component: PanelComponent,
	query: refreshSignalQuery,
	options: [
		{
			field: 'months',
			name: en.months_option,
			type: 'integer',
			schema: { default_value: 12 },
			meta: { interface: 'input', width: 'half', options: { min: 1, max: 36 } },
		},
		{
			field: 'channel',
			name: en.channel_option,
			type: 'string',
			meta: { interface: 'input', width: 'half', options: { placeholder: 'web', trim: true } },
		},
		{ field: 'segment', name: en.segment_option, type: 'integer', meta: { interface: 'input', width: 'half' } },
	],
	minWidth: 20,
	minHeight: 12,
});
