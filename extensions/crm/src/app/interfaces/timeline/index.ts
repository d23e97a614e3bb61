import { defineInterface } from '@directus/extensions-sdk';
import InterfaceComponent from './interface.vue';
import { MESSAGES } from './i18n';

export default defineInterface({
	id: 'crm-timeline',
	name: MESSAGES['en-US'].name,
	icon: 'timeline',
	description:
		'Orders, interactions, survey answers, points and changes of a customer in one feed, with filters and a composer to log a call, visit or note.',
	component: InterfaceComponent,
	types: ['alias'],
	localTypes: ['presentation'],
	group: 'presentation',
	options: null,
});
