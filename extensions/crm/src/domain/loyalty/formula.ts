// A tiny safe expression language for spend rules, e.g. `floor(amount / 1000) * 2 + 10`: parsed to an AST once,
// then evaluated by a pure function. See formula-parser.ts for the grammar.
import { FORMULA_MAX_LENGTH, FormulaSyntaxError, parseFormula, type FormulaNode } from './formula-parser';

export { FORMULA_FUNCTIONS, FORMULA_MAX_DEPTH, FORMULA_MAX_LENGTH, FORMULA_VARIABLES } from './formula-parser';
export type { FormulaNode } from './formula-parser';

/** amount = Σ line totals, quantity = Σ quantities, lines = number of lines the rule counts. */
export interface FormulaVars {
	amount: number;
	quantity: number;
	lines: number;
}

export type CompiledFormula =
	{ ok: true; evaluate: (vars: FormulaVars) => number } | { ok: false; error: string; position: number };

export function compileFormula(source: string): CompiledFormula {
	if (typeof source !== 'string' || source.trim() === '') return { ok: false, error: 'formula is empty', position: 0 };
	if (source.length > FORMULA_MAX_LENGTH) {
		return {
			ok: false,
			error: `formula is longer than ${FORMULA_MAX_LENGTH} characters`,
			position: FORMULA_MAX_LENGTH,
		};
	}
	try {
		const root = parseFormula(source);
		return { ok: true, evaluate: (vars) => finiteOrZero(evaluateNode(root, vars)) };
	} catch (error) {
		if (error instanceof FormulaSyntaxError) return { ok: false, error: error.message, position: error.position };
		throw error;
	}
}

/**
 * Division by zero gives 0 and so does any non-finite result: a formula runs while an order is being booked, and a
 * rule must never crash (or award Infinity for) an order. Such a rule simply awards nothing for that order.
 */
export function evaluateNode(node: FormulaNode, vars: FormulaVars): number {
	switch (node.type) {
		case 'number':
			return node.value;
		case 'variable':
			return vars[node.name];
		case 'negate':
			return -evaluateNode(node.operand, vars);
		case 'binary': {
			const left = evaluateNode(node.left, vars);
			const right = evaluateNode(node.right, vars);
			if (node.operator === '+') return left + right;
			if (node.operator === '-') return left - right;
			if (node.operator === '*') return left * right;
			return right === 0 ? 0 : left / right;
		}
		case 'call': {
			const args = node.args.map((arg) => evaluateNode(arg, vars));
			if (node.name === 'min') return Math.min(...args);
			if (node.name === 'max') return Math.max(...args);
			return Math[node.name](args[0]);
		}
	}
}

const finiteOrZero = (value: number) => (Number.isFinite(value) && value !== 0 ? value : 0);
