import { defineInterface } from '@directus/extensions-sdk';
import InterfaceComponent from './interface.vue';

export default defineInterface({
	id: 'crm-duplicates',
	name: 'CRM possible duplicates',
	icon: 'join_inner',
	description: 'Other customer records that look like the same person, and merging one into this customer.',
	component: InterfaceComponent,
	types: ['alias'],
	localTypes: ['presentation'],
	group: 'presentation',
	// The card carries its own heading ("중복 의심 고객").
	hideLabel: true,
	options: null,
});
