import { defineModule } from '@directus/extensions-sdk';
import ImportPage from './import-page.vue';

export default defineModule({
	id: 'crm-import',
	name: 'CRM import',
	icon: 'upload_file',
	routes: [{ path: '', component: ImportPage }],
});
