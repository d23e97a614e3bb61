// State of the members list on a saved segment's page: the segment's count and last refresh, one page of current
// members, and the "refresh now" button (POST /crm/segments/:id/refresh). The server computes; nothing here does.
import { ref, watch, type Ref } from 'vue';
import { apiErrorMessage } from '../../shared/api-error';
import { memberRows, membersQuery, pageCount, readSegmentState, type MemberRow, type SegmentState } from './members';

interface Api {
	get(
		path: string,
		config?: { params?: Record<string, unknown> },
	): Promise<{ data: { data: unknown; meta?: unknown } }>;
	post(path: string, body?: unknown): Promise<{ data: { data: unknown } }>;
}

export interface RefreshAnswer {
	members: number;
	entered: number;
	left: number;
}

export function useSegmentMembers(api: Api, segment: Ref<string | number | null>) {
	const state = ref<SegmentState | null>(null);
	const rows = ref<MemberRow[]>([]);
	const total = ref(0);
	const page = ref(1);
	const pages = ref(1);
	const loading = ref(false);
	const refreshing = ref(false);
	const error = ref('');
	/** What failed last: reading the members, or the refresh. */
	const failed = ref<'load' | 'refresh'>('load');
	const refreshed = ref<RefreshAnswer | null>(null);
	let sequence = 0;

	async function load() {
		const id = segment.value;
		const mine = ++sequence;
		if (id === null) {
			state.value = null;
			rows.value = [];
			total.value = 0;
			return;
		}
		loading.value = true;
		try {
			const [item, members] = await Promise.all([
				api.get(`/items/crm_segments/${encodeURIComponent(String(id))}`, {
					params: { fields: 'kind,member_count,refreshed_at' },
				}),
				api.get('/items/crm_segment_members', { params: membersQuery(id, page.value) }),
			]);
			if (mine !== sequence) return;
			state.value = readSegmentState(item.data.data);
			rows.value = memberRows(members.data.data);
			const count = Number((members.data.meta as { filter_count?: unknown } | undefined)?.filter_count);
			total.value = Number.isSafeInteger(count) && count >= 0 ? count : rows.value.length;
			pages.value = pageCount(total.value);
			error.value = '';
		} catch (failure) {
			if (mine === sequence) {
				failed.value = 'load';
				error.value = apiErrorMessage(failure);
			}
		} finally {
			if (mine === sequence) loading.value = false;
		}
	}

	async function refresh() {
		const id = segment.value;
		if (id === null || refreshing.value) return;
		refreshing.value = true;
		error.value = '';
		try {
			const answer = (await api.post(`/crm/segments/${encodeURIComponent(String(id))}/refresh`)).data
				.data as RefreshAnswer;
			refreshed.value = { members: answer.members, entered: answer.entered, left: answer.left };
			page.value = 1;
			await load();
		} catch (failure) {
			failed.value = 'refresh';
			error.value = apiErrorMessage(failure);
		} finally {
			refreshing.value = false;
		}
	}

	function goTo(next: number) {
		const bounded = Math.min(Math.max(1, Math.trunc(next)), pages.value);
		if (bounded === page.value) return;
		page.value = bounded;
		void load();
	}

	watch(
		segment,
		() => {
			page.value = 1;
			refreshed.value = null;
			void load();
		},
		{ immediate: true },
	);

	return { state, rows, total, page, pages, loading, refreshing, error, failed, refreshed, refresh, goTo, load };
}
