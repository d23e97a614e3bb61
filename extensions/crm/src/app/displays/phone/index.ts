import { defineDisplay } from '@directus/extensions-sdk';
import DisplayComponent from './display.vue';

export default defineDisplay({
	id: 'crm-phone',
	name: 'CRM phone',
	icon: 'phone',
	description: 'A stored E.164 phone as staff read it: 010-9712-4198 for Korean numbers, +1 212 555 1234 for others.',
	component: DisplayComponent,
	types: ['string'],
	options: null,
});
