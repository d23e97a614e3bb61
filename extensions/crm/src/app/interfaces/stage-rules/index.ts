import { defineInterface } from '@directus/extensions-sdk';
import InterfaceComponent from './interface.vue';

export default defineInterface({
	id: 'crm-stage-rules',
	name: 'CRM stage rules',
	icon: 'stairs',
	description: 'When customers move between relationship stages: one rule per stage, built with the segment builder.',
	component: InterfaceComponent,
	types: ['json'],
	options: null,
});
