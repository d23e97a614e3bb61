// The customer summary card's data: cached statistics on the customer row (kept by hooks), its tier and owner.
import type { Knex } from 'knex';
import { parseTimestamp } from '../domain/customer-stats/order-stats';
import type { CanRead } from './timeline/feed';

const iso = (value: unknown) => parseTimestamp(value)?.toISOString() ?? null;
const bool = (value: unknown) => value === true || value === 1 || value === '1' || value === 'true';

export interface CustomerSummary {
	id: number;
	full_name: string | null;
	stage: string | null;
	stage_locked: boolean;
	tier: { code: string; name: string; color: string | null } | null;
	total_spent: number;
	order_count: number;
	last_order_at: string | null;
	last_nps: number | null;
	owner: { id: string; name: string | null } | null;
	consent: { email: boolean; sms: boolean; kakao: boolean; night: boolean };
	points_balance: number;
	/** The currency of the customer's orders when they all share one, else the CRM's (crm_settings.currency). */
	currency: string;
	/** The CLV model's scores (null until a refit; p_alive also null where the model cannot tell, see clv-refit). */
	p_alive: number | null;
	predicted_clv: number | null;
	clv_at: string | null;
	/** Parts left out because the caller cannot read their collection (crm_tiers → tier, directus_users → owner). */
	hidden: string[];
}

/** One query (customer + tier + owner), plus the currency setting; null when the customer does not exist. */
export async function readCustomerSummary(
	knex: Knex,
	customerId: number,
	canRead: CanRead,
): Promise<CustomerSummary | null> {
	const [tiers, users] = await Promise.all([canRead('crm_tiers'), canRead('directus_users')]);
	const query = knex('crm_customers as c')
		.first(
			'c.id',
			'c.full_name',
			'c.stage',
			'c.stage_locked',
			'c.total_spent',
			'c.order_count',
			'c.last_order_at',
			'c.last_nps',
			'c.owner',
			'c.points_balance',
			'c.p_alive',
			'c.predicted_clv',
			'c.clv_at',
			'c.consent_email',
			'c.consent_sms',
			'c.consent_kakao',
			'c.consent_night',
		)
		.where('c.id', customerId);
	if (tiers)
		query
			.leftJoin('crm_tiers as t', 't.id', 'c.tier')
			.select('t.code as tier_code', 't.name as tier_name', 't.color as tier_color');
	if (users)
		query
			.leftJoin('directus_users as u', 'u.id', 'c.owner')
			.select('u.first_name as owner_first', 'u.last_name as owner_last', 'u.email as owner_email');
	// Two distinct currencies are enough to know they are not all one (CDNOW's USD orders in a KRW CRM: "$12", not "₩12").
	const [row, settings, orderCurrencies] = await Promise.all([
		query,
		knex('crm_settings').first('currency'),
		knex('crm_orders').distinct('currency').where('customer', customerId).whereNotNull('currency').limit(2),
	]);
	if (!row) return null;
	const currencies = (orderCurrencies as { currency: string }[]).map((order) => String(order.currency).toUpperCase());
	const ownerName = [row.owner_first, row.owner_last].filter(Boolean).join(' ') || row.owner_email || null;
	return {
		id: Number(row.id),
		full_name: row.full_name ?? null,
		stage: row.stage ?? null,
		stage_locked: bool(row.stage_locked),
		tier: tiers && row.tier_code ? { code: row.tier_code, name: row.tier_name, color: row.tier_color ?? null } : null,
		total_spent: Number(row.total_spent ?? 0),
		order_count: Number(row.order_count ?? 0),
		last_order_at: iso(row.last_order_at),
		last_nps: row.last_nps === null || row.last_nps === undefined ? null : Number(row.last_nps),
		owner: users && row.owner ? { id: String(row.owner), name: ownerName } : null,
		consent: {
			email: bool(row.consent_email),
			sms: bool(row.consent_sms),
			kakao: bool(row.consent_kakao),
			night: bool(row.consent_night),
		},
		points_balance: Number(row.points_balance ?? 0),
		currency:
			currencies.length === 1 && /^[A-Za-z]{3}$/.test(currencies[0]!) ? currencies[0]! : (settings?.currency ?? 'KRW'),
		p_alive: row.p_alive === null || row.p_alive === undefined ? null : Number(row.p_alive),
		predicted_clv: row.predicted_clv === null || row.predicted_clv === undefined ? null : Number(row.predicted_clv),
		clv_at: iso(row.clv_at),
		hidden: [...(tiers ? [] : ['tier']), ...(users ? [] : ['owner'])],
	};
}
