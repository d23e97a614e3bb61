import type { Knex } from 'knex';
import { isTimeZone } from '../domain/settings/validate';

export const DEFAULT_TIME_ZONE = 'Asia/Seoul';

/** The CRM's time zone (crm_settings), which calendar conditions such as birthdays are evaluated in. */
export async function crmTimeZone(knex: Knex): Promise<string> {
	const settings = await knex('crm_settings').first('timezone');
	// A zone stored before settings were checked on save (e.g. "Mars/Olympus_Mons") falls back to the default
	// instead of failing every KPI and preview that reads it (#15 finding 11).
	return isTimeZone(settings?.timezone) ? settings.timezone : DEFAULT_TIME_ZONE;
}
