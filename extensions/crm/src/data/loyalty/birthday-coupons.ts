// The tier benefit "birthday coupon": in the customer's birthday month (CRM time zone) a customer whose tier names a
// birthday reward gets that reward's coupon, free, once per year (keyed birthday:<customer>:<year>).
import type { Knex } from 'knex';
import { couponCode } from '../../domain/loyalty';
import { toDbTimestamp } from '../timestamps';

const DAY_MS = 86_400_000;

/** Month of a `date` column as a number: PostgreSQL dates, or Directus's epoch ms / 'YYYY-MM-DD' text on SQLite. */
function birthMonth(knex: Knex, column: string): Knex.Raw {
	return String(knex.client.config.client).includes('sqlite')
		? knex.raw(
				"CAST(strftime('%m', CASE WHEN typeof(??) IN ('integer', 'real') THEN datetime(?? / 1000, 'unixepoch') ELSE ?? END) AS INTEGER)",
				[column, column, column],
			)
		: knex.raw('EXTRACT(MONTH FROM ??)::integer', [column]);
}

export async function issueBirthdayCoupons(
	knex: Knex,
	now: Date,
	timeZone: string,
	randomBytes: () => Uint8Array,
): Promise<number> {
	const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' })
		.format(now)
		.split('-')
		.map(Number);
	const due = await knex('crm_customers as c')
		.join('crm_tiers as t', 't.id', 'c.tier')
		.join('crm_rewards as r', 'r.id', 't.birthday_reward')
		.select({ customer: 'c.id', reward: 'r.id', validDays: 'r.valid_days' })
		.whereNotNull('c.birthday')
		.where('r.status', 'active')
		.where(knex.raw('? = ?', [birthMonth(knex, 'c.birthday'), month]))
		.whereNotExists(
			knex('crm_coupons')
				.select(knex.raw('1'))
				.where('source_key', knex.raw("'birthday:' || ?? || ':' || ?", ['c.id', String(year)])),
		);
	let issued = 0;
	for (const row of due as { customer: number; reward: number; validDays: number | null }[]) {
		const inserted = await knex('crm_coupons')
			.insert({
				code: couponCode(randomBytes()),
				customer: row.customer,
				reward: row.reward,
				status: 'issued',
				points_cost: 0,
				issued_at: toDbTimestamp(knex, now),
				expires_at: toDbTimestamp(knex, new Date(now.getTime() + Number(row.validDays ?? 30) * DAY_MS)),
				source_key: `birthday:${row.customer}:${year}`,
			})
			.onConflict('source_key')
			.ignore()
			.returning('id');
		issued += inserted.length;
	}
	return issued;
}
