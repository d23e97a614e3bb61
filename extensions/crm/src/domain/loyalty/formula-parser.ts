// Tokenizer and recursive-descent parser for spend-rule formulas. Hand-written so nothing is ever eval'd.
//
//   expression := term (('+' | '-') term)*
//   term       := unary (('*' | '/') unary)*
//   unary      := '-' unary | primary
//   primary    := number | variable | function '(' expression (',' expression)* ')' | '(' expression ')'

export const FORMULA_MAX_LENGTH = 500;
export const FORMULA_MAX_DEPTH = 50;
export const FORMULA_VARIABLES = ['amount', 'quantity', 'lines'] as const;
/** Function name -> [min args, max args]. */
export const FORMULA_FUNCTIONS = {
	floor: [1, 1],
	round: [1, 1],
	ceil: [1, 1],
	abs: [1, 1],
	min: [1, Infinity],
	max: [1, Infinity],
} as const;

export type FormulaVariable = (typeof FORMULA_VARIABLES)[number];
export type FormulaFunction = keyof typeof FORMULA_FUNCTIONS;
export type BinaryOperator = '+' | '-' | '*' | '/';

export type FormulaNode =
	| { type: 'number'; value: number }
	| { type: 'variable'; name: FormulaVariable }
	| { type: 'negate'; operand: FormulaNode }
	| { type: 'binary'; operator: BinaryOperator; left: FormulaNode; right: FormulaNode }
	| { type: 'call'; name: FormulaFunction; args: FormulaNode[] };

type Token = { kind: 'number' | 'name' | 'symbol' | 'end'; text: string; position: number };

/** Thrown inside the parser only; compileFormula turns it into `{ ok: false }`. */
export class FormulaSyntaxError extends Error {
	constructor(
		message: string,
		readonly position: number,
	) {
		super(message);
	}
}

const isVariable = (name: string): name is FormulaVariable => (FORMULA_VARIABLES as readonly string[]).includes(name);
const isFunction = (name: string): name is FormulaFunction => Object.hasOwn(FORMULA_FUNCTIONS, name);

export function tokenize(source: string): Token[] {
	const tokens: Token[] = [];
	const pattern = /\s+|(\d+(?:\.\d*)?|\.\d+)|([A-Za-z_][A-Za-z0-9_]*)|([-+*/(),])/y;
	let position = 0;
	while (position < source.length) {
		pattern.lastIndex = position;
		const match = pattern.exec(source);
		if (!match) throw new FormulaSyntaxError(`unexpected character "${source[position]}"`, position);
		if (match[1] !== undefined) tokens.push({ kind: 'number', text: match[1], position });
		else if (match[2] !== undefined) tokens.push({ kind: 'name', text: match[2], position });
		else if (match[3] !== undefined) tokens.push({ kind: 'symbol', text: match[3], position });
		position = pattern.lastIndex;
	}
	tokens.push({ kind: 'end', text: '', position: source.length });
	return tokens;
}

export function parseFormula(source: string): FormulaNode {
	const tokens = tokenize(source);
	let index = 0;
	let depth = 0;
	const peek = () => tokens[index];
	const next = () => tokens[index++];
	const isSymbol = (text: string) => peek().kind === 'symbol' && peek().text === text;

	const unexpected = (token: Token): never => {
		if (token.kind === 'end') throw new FormulaSyntaxError('unexpected end of formula', token.position);
		if (token.text === ')')
			throw new FormulaSyntaxError('unbalanced parenthesis: ")" without a matching "("', token.position);
		throw new FormulaSyntaxError(`unexpected token "${token.text}"`, token.position);
	};
	const enter = (token: Token) => {
		if (++depth > FORMULA_MAX_DEPTH)
			throw new FormulaSyntaxError(`nesting deeper than ${FORMULA_MAX_DEPTH} levels`, token.position);
	};
	const closeParenthesis = (open: Token) => {
		if (isSymbol(')')) return void next();
		if (peek().kind === 'end')
			throw new FormulaSyntaxError(`unbalanced parenthesis: "(" at ${open.position} is never closed`, open.position);
		unexpected(peek());
	};

	function expression(): FormulaNode {
		let left = term();
		while (isSymbol('+') || isSymbol('-')) {
			const operator = next().text as BinaryOperator;
			left = { type: 'binary', operator, left, right: term() };
		}
		return left;
	}

	function term(): FormulaNode {
		let left = unary();
		while (isSymbol('*') || isSymbol('/')) {
			const operator = next().text as BinaryOperator;
			left = { type: 'binary', operator, left, right: unary() };
		}
		return left;
	}

	function unary(): FormulaNode {
		if (!isSymbol('-')) return primary();
		enter(next());
		const operand = unary();
		depth--;
		return { type: 'negate', operand };
	}

	function primary(): FormulaNode {
		const token = next();
		if (token.kind === 'number') return { type: 'number', value: Number(token.text) };
		if (token.kind === 'symbol' && token.text === '(') {
			enter(token);
			const inner = expression();
			closeParenthesis(token);
			depth--;
			return inner;
		}
		if (token.kind !== 'name') return unexpected(token);
		const called = isSymbol('(');
		if (isVariable(token.text)) {
			if (called) throw new FormulaSyntaxError(`"${token.text}" is a variable, not a function`, token.position);
			return { type: 'variable', name: token.text };
		}
		if (!isFunction(token.text)) {
			const what = called ? 'function' : 'identifier';
			throw new FormulaSyntaxError(
				`unknown ${what} "${token.text}" (use ${called ? Object.keys(FORMULA_FUNCTIONS).join(', ') : FORMULA_VARIABLES.join(', ')})`,
				token.position,
			);
		}
		if (!called)
			throw new FormulaSyntaxError(
				`function "${token.text}" needs parentheses, e.g. ${token.text}(amount)`,
				token.position,
			);
		return call(token, token.text);
	}

	function call(nameToken: Token, name: FormulaFunction): FormulaNode {
		const open = next();
		enter(open);
		const args: FormulaNode[] = [];
		if (!isSymbol(')')) {
			args.push(expression());
			while (isSymbol(',')) {
				next();
				args.push(expression());
			}
		}
		closeParenthesis(open);
		depth--;
		const [min, max] = FORMULA_FUNCTIONS[name];
		if (args.length < min || args.length > max) {
			const expected =
				max === Infinity ? `at least ${min} argument${min === 1 ? '' : 's'}` : `${min} argument${min === 1 ? '' : 's'}`;
			throw new FormulaSyntaxError(`${name} expects ${expected}, got ${args.length}`, nameToken.position);
		}
		return { type: 'call', name, args };
	}

	const root = expression();
	if (peek().kind !== 'end') unexpected(peek());
	return root;
}
