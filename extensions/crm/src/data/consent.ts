// Withdrawing a channel's consent (one-click unsubscribe): the flag, its timestamp and one history row, in one
// transaction. A compare-and-set update makes it idempotent even when two clicks race: only the request that
// actually flips the flag writes the history row; every later one changes nothing.
import type { Knex } from 'knex';
import type { UnsubscribeChannel } from '../domain/signed-links';
import { toDbTimestamp } from './timestamps';

export const UNSUBSCRIBE_REASON = 'unsubscribe link';

export type WithdrawResult = 'withdrawn' | 'already' | 'no-customer';

const isTrue = (value: unknown) => value === true || value === 1 || value === '1' || value === 'true';
const isFalse = (value: unknown) => value === false || value === 0 || value === '0' || value === 'false';

export async function consentGiven(knex: Knex, customer: number, channel: UnsubscribeChannel): Promise<boolean | null> {
	const row = await knex('crm_customers').first(`consent_${channel} as consent`).where('id', customer);
	return row ? isTrue(row.consent) : null;
}

export async function withdrawConsent(
	knex: Knex,
	customer: number,
	channel: UnsubscribeChannel,
	now: Date,
): Promise<WithdrawResult> {
	const column = `consent_${channel}`;
	return knex.transaction(async (trx) => {
		const row = await trx('crm_customers').first(`${column} as consent`).where('id', customer);
		if (!row) return 'no-customer';
		if (isFalse(row.consent)) return 'already';
		// Never recorded (null) becomes an explicit, timestamped "no" too; the history then reads null → false.
		const was = isTrue(row.consent);
		const changed = await trx('crm_customers')
			.where('id', customer)
			.where((where) => (was ? where.where(column, true) : where.whereNull(column)))
			.update({ [column]: false, [`${column}_at`]: toDbTimestamp(trx, now) });
		if (!changed) return 'already';
		await trx('crm_history').insert({
			customer,
			kind: 'consent',
			from_value: was ? 'true' : null,
			to_value: 'false',
			reason: `${UNSUBSCRIBE_REASON} (${channel})`,
			changed_at: toDbTimestamp(trx, now),
		});
		return 'withdrawn';
	});
}
