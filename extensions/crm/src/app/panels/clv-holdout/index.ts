// CLV calibration-vs-holdout panel for Directus Insights: the settings row's clv_fit (each refit writes it), shaped in
// holdout.ts; query() re-reads it whenever the dashboard refreshes.
import { definePanel } from '@directus/extensions-sdk';
import PanelComponent from './clv-holdout-panel.vue';
import { MESSAGES } from './i18n';

const en = MESSAGES['en-US'];

export default definePanel({
	id: 'crm-clv-holdout',
	name: en.panel_name,
	description: en.panel_description,
	icon: 'query_stats',
	component: PanelComponent,
	query: () => ({ collection: 'crm_settings', query: { fields: ['clv_fit'] } }),
	options: [],
	minWidth: 20,
	minHeight: 10,
});
