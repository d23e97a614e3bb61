// State of the static-segment members upload: read the file (UTF-8 or EUC-KR, as the customer import does), preview
// it as a dry run, then confirm. The server matches customers and writes; nothing is computed here.
import { ref, type Ref } from 'vue';
import { apiErrorMessage } from '../../shared/api-error';
import { decodeCsvBytes } from '../../modules/import/import-plan';
import type { UploadAnswer } from './upload-report';

interface Api {
	post(path: string, body: unknown): Promise<{ data: { data: unknown } }>;
}

export function useMemberUpload(api: Api, segment: Ref<string | number | null>) {
	const csv = ref('');
	const fileName = ref<string | null>(null);
	const mode = ref<'add' | 'replace'>('add');
	const preview = ref<UploadAnswer | null>(null);
	const result = ref<UploadAnswer | null>(null);
	const busy = ref(false);
	const error = ref('');

	async function send(dryRun: boolean): Promise<UploadAnswer | null> {
		if (segment.value === null || !csv.value) return null;
		busy.value = true;
		error.value = '';
		try {
			return (
				await api.post(`/crm/segments/${segment.value}/members/import`, {
					csv: csv.value,
					mode: mode.value,
					dry_run: dryRun,
				})
			).data.data as UploadAnswer;
		} catch (failure) {
			error.value = apiErrorMessage(failure);
			return null;
		} finally {
			busy.value = false;
		}
	}

	async function runPreview() {
		result.value = null;
		preview.value = await send(true);
	}

	async function readFile(file: File) {
		csv.value = decodeCsvBytes(new Uint8Array(await file.arrayBuffer())).text;
		fileName.value = file.name;
		await runPreview();
	}

	async function setMode(next: 'add' | 'replace') {
		mode.value = next;
		if (csv.value) await runPreview();
	}

	async function confirm() {
		const done = await send(false);
		if (!done) return;
		result.value = done;
		preview.value = null;
	}

	return { fileName, mode, preview, result, busy, error, readFile, setMode, confirm };
}
