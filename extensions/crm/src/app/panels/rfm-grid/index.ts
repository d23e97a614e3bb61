// RFM grid panel for Directus Insights. Data comes from GET /crm/rfm/grid (not Directus's panel query system),
// so there is no query(); the pure shaping lives in grid.ts and the component only renders.
import { definePanel } from '@directus/extensions-sdk';
import { refreshSignalQuery } from '../kpi-common/refresh';
import { MESSAGES } from './i18n';
import PanelComponent from './rfm-grid-panel.vue';

export default definePanel({
	id: 'crm-rfm-grid',
	name: MESSAGES['en-US'].panel_name,
	description: MESSAGES['en-US'].panel_description,
	icon: 'grid_view',
	component: PanelComponent,
	query: refreshSignalQuery,
	options: [
		{
			field: 'currency',
			name: MESSAGES['en-US'].currency_option,
			type: 'string',
			schema: { default_value: 'KRW' },
			meta: { interface: 'input', width: 'half', options: { placeholder: 'KRW', trim: true } },
		},
	],
	minWidth: 16,
	minHeight: 14,
});
