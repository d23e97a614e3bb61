import { describe, expect, it } from 'vitest';
import { compileTemplate, TemplateError } from './engine';
import { TEMPLATE_LIMITS, templateLimitIssue } from './limits';
import { validateTemplate } from './validate';

describe('template limits (#15 finding 8)', () => {
	it('refuses a 700 KB template before parsing it, in validate and compile', () => {
		const huge = '{{first_name}} '.repeat(50_000);
		const issues = validateTemplate(huge);
		expect(issues).toEqual([expect.objectContaining({ line: 1, message: expect.stringContaining('at most 100000') })]);
		expect(() => compileTemplate(huge, { escape: true })).toThrow(TemplateError);
	});

	it('refuses blocks nested 3,000 deep quickly, naming the line', () => {
		const deep = `${'{{#if first_name}}\n'.repeat(3000)}x${'{{/if}}'.repeat(3000)}`;
		const issues = validateTemplate(deep);
		expect(issues).toEqual([{ line: 21, column: 1, message: 'blocks are nested deeper than 20 levels' }]);
		expect(() => compileTemplate(deep, { escape: true })).toThrow(/nested deeper/);
	});

	it('refuses deep subexpressions and too many tags; accepts what is within', () => {
		const parens = `{{default ${'(default '.repeat(11)}first_name "a"${')'.repeat(11)} "b"}}`;
		expect(templateLimitIssue(parens)?.message).toMatch(/subexpressions/);
		expect(templateLimitIssue('{{first_name}}'.repeat(TEMPLATE_LIMITS.maxTags + 1))?.message).toMatch(/tags/);
		const nested = `${'{{#if first_name}}'.repeat(20)}x${'{{/if}}'.repeat(20)}`;
		expect(templateLimitIssue(nested)).toBeNull();
		expect(validateTemplate(nested)).toEqual([]);
		const sequential = '{{#if first_name}}a{{/if}}'.repeat(100);
		expect(templateLimitIssue(sequential)).toBeNull();
	});
});
