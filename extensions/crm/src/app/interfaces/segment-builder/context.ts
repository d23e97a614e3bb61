// What the builder's root shares with its recursive groups and condition rows.
import type { InjectionKey, Ref } from 'vue';
import type { Translator } from './i18n';
import type { Lookups } from './use-lookups';

export interface BuilderContext {
	tr: Ref<Translator>;
	disabled: Ref<boolean>;
	/** Problems from the preview endpoint, keyed by rule path ("all[0].value"). */
	issues: Ref<Record<string, string[]>>;
	/** Real values for pickers (products, categories, tiers, segments, choices), fetched on demand. */
	lookups: Lookups;
}

export const BUILDER: InjectionKey<BuilderContext> = Symbol('crm-segment-builder');
