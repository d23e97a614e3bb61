// The filters any KPI takes: a segment (its current members), a tier (id or code) and a sales channel.
import type { Knex } from 'knex';

export interface KpiFilters {
	/** crm_segments id: customers currently in the segment (crm_segment_members with no left_at). */
	segment?: number | null;
	/** crm_tiers id, or its code. */
	tier?: number | string | null;
	/** Order channel (store, web, app, phone, marketplace); for NPS/CSAT the answer's channel. */
	channel?: string | null;
}

/** A stable text for cache keys and snapshot keys. */
export function filterKey(filters: KpiFilters): string {
	return `s=${filters.segment ?? ''};t=${filters.tier ?? ''};c=${filters.channel ?? ''}`;
}

/** Restricts `customerColumn` to the segment's current members and the tier's customers. */
export function whereCustomer(
	knex: Knex,
	qb: Knex.QueryBuilder,
	customerColumn: string,
	filters: KpiFilters,
): Knex.QueryBuilder {
	if (filters.segment !== undefined && filters.segment !== null) {
		qb.whereIn(
			customerColumn,
			knex('crm_segment_members').select('customer').where('segment', filters.segment).whereNull('left_at'),
		);
	}
	if (filters.tier !== undefined && filters.tier !== null && filters.tier !== '') {
		const tier = filters.tier;
		const inTier = knex('crm_customers').select('id');
		if (typeof tier === 'number') inTier.where('tier', tier);
		else inTier.whereIn('tier', knex('crm_tiers').select('id').where('code', tier));
		qb.whereIn(customerColumn, inTier);
	}
	return qb;
}

/** `channelColumn = channel` when a channel is given. */
export function whereChannel(qb: Knex.QueryBuilder, channelColumn: string, filters: KpiFilters): Knex.QueryBuilder {
	if (filters.channel) qb.where(channelColumn, filters.channel);
	return qb;
}
