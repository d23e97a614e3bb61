// Static check of a template before it is saved: syntax, unknown variables, unknown or misused helpers, partials,
// decorators and unescaped output, each named with its line and column (1-based).
import Handlebars from 'handlebars';
import { BLOCK_HELPERS, syntaxErrorPosition, TEMPLATE_HELPERS } from './engine';
import { templateLimitIssue } from './limits';
import { TEMPLATE_VARIABLES, type VarSchema } from './variables';

export interface TemplateIssue {
	line: number;
	column: number;
	message: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- loose row shape, kept from before the linter
type AST = hbs.AST.Node & Record<string, any>;
/** A scope's shape; 'any' where the validator cannot know (e.g. each over an object map). */
type Shape = VarSchema | 'any';
interface Scope {
	shape: Shape;
	names: Map<string, Shape>;
	inEach: boolean;
}

const DATA_VARIABLES = new Set(['index', 'first', 'last', 'key']);

export function validateTemplate(
	source: string,
	known: { [key: string]: VarSchema } = TEMPLATE_VARIABLES,
): TemplateIssue[] {
	const tooLarge = templateLimitIssue(source);
	if (tooLarge) return [tooLarge];
	let program: AST;
	try {
		program = Handlebars.parse(source) as AST;
	} catch (error) {
		const { line, column, message } = syntaxErrorPosition(error, source);
		return [{ line, column, message: `syntax error: ${message}` }];
	}
	const issues: TemplateIssue[] = [];
	const issue = (node: AST, message: string) =>
		issues.push({ line: node.loc?.start.line ?? 1, column: (node.loc?.start.column ?? 0) + 1, message });

	const resolve = (path: AST, stack: Scope[]): Shape | undefined => {
		const parts: string[] = path.parts;
		if (path.data) {
			if (parts[0] === 'root') return walkParts(known, parts.slice(1), path);
			if (parts.length === 1 && DATA_VARIABLES.has(parts[0]) && stack.some((scope) => scope.inEach)) return null;
			issue(path, `unknown data variable "${path.original}"`);
			return undefined;
		}
		if (path.depth >= stack.length) {
			issue(path, `"${path.original}" goes above the template's top level`);
			return undefined;
		}
		const scope = stack[stack.length - 1 - path.depth];
		if (path.depth === 0 && parts.length) {
			for (let i = stack.length - 1; i >= 0; i--) {
				const named = stack[i].names.get(parts[0]);
				if (named !== undefined) return walkParts(named, parts.slice(1), path);
			}
		}
		return walkParts(scope.shape, parts, path);
	};

	const walkParts = (start: Shape, parts: string[], path: AST): Shape | undefined => {
		let shape: Shape = start;
		for (const part of parts) {
			if (shape === 'any') return 'any';
			if (Array.isArray(shape)) {
				if (part === 'length') shape = null;
				else if (/^\d+$/.test(part)) shape = shape[0];
				else return fail(path, part, []);
			} else if (shape && typeof shape === 'object' && Object.hasOwn(shape, part)) shape = shape[part];
			else return fail(path, part, shape && typeof shape === 'object' ? Object.keys(shape) : []);
		}
		return shape;
	};
	const fail = (path: AST, part: string, candidates: string[]): undefined => {
		const hint = suggestion(part, candidates);
		issue(path, `unknown variable "${path.original}"${hint ? ` (did you mean "${hint}"?)` : ''}`);
		return undefined;
	};

	const expression = (node: AST, stack: Scope[]): Shape | undefined => {
		if (node.type === 'PathExpression') return resolve(node, stack);
		if (node.type === 'SubExpression') {
			helperCall(node, stack);
			return null;
		}
		return null; // literals
	};

	const helperCall = (node: AST, stack: Scope[]) => {
		const name: string = node.path.original;
		const helper =
			node.path.type === 'PathExpression' && !node.path.data && node.path.parts.length === 1
				? TEMPLATE_HELPERS[name]
				: undefined;
		if (!helper) {
			issue(node.path, `unknown helper "${name}"; helpers: ${Object.keys(TEMPLATE_HELPERS).join(', ')}`);
		} else if (node.params.length < helper.args[0] || node.params.length > helper.args[1]) {
			issue(
				node.path,
				`${name} takes ${helper.args[0] === helper.args[1] ? helper.args[0] : `${helper.args[0]}-${helper.args[1]}`} argument(s): ${helper.usage}`,
			);
		}
		if (node.hash?.pairs?.length) issue(node.hash, 'named arguments (key=value) are not supported');
		for (const param of node.params) expression(param, stack);
	};

	const statements = (body: AST[], stack: Scope[]) => {
		for (const node of body) {
			switch (node.type) {
				case 'ContentStatement':
				case 'CommentStatement':
					break;
				case 'MustacheStatement': {
					if (node.escaped === false) issue(node, 'unescaped output ({{{ }}} or {{& }}) is not allowed');
					const path = node.path;
					const isHelper =
						node.params.length > 0 ||
						node.hash?.pairs?.length ||
						(path.type === 'PathExpression' && Object.hasOwn(TEMPLATE_HELPERS, path.original));
					if (isHelper) helperCall(node, stack);
					else expression(path, stack);
					break;
				}
				case 'BlockStatement':
					block(node, stack);
					break;
				case 'PartialStatement':
				case 'PartialBlockStatement':
					issue(node, 'partials ({{> name}}) are not allowed');
					break;
				case 'Decorator':
				case 'DecoratorBlock':
					issue(node, 'decorators are not allowed');
					break;
				default:
					issue(node, `unsupported syntax ${node.type}`);
			}
		}
	};

	const block = (node: AST, stack: Scope[]) => {
		const name: string = node.path.original;
		if (!BLOCK_HELPERS.includes(name) || node.path.data || node.path.parts.length !== 1) {
			issue(node.path, `unknown block helper "#${name}"; blocks: ${BLOCK_HELPERS.map((b) => `#${b}`).join(', ')}`);
			return;
		}
		if (node.params.length !== 1) issue(node.path, `#${name} takes exactly one argument`);
		if (node.hash?.pairs?.length) issue(node.hash, 'named arguments (key=value) are not supported');
		const subject = node.params[0] ? expression(node.params[0], stack) : undefined;
		let inner = stack;
		if (name === 'each' || name === 'with') {
			const shape: Shape =
				subject === undefined ? 'any' : name === 'each' ? (Array.isArray(subject) ? subject[0] : 'any') : subject;
			const names = new Map<string, Shape>();
			const blockParams: string[] = node.program?.blockParams ?? [];
			if (blockParams[0]) names.set(blockParams[0], shape);
			if (blockParams[1]) names.set(blockParams[1], null);
			inner = [...stack, { shape, names, inEach: name === 'each' }];
		}
		if (node.program) statements(node.program.body, inner);
		if (node.inverse) statements(node.inverse.body, stack);
	};

	statements(program.body, [{ shape: known, names: new Map(), inEach: false }]);
	return issues;
}

/** The closest known name within two edits, for "did you mean". */
function suggestion(name: string, candidates: string[]): string | null {
	let best: string | null = null;
	let bestDistance = 3;
	for (const candidate of candidates) {
		const d = distance(name, candidate);
		if (d < bestDistance) [best, bestDistance] = [candidate, d];
	}
	return best;
}

function distance(a: string, b: string): number {
	const row = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		let previous = row[0];
		row[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const current = row[j];
			row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
			previous = current;
		}
	}
	return row[b.length];
}
