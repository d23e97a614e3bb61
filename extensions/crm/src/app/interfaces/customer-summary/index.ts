import { defineInterface } from '@directus/extensions-sdk';
import InterfaceComponent from './interface.vue';
import { MESSAGES } from './i18n';

export default defineInterface({
	id: 'crm-customer-summary',
	name: MESSAGES['en-US'].name,
	icon: 'badge',
	description:
		'Stage, tier, lifetime spend, orders, last purchase, NPS, owner and consent badges at the top of a customer.',
	component: InterfaceComponent,
	types: ['alias'],
	localTypes: ['presentation'],
	group: 'presentation',
	hideLabel: true,
	options: null,
});
