// What a merge changes beyond the rows it moved: the survivor's tier (from the combined points earned), stage and
// dynamic segment memberships, decided again with the same code the order hooks use.
import type { Knex } from 'knex';
import { lockCustomer } from '../loyalty/ledger';
import { loyaltySettings } from '../loyalty/settings';
import { reviewTier, type TierChange } from '../loyalty/tier-review';
import { activeDynamicSegments, reevaluateCustomer, type CustomerChange } from '../segments/segment-membership';
import { reevaluateStage } from '../stages/evaluate-customer';
import type { StageChange } from '../stages/stage-history';
import { loadStageContext } from '../stages/stage-rules-repo';

export interface AfterMerge {
	tier: TierChange | null;
	stage: StageChange | null;
	segments: CustomerChange[];
}

export async function reevaluateAfterMerge(knex: Knex, survivor: number, now: Date): Promise<AfterMerge> {
	const settings = await loyaltySettings(knex);
	const tier = await knex.transaction(async (trx) => {
		const { row } = await lockCustomer(trx, survivor);
		return reviewTier(trx, { id: survivor, tier: row.tier, tier_review_at: row.tier_review_at }, settings, now);
	});
	const stage = await reevaluateStage(knex, survivor, { ...(await loadStageContext(knex)), now, trigger: 'rule' });
	const { segments, timeZone } = await activeDynamicSegments(knex);
	const changes: CustomerChange[] = [];
	for (const segment of segments) {
		const change = await reevaluateCustomer(knex, segment, survivor, { now, timeZone });
		if (change) changes.push(change);
	}
	return { tier, stage, segments: changes };
}

export async function customerNames(knex: Knex, ids: number[]): Promise<Map<number, string | null>> {
	const names = new Map<number, string | null>();
	const unique = [...new Set(ids)];
	for (let i = 0; i < unique.length; i += 500)
		for (const row of await knex('crm_customers')
			.select('id', 'full_name')
			.whereIn('id', unique.slice(i, i + 500)))
			names.set(Number(row.id), row.full_name ?? null);
	return names;
}
