/**
 * Message templates: handlebars with a fixed, safe helper set (no partials, no prototype access, HTML escaped for
 * e-mail), validated when saved, compiled once and cached; the Korean advertising rules applied after rendering.
 */
export {
	asLocale,
	firstNameOf,
	formatCurrency,
	formatDate,
	formatNumber,
	listNames,
	LOCALES,
	plural,
	type FormatContext,
	type Locale,
} from './helpers';
export {
	BLOCK_HELPERS,
	compileTemplate,
	TemplateCache,
	TemplateError,
	TEMPLATE_HELPERS,
	type Rendered,
} from './engine';
export { validateTemplate, type TemplateIssue } from './validate';
export { TEMPLATE_LIMITS, templateLimitIssue } from './limits';
export {
	buildTemplateContext,
	TEMPLATE_VARIABLES,
	type ContextInput,
	type OrderFacts,
	type VarSchema,
} from './variables';
export { composeMessage, type ComposeInput, type TemplateRow } from './compose';
export {
	AD_PREFIX,
	advertisingProblem,
	applyAdvertisingRules,
	htmlToText,
	toEmailHtml,
	type FinalMessage,
	type MessageChannel,
	type MessageParts,
	type Sender,
} from './advertising';
