// Fetches the builder's lookup lists through the Directus API with the user's own permissions, each once per builder
// and only when a condition needs it. A list that cannot be read (no permission, an error) stays null: free text.
import { ref, type Ref } from 'vue';
import {
	categoryItems,
	choiceItems,
	lookupKey,
	namedItems,
	productItems,
	type LookupItem,
	type LookupSource,
} from './lookups';

interface Api {
	get(path: string, config?: { params?: Record<string, unknown> }): Promise<{ data: { data: unknown } }>;
}

/** Products beyond this are still reachable by typing the id (the select allows other values). */
const MAX_PRODUCTS = 1000;

export interface Lookups {
	/** The items for a source, or null while loading, when unreadable or for no source. */
	items(source: LookupSource | null): LookupItem[] | null;
}

export function useLookups(
	api: Api,
	options: { translate: (key: string) => string; segmentId: () => string | number | null },
): Lookups {
	const rows = async (path: string, params?: Record<string, unknown>) =>
		(await api.get(path, { params })).data.data as Record<string, unknown>[];
	const fetchers: Record<string, () => Promise<LookupItem[] | Record<string, LookupItem[]>>> = {
		products: async () =>
			productItems(await rows('/items/crm_products', { fields: 'id,name,sku', sort: 'name', limit: MAX_PRODUCTS })),
		categories: async () =>
			categoryItems(
				await rows('/items/crm_products', {
					groupBy: 'category',
					aggregate: JSON.stringify({ count: '*' }),
					limit: -1,
				}),
			),
		tiers: async () => namedItems(await rows('/items/crm_tiers', { fields: 'id,name', sort: 'rank', limit: -1 })),
		segments: async () =>
			namedItems(
				await rows('/items/crm_segments', { fields: 'id,name', sort: 'name', limit: -1 }),
				options.segmentId(),
			),
		'choices:crm_customers': async () => choiceItems(await rows('/fields/crm_customers'), options.translate),
		'choices:crm_interactions': async () => choiceItems(await rows('/fields/crm_interactions'), options.translate),
	};
	const loaded = new Map<string, Ref<LookupItem[] | Record<string, LookupItem[]> | null>>();

	function load(key: string) {
		let state = loaded.get(key);
		if (!state) {
			state = ref(null);
			loaded.set(key, state);
			const target = state;
			fetchers[key]!().then(
				(value) => (target.value = value),
				() => (target.value = null),
			);
		}
		return state;
	}

	return {
		items(source) {
			if (!source) return null;
			const value = load(lookupKey(source)).value;
			if (!value) return null;
			const list =
				source.name === 'choices' ? (value as Record<string, LookupItem[]>)[source.field] : (value as LookupItem[]);
			return list && list.length ? list : null;
		},
	};
}
