// The Korean/English message machinery every admin interface, panel and module shares: each keeps its own
// MESSAGES table (one object per language, the English typed as `typeof ko` so both have every key).
export type Language = 'ko-KR' | 'en-US';
export type Vars = Record<string, string | number>;

/**
 * What a `{name}` placeholder with no value becomes: '' (interfaces, module) or the placeholder kept as written
 * (dashboard panels, so a label built without one of its values still reads as a template, not as a gap).
 */
export type MissingVar = 'empty' | 'keep';

/** Korean for any ko* locale, English otherwise. */
export const toLanguage = (locale: unknown): Language =>
	typeof locale === 'string' && locale.toLowerCase().startsWith('ko') ? 'ko-KR' : 'en-US';

/** `template` with each `{name}` replaced by `vars[name]` (own keys only, so `{constructor}` is not a value). */
export function fill(template: string, vars: Vars = {}, missing: MissingVar = 'empty'): string {
	return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
		const value = Object.hasOwn(vars, name) ? vars[name] : undefined;
		if (value === undefined || value === null) return missing === 'keep' ? whole : '';
		return String(value);
	});
}

/** `translate(language, key, vars)` over one MESSAGES table; keys outside the table do not compile. */
export function messageTranslate<M extends Record<keyof M, string>>(
	messages: Record<Language, M>,
	missing: MissingVar = 'empty',
) {
	return (language: Language, key: keyof M, vars: Vars = {}): string => fill(messages[language][key], vars, missing);
}

/** `translator(language)` → `{ language, t(key, vars) }` over one MESSAGES table, for a component's `tr`. */
export function messageTranslator<M extends Record<keyof M, string>>(
	messages: Record<Language, M>,
	missing: MissingVar = 'empty',
) {
	const translate = messageTranslate(messages, missing);
	return (language: Language) => ({ language, t: (key: keyof M, vars: Vars = {}) => translate(language, key, vars) });
}
