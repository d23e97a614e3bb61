import { defineInterface } from '@directus/extensions-sdk';
import InterfaceComponent from './interface.vue';

export default defineInterface({
	id: 'crm-kpi-goals',
	name: 'CRM KPI goals',
	icon: 'flag',
	description: 'Goals per KPI: a target value, or a change on the previous period.',
	component: InterfaceComponent,
	types: ['json'],
	options: null,
});
