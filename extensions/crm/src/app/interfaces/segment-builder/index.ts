import { defineInterface } from '@directus/extensions-sdk';
import InterfaceComponent from './interface.vue';

export default defineInterface({
	id: 'crm-segment-builder',
	name: 'CRM segment builder',
	icon: 'account_tree',
	description: 'Build a segment rule visually, with a live member count and a plain-language summary.',
	component: InterfaceComponent,
	types: ['json'],
	options: null,
});
