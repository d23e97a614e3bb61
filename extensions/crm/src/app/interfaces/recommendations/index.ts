import { defineInterface } from '@directus/extensions-sdk';
import InterfaceComponent from './interface.vue';

export default defineInterface({
	id: 'crm-recommendations',
	name: 'CRM recommendations',
	icon: 'recommend',
	description: 'Customers who bought … also bought: products to suggest to this customer, with confidence and lift.',
	component: InterfaceComponent,
	types: ['alias'],
	localTypes: ['presentation'],
	group: 'presentation',
	// The card carries its own heading ("함께 구매한 상품").
	hideLabel: true,
	options: null,
});
