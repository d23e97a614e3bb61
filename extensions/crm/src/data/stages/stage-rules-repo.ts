// The stage rules in force: crm_settings.stage_rules, or the built-in rules while it is empty.
import type { Knex } from 'knex';
import type { Issue } from '../../domain/segments/rule-types';
import { parseStageRules, settingPath, type StageRule } from '../../domain/stages';
import { crmTimeZone } from '../settings';

export class InvalidStageRulesError extends Error {
	constructor(readonly issues: Issue[]) {
		super(`crm_settings.stage_rules is invalid: ${issues.map((issue) => `${settingPath(issue.path)}: ${issue.message}`).join('; ')}`);
	}
}

/** Throws InvalidStageRulesError when the stored rules are broken (saving checks them; SQL writes could not). */
export async function loadStageRules(knex: Knex): Promise<StageRule[]> {
	const row = await knex('crm_settings').first('stage_rules');
	const parsed = parseStageRules(row?.stage_rules ?? null);
	if ('issues' in parsed) throw new InvalidStageRulesError(parsed.issues);
	return parsed.rules;
}

export interface StageContext {
	rules: StageRule[];
	timeZone: string;
}

export async function loadStageContext(knex: Knex): Promise<StageContext> {
	return { rules: await loadStageRules(knex), timeZone: await crmTimeZone(knex) };
}
