import { defineInterface } from '@directus/extensions-sdk';
import InterfaceComponent from './interface.vue';

export default defineInterface({
	id: 'crm-delay',
	name: 'CRM delay (days and hours)',
	icon: 'schedule',
	description: 'A delay entered as days and hours, stored as minutes.',
	component: InterfaceComponent,
	types: ['integer', 'bigInteger'],
	options: null,
});
