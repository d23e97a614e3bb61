import { defineInterface } from '@directus/extensions-sdk';
import InterfaceComponent from './interface.vue';

export default defineInterface({
	id: 'crm-time-zone',
	name: 'CRM time zone',
	icon: 'schedule',
	description: 'An IANA time zone picked from the list the browser knows, with its UTC offset.',
	component: InterfaceComponent,
	types: ['string'],
	options: null,
});
