import { describe, expect, it } from 'vitest';
import { validateTemplate } from './validate';

describe('template validation', () => {
	it('accepts the documented variables and helpers', () => {
		const source = [
			'{{first_name}}님 안녕하세요.',
			'{{#if last_order}}{{formatDate last_order.ordered_at "long"}} {{formatCurrency last_order.total "KRW"}}{{/if}}',
			'{{#each last_order.lines as |line i|}}{{i}} {{line.name}} {{../first_name}} {{@root.sender.name}} {{@index}}{{/each}}',
			'{{#with customer}}{{email}}{{/with}} {{plural points.balance "point" "points"}} {{default (formatNumber points.balance) "0"}}',
			'{{unsubscribe_url}} {{last_order.product_names.length}} {{!-- a comment --}}',
		].join('\n');
		expect(validateTemplate(source)).toEqual([]);
	});

	it('names unknown variables with their position and a suggestion', () => {
		expect(validateTemplate('안녕하세요\n  {{frist_name}} {{customer.emial}}')).toEqual([
			{ line: 2, column: 5, message: 'unknown variable "frist_name" (did you mean "first_name"?)' },
			{ line: 2, column: 20, message: 'unknown variable "customer.emial" (did you mean "email"?)' },
		]);
		expect(validateTemplate('{{#each last_order.lines}}{{nme}}{{/each}}')[0].message).toBe(
			'unknown variable "nme" (did you mean "name"?)',
		);
		expect(validateTemplate('{{first_name.x}}')[0].message).toMatch(/unknown variable "first_name.x"/);
	});

	it('names unknown helpers, wrong argument counts, partials, decorators and raw output', () => {
		const messages = (source: string) => validateTemplate(source).map((issue) => issue.message);
		expect(messages('{{shout first_name}}')[0]).toMatch(/^unknown helper "shout"/);
		expect(messages('{{formatDate}}')[0]).toMatch(/^formatDate takes 1-2 argument/);
		expect(messages('{{#repeat first_name}}x{{/repeat}}')[0]).toMatch(/^unknown block helper "#repeat"/);
		expect(messages('{{> footer}}')).toEqual(['partials ({{> name}}) are not allowed']);
		expect(messages('{{{first_name}}}')).toEqual(['unescaped output ({{{ }}} or {{& }}) is not allowed']);
		expect(messages('{{log first_name}}')[0]).toMatch(/^unknown helper "log"/);
		expect(messages('{{lookup customer "email"}}')[0]).toMatch(/^unknown helper "lookup"/);
		expect(messages('{{@foo}}')).toEqual(['unknown data variable "@foo"']);
		expect(messages('{{../first_name}}')[0]).toMatch(/goes above/);
	});

	it('reports a syntax error with its line and column', () => {
		const [issue] = validateTemplate('line one\n{{#if first_name}}open');
		expect(issue.line).toBe(2);
		expect(issue.message).toMatch(/^syntax error/);
	});
});

describe('syntax error positions', () => {
	it('locates parser and semantic errors', () => {
		expect(validateTemplate('a\n{{foo')[0]).toMatchObject({ line: 2, column: 3 });
		expect(validateTemplate('x\n\n {{#if first_name}}{{/each}}')[0]).toMatchObject({
			line: 3,
			message: "syntax error: if doesn't match each",
		});
	});
});
