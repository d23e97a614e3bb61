import { defineInterface } from '@directus/extensions-sdk';
import InterfaceComponent from './interface.vue';

export default defineInterface({
	id: 'crm-loyalty-card',
	name: 'CRM loyalty card',
	icon: 'loyalty',
	description:
		'Points balance, tier progress, expiring points, recent movements, reward redemption and manual adjustment.',
	component: InterfaceComponent,
	types: ['alias'],
	localTypes: ['presentation'],
	group: 'presentation',
	options: null,
});
