import { describe, expect, it } from 'vitest';
import { compileFormula, FORMULA_MAX_DEPTH, FORMULA_MAX_LENGTH, type FormulaVars } from './formula';
import { seededRandom as mulberry32 } from '../shared/seeded-random';

const vars: FormulaVars = { amount: 45_000, quantity: 3, lines: 2 };

function run(source: string, at: FormulaVars = vars): number {
	const compiled = compileFormula(source);
	if (!compiled.ok) throw new Error(`${source}: ${compiled.error} at ${compiled.position}`);
	return compiled.evaluate(at);
}

function failure(source: string): { error: string; position: number } {
	const compiled = compileFormula(source);
	if (compiled.ok) throw new Error(`${source} compiled`);
	return { error: compiled.error, position: compiled.position };
}

describe('compileFormula: evaluation', () => {
	it('reads numbers, decimals and the three variables', () => {
		expect(run('42')).toBe(42);
		expect(run('2.5')).toBe(2.5);
		expect(run('.5')).toBe(0.5);
		expect(run('amount')).toBe(45_000);
		expect(run('quantity')).toBe(3);
		expect(run('lines')).toBe(2);
	});

	it('follows precedence: * and / bind tighter than + and -, left to right', () => {
		expect(run('2 + 3 * 4')).toBe(14);
		expect(run('(2 + 3) * 4')).toBe(20);
		expect(run('10 - 4 - 3')).toBe(3);
		expect(run('100 / 10 / 2')).toBe(5);
		expect(run('10 - 2 * 3 + 8 / 4')).toBe(6);
	});

	it('handles unary minus, also repeated and before parentheses', () => {
		expect(run('-3')).toBe(-3);
		expect(run('--3')).toBe(3);
		expect(run('2 * -3')).toBe(-6);
		expect(run('-(2 + 3) * 2')).toBe(-10);
		expect(run('5 - -5')).toBe(10);
	});

	it('evaluates the documented example', () => {
		expect(run('floor(amount / 1000) * 2 + 10')).toBe(100);
		expect(run('floor(amount / 1000) * 2 + 10', { amount: 999, quantity: 1, lines: 1 })).toBe(10);
	});

	it('supports floor, round, ceil, abs and variadic min/max', () => {
		expect(run('floor(2.7)')).toBe(2);
		expect(run('ceil(2.1)')).toBe(3);
		expect(run('round(2.5)')).toBe(3);
		expect(run('round(2.4)')).toBe(2);
		expect(run('abs(-7)')).toBe(7);
		expect(run('min(5)')).toBe(5);
		expect(run('max(1, 9, 3)')).toBe(9);
		expect(run('min(amount / 100, 300, quantity * 1000)')).toBe(300);
		expect(run('max(min(1, 2), min(3, 4))')).toBe(3);
	});

	it('ignores whitespace of any kind', () => {
		expect(run(' \t floor( amount\n/ 1000 )\t')).toBe(45);
	});

	it('gives 0 for division by zero rather than failing the order', () => {
		expect(run('amount / 0')).toBe(0);
		expect(run('10 / (lines - 2)')).toBe(0);
		expect(run('1 + 5 / 0')).toBe(1);
	});

	it('gives 0 for non-finite results and normalises -0', () => {
		expect(run('amount * 1' + '0'.repeat(400))).toBe(0); // 1e400 is Infinity
		expect(run('amount', { amount: Number.NaN, quantity: 0, lines: 0 })).toBe(0);
		expect(Object.is(run('-0'), 0)).toBe(true);
	});

	it('is reusable: one compiled formula, many variable sets', () => {
		const compiled = compileFormula('amount / 100 + quantity');
		expect(compiled.ok).toBe(true);
		if (!compiled.ok) return;
		expect(compiled.evaluate({ amount: 1000, quantity: 1, lines: 1 })).toBe(11);
		expect(compiled.evaluate({ amount: 500, quantity: 4, lines: 1 })).toBe(9);
	});
});

