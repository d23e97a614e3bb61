// The template engine: an isolated handlebars instance with only the CRM's helpers and the block helpers if, unless,
// each and with (no log, no lookup, no partials, no decorators), prototype access off, HTML escaped for e-mail.
// Templates compile once and are cached by template id and update time.
import Handlebars from 'handlebars';
import {
	asLocale,
	formatCurrency,
	formatDate,
	formatNumber,
	listNames,
	plural,
	withDefault,
	type FormatContext,
} from './helpers';
import { templateLimitIssue } from './limits';

export const TEMPLATE_HELPERS: Record<string, { args: [number, number]; usage: string }> = {
	formatDate: { args: [1, 2], usage: '{{formatDate order.ordered_at "long|short|datetime|monthDay|time"}}' },
	formatCurrency: { args: [1, 2], usage: '{{formatCurrency order.total "KRW"}}' },
	formatNumber: { args: [1, 1], usage: '{{formatNumber points.balance}}' },
	plural: { args: [2, 3], usage: '{{plural count "item" "items"}}' },
	list: { args: [1, 2], usage: '{{list last_order.product_names 3}}' },
	default: { args: [2, 2], usage: '{{default first_name "고객"}}' },
};
export const BLOCK_HELPERS = ['if', 'unless', 'each', 'with'];

export class TemplateError extends Error {
	constructor(
		message: string,
		readonly line?: number,
		readonly column?: number,
	) {
		super(line === undefined ? message : `line ${line}, column ${column}: ${message}`);
	}
}

type Hb = typeof Handlebars;
type Options = { data?: { root?: unknown } & Partial<FormatContext> };
const formatContext = (options: Options): FormatContext => ({
	locale: asLocale(options?.data?.locale),
	timeZone: typeof options?.data?.timeZone === 'string' ? options.data.timeZone : 'Asia/Seoul',
	currency: typeof options?.data?.currency === 'string' ? options.data.currency : 'KRW',
});
/** Splits handlebars' (params..., options) into the params (padded to `count`) and the format context. */
const split = (raw: unknown[], count: number): [unknown[], FormatContext] => {
	const options = raw[raw.length - 1] as Options;
	const params = raw.slice(0, -1);
	while (params.length < count) params.push(undefined);
	return [params, formatContext(options)];
};

let engine: Hb | null = null;
function hb(): Hb {
	if (engine) return engine;
	const instance = Handlebars.create();
	instance.unregisterHelper('log');
	instance.unregisterHelper('lookup');
	instance.registerHelper('formatDate', (...raw: unknown[]) => {
		const [[v, s], c] = split(raw, 2);
		return formatDate(v, s, c);
	});
	instance.registerHelper('formatCurrency', (...raw: unknown[]) => {
		const [[v, cur], c] = split(raw, 2);
		return formatCurrency(v, cur, c);
	});
	instance.registerHelper('formatNumber', (...raw: unknown[]) => {
		const [[v], c] = split(raw, 1);
		return formatNumber(v, c);
	});
	instance.registerHelper('plural', (...raw: unknown[]) => {
		const [[n, one, many], c] = split(raw, 3);
		return plural(n, one, many, c);
	});
	instance.registerHelper('list', (...raw: unknown[]) => {
		const [[values, max], c] = split(raw, 2);
		return listNames(values, max, c);
	});
	instance.registerHelper('default', (...raw: unknown[]) => {
		const [[value, fallback]] = split(raw, 2);
		return withDefault(value, fallback);
	});
	engine = instance;
	return instance;
}

const KNOWN_HELPERS = Object.fromEntries(
	[...Object.keys(TEMPLATE_HELPERS), ...BLOCK_HELPERS].map((name) => [name, true]),
);

/**
 * Line and column (1-based) of a handlebars syntax error. Semantic errors carry lineNumber/column; parser errors
 * only say "Parse error on line N:" with an excerpt whose caret marks the spot, which is located in that line.
 */
export function syntaxErrorPosition(error: unknown, source: string): { line: number; column: number; message: string } {
	const e = error as { message?: string; lineNumber?: number; column?: number };
	const text = String(e.message ?? error);
	if (typeof e.lineNumber === 'number')
		return { line: e.lineNumber, column: (e.column ?? 0) + 1, message: text.replace(/ - \d+:\d+$/, '') };
	const lines = text.split('\n');
	const line = Number(/line (\d+)/.exec(lines[0])?.[1] ?? 1);
	const message = lines[lines.length - 1];
	let column = 1;
	if (lines.length >= 4) {
		const caret = lines[2].indexOf('^');
		// The excerpt joins lines; the longest tail of it found in the error's line gives the column.
		const before = lines[1].slice(0, Math.max(caret, 0)).replace(/^\.\.\./, '');
		const sourceLine = source.split('\n')[line - 1] ?? '';
		for (let start = 0; start <= before.length; start++) {
			const tail = before.slice(start);
			const at = sourceLine.lastIndexOf(tail);
			if (at >= 0) {
				column = at + tail.length + 1;
				break;
			}
		}
	}
	return { line, column, message };
}

export type Rendered = (context: Record<string, unknown>, format: FormatContext) => string;

/** Compiles (and warms up, so a template that cannot compile fails here, not at send time). */
export function compileTemplate(source: string, options: { escape: boolean }): Rendered {
	const tooLarge = templateLimitIssue(source);
	if (tooLarge) throw new TemplateError(tooLarge.message, tooLarge.line, tooLarge.column);
	let ast: hbs.AST.Program;
	try {
		ast = hb().parse(source);
	} catch (error) {
		const position = syntaxErrorPosition(error, source);
		throw new TemplateError(position.message, position.line, position.column);
	}
	const template = hb().compile(ast, {
		knownHelpers: { ...KNOWN_HELPERS, log: false, lookup: false },
		knownHelpersOnly: true,
		noEscape: !options.escape,
		strict: false,
	});
	const render: Rendered = (context, format) =>
		template(context, {
			data: { ...format },
			allowProtoPropertiesByDefault: false,
			allowProtoMethodsByDefault: false,
			partials: {},
			decorators: {},
		});
	try {
		render({}, { locale: 'ko-KR', timeZone: 'UTC', currency: 'KRW' });
	} catch (error) {
		throw new TemplateError((error as Error).message);
	}
	return render;
}

/** Compiled templates by (id, updated time, escaping): a changed template gets a new key; the oldest entries go first. */
export class TemplateCache {
	private readonly entries = new Map<string, Rendered>();
	constructor(private readonly max = 500) {}

	get(id: string | number, updatedAt: unknown, source: string, options: { escape: boolean }): Rendered {
		const stamp = updatedAt instanceof Date ? updatedAt.getTime() : String(updatedAt ?? '');
		const key = `${id}:${stamp}:${options.escape ? 'html' : 'text'}:${source.length}`;
		const hit = this.entries.get(key);
		if (hit) return hit;
		const compiled = compileTemplate(source, options);
		if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value as string);
		this.entries.set(key, compiled);
		return compiled;
	}

	get size() {
		return this.entries.size;
	}
}
