import type { Knex } from 'knex';

export const DEFAULT_TIME_ZONE = 'Asia/Seoul';

/** The CRM's time zone (crm_settings), which calendar conditions such as birthdays are evaluated in. */
export async function crmTimeZone(knex: Knex): Promise<string> {
	const settings = await knex('crm_settings').first('timezone');
	return settings?.timezone ?? DEFAULT_TIME_ZONE;
}