describe('compileFormula: errors name the problem and its position', () => {
	it('rejects empty and blank input', () => {
		expect(failure('')).toEqual({ error: 'formula is empty', position: 0 });
		expect(failure('   ')).toEqual({ error: 'formula is empty', position: 0 });
	});

	it('rejects input longer than the limit but accepts it at the limit', () => {
		const atLimit = ('1' + ' + 1'.repeat(124)).padEnd(FORMULA_MAX_LENGTH, ' ');
		expect(atLimit).toHaveLength(FORMULA_MAX_LENGTH);
		expect(run(atLimit)).toBe(125);
		const tooLong = failure(atLimit + ' ');
		expect(tooLong.error).toMatch(/longer than 500/);
		expect(tooLong.position).toBe(FORMULA_MAX_LENGTH);
	});

	it('names unknown identifiers and functions', () => {
		expect(failure('amount + foo')).toMatchObject({
			error: expect.stringMatching(/unknown identifier "foo"/),
			position: 9,
		});
		expect(failure('sqrt(amount)')).toMatchObject({
			error: expect.stringMatching(/unknown function "sqrt"/),
			position: 0,
		});
		expect(failure('Amount')).toMatchObject({ error: expect.stringMatching(/unknown identifier "Amount"/) });
		expect(failure('1e3')).toEqual({ error: 'unexpected token "e3"', position: 1 }); // no exponent notation
	});

	it('rejects variables used as functions and functions used as values', () => {
		expect(failure('amount(2)')).toMatchObject({
			error: expect.stringMatching(/variable, not a function/),
			position: 0,
		});
		expect(failure('1 + floor')).toMatchObject({ error: expect.stringMatching(/needs parentheses/), position: 4 });
	});

	it('reports unbalanced parentheses at the offending parenthesis', () => {
		expect(failure('(1 + 2')).toMatchObject({
			error: expect.stringMatching(/unbalanced parenthesis.*never closed/),
			position: 0,
		});
		expect(failure('2 * (3 + (4)')).toMatchObject({ error: expect.stringMatching(/unbalanced/), position: 4 });
		expect(failure('1 + 2)')).toMatchObject({
			error: expect.stringMatching(/unbalanced parenthesis.*without a matching/),
			position: 5,
		});
		expect(failure('max(1, 2')).toMatchObject({ error: expect.stringMatching(/never closed/), position: 3 });
		expect(failure(')')).toMatchObject({ error: expect.stringMatching(/unbalanced/), position: 0 });
	});

	it('reports unexpected tokens and characters', () => {
		expect(failure('1 2')).toMatchObject({ error: 'unexpected token "2"', position: 2 });
		expect(failure('amount lines')).toMatchObject({ error: 'unexpected token "lines"', position: 7 });
		expect(failure('1 +')).toMatchObject({ error: 'unexpected end of formula', position: 3 });
		expect(failure('* 2')).toMatchObject({ error: 'unexpected token "*"', position: 0 });
		expect(failure('+2')).toMatchObject({ error: 'unexpected token "+"', position: 0 });
		expect(failure('max(1,)')).toMatchObject({
			error: 'unbalanced parenthesis: ")" without a matching "("',
			position: 6,
		});
		expect(failure('1.2.3')).toMatchObject({ error: 'unexpected token ".3"', position: 3 });
		expect(failure('amount % 2')).toMatchObject({ error: 'unexpected character "%"', position: 7 });
		expect(failure('2 ^ 3').position).toBe(2);
		expect(failure('1; 2').error).toMatch(/unexpected character ";"/);
		expect(failure('()').error).toMatch(/unexpected token|unbalanced/);
	});

	it('checks arity', () => {
		expect(failure('floor(1, 2)')).toMatchObject({ error: 'floor expects 1 argument, got 2', position: 0 });
		expect(failure('2 + abs()')).toMatchObject({ error: 'abs expects 1 argument, got 0', position: 4 });
		expect(failure('min()')).toMatchObject({ error: 'min expects at least 1 argument, got 0', position: 0 });
		expect(failure('max()').error).toMatch(/at least 1/);
	});

	it('limits nesting depth, counting parentheses, calls and unary minus', () => {
		const nested = (depth: number) => '('.repeat(depth) + '1' + ')'.repeat(depth);
		expect(run(nested(FORMULA_MAX_DEPTH))).toBe(1);
		const tooDeep = failure(nested(FORMULA_MAX_DEPTH + 1));
		expect(tooDeep.error).toMatch(/nesting deeper than 50/);
		expect(tooDeep.position).toBe(FORMULA_MAX_DEPTH);
		expect(failure('abs('.repeat(51) + '1' + ')'.repeat(51)).error).toMatch(/nesting/);
		expect(failure('-'.repeat(51) + '1').error).toMatch(/nesting/);
		expect(run('-'.repeat(50) + '1')).toBe(1);
	});

	it('never evaluates JavaScript', () => {
		for (const source of [
			'constructor',
			'this',
			'globalThis.x',
			'alert(1)',
			'__proto__',
			'amount.toString()',
			'"1"',
			"'1'",
			'[1]',
			'`1`',
		]) {
			expect(compileFormula(source).ok, source).toBe(false);
		}
	});
});

describe('compileFormula: agrees with a reference evaluator on random expressions', () => {
	/** Builds a random expression together with its expected value (division by zero = 0, as documented). */
	function randomExpression(random: () => number, depth: number, at: FormulaVars): { source: string; value: number } {
		const pick = Math.floor(random() * (depth > 3 ? 3 : 8));
		if (pick === 0) {
			const value = Math.floor(random() * 1000) / 10;
			return { source: String(value), value };
		}
		if (pick === 1) {
			const name = (['amount', 'quantity', 'lines'] as const)[Math.floor(random() * 3)];
			return { source: name, value: at[name] };
		}
		const left = randomExpression(random, depth + 1, at);
		if (pick === 2) return { source: `(${left.source})`, value: left.value };
		if (pick === 3) return { source: `-(${left.source})`, value: -left.value };
		if (pick === 4) return { source: `floor(${left.source})`, value: Math.floor(left.value) };
		const right = randomExpression(random, depth + 1, at);
		if (pick === 5) return { source: `max(${left.source}, ${right.source})`, value: Math.max(left.value, right.value) };
		const operator = ['+', '-', '*', '/'][Math.floor(random() * 4)];
		const value =
			operator === '+'
				? left.value + right.value
				: operator === '-'
					? left.value - right.value
					: operator === '*'
						? left.value * right.value
						: right.value === 0
							? 0
							: left.value / right.value;
		return { source: `(${left.source}) ${operator} (${right.source})`, value };
	}

	it('matches on 500 seeded expressions', () => {
		const random = mulberry32(20_260_301);
		for (let i = 0; i < 500; i++) {
			const at = {
				amount: Math.floor(random() * 100_000),
				quantity: Math.floor(random() * 10),
				lines: Math.floor(random() * 5),
			};
			const { source, value } = randomExpression(random, 0, at);
			if (source.length > FORMULA_MAX_LENGTH) continue;
			const expected = Number.isFinite(value) && value !== 0 ? value : 0;
			expect(run(source, at), source).toBe(expected);
		}
	});
});
