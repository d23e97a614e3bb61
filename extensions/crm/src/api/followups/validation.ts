// Save-time checks shared by the filter hooks and the preview endpoint: templates (syntax, unknown variables and
// helpers, with positions) and follow-up rules (fields, template kind, the optional segment condition).
import type { Knex } from 'knex';
import { validateFollowupRule } from '../../domain/followups';
import { validateRule } from '../../domain/segments/validate-rule';
import { compileTemplate, TemplateError, validateTemplate } from '../../domain/templates';
import { templateById } from '../../data/lookups';

export interface FieldIssue {
	field: string;
	message: string;
}

export function templateIssues(template: { subject?: unknown; body?: unknown }): FieldIssue[] {
	const issues: FieldIssue[] = [];
	for (const field of ['subject', 'body'] as const) {
		const source = template[field];
		if (source === null || source === undefined) continue;
		if (typeof source !== 'string') {
			issues.push({ field, message: 'must be text' });
			continue;
		}
		const found = validateTemplate(source);
		for (const issue of found)
			issues.push({ field, message: `line ${issue.line}, column ${issue.column}: ${issue.message}` });
		if (!found.length) {
			try {
				compileTemplate(source, { escape: true });
			} catch (error) {
				issues.push({ field, message: error instanceof TemplateError ? error.message : String(error) });
			}
		}
	}
	return issues;
}

export async function ruleIssues(knex: Knex, rule: Record<string, unknown>): Promise<FieldIssue[]> {
	const template =
		rule.template == null || rule.template === '' ? null : ((await templateById(knex, rule.template)) ?? null);
	const issues: FieldIssue[] = validateFollowupRule(rule, template);
	let condition = rule.condition;
	if (typeof condition === 'string' && condition) {
		try {
			condition = JSON.parse(condition);
		} catch {
			return [...issues, { field: 'condition', message: 'must be a segment rule (JSON)' }];
		}
	}
	if (condition !== null && condition !== undefined && condition !== '') {
		for (const issue of validateRule(condition))
			issues.push({ field: issue.path ? `condition.${issue.path}` : 'condition', message: issue.message });
	}
	return issues;
}

export const describeIssues = (issues: FieldIssue[]) =>
	issues.map((issue) => `${issue.field}: ${issue.message}`).join('; ');
