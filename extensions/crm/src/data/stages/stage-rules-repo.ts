// The stage rules in force: crm_settings.stage_rules, or the built-in rules while it is empty.
import type { Knex } from 'knex';
import type { Issue } from '../../domain/segments/rule-types';
import { parseStageRules, settingPath, type StageRule } from '../../domain/stages';
import { DEFAULT_TIME_ZONE } from '../settings';

export class InvalidStageRulesError extends Error {
	constructor(readonly issues: Issue[]) {
		super(
			`crm_settings.stage_rules is invalid: ${issues.map((issue) => `${settingPath(issue.path)}: ${issue.message}`).join('; ')}`,
		);
	}
}

/** Throws InvalidStageRulesError when the stored rules are broken (saving checks them; SQL writes could not). */
export async function loadStageRules(knex: Knex): Promise<StageRule[]> {
	const row = await knex('crm_settings').first('stage_rules');
	return rulesOf(row?.stage_rules ?? null);
}

function rulesOf(stored: unknown): StageRule[] {
	const parsed = parseStageRules(stored);
	if ('issues' in parsed) throw new InvalidStageRulesError(parsed.issues);
	return parsed.rules;
}

export interface StageContext {
	rules: StageRule[];
	timeZone: string;
}

/** Rules and time zone in one read (it runs after every order). */
export async function loadStageContext(knex: Knex): Promise<StageContext> {
	const row = await knex('crm_settings').first('stage_rules', 'timezone');
	return { rules: rulesOf(row?.stage_rules ?? null), timeZone: row?.timezone ?? DEFAULT_TIME_ZONE };
}
