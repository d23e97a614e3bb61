// Incremental segment membership: when an order, interaction, feedback or customer changes, only that customer is
// re-evaluated, and only against the segments whose rules read the changed table. Action hooks are fire-and-forget,
// so this is the fast path; the scheduled full refresh (hourly/nightly) is the safety net that catches anything lost.
// A customer's purchase or arrival also changes what their referrer's `referrals` condition counts, so the referrer
// is re-evaluated against the segments that count referrals. (A referred_by moved away from someone is left to the
// scheduled refresh: the old value is gone by the time the action runs.)
import type { RegisterFunctions } from '@directus/types';
import type { Knex } from 'knex';
import { conditionTypes, tablesRead } from '../../../domain/segments/validate-rule';
import { activeDynamicSegments, reevaluateCustomer, type SegmentRow } from '../../../data/segments/segment-membership';
import { cachedFor } from '../../bounded';
import type { CrmContext } from '../../context';
import { forEachIsolated } from '../../../domain/shared/isolate';
import { recordSegmentError } from '../../../data/segments/segment-errors';
import { referrersOf } from '../../../data/referrers';

const CUSTOMER_LINKED = ['crm_orders', 'crm_interactions', 'crm_feedback'];
/** Events that can change a referred customer's standing in their referrer's `referrals` count (order_count, arrival). */
const REFERRAL_EVENTS = new Set(['crm_orders', 'crm_customers']);

async function customersOf(knex: Knex, collection: string, meta: Record<string, unknown>): Promise<number[]> {
	if (collection === 'crm_customers')
		return ((meta.keys ?? [meta.key]) as (number | string)[]).filter((k) => k != null).map(Number);
	// A created row names its customer in the payload (a plain id; a nested customer object is read back instead).
	const given = (meta.payload as Record<string, unknown> | undefined)?.customer;
	if (
		meta.key != null &&
		!meta.keys &&
		(typeof given === 'number' || (typeof given === 'string' && /^\d+$/.test(given)))
	)
		return [Number(given)];
	const keys = ((meta.keys ?? [meta.key]) as (number | string)[]).filter((k) => k != null);
	if (!keys.length) return [];
	const rows = await knex(collection).distinct('customer').whereIn('id', keys);
	return rows.map((row) => Number(row.customer)).filter((id) => Number.isFinite(id));
}

export function register({ action }: RegisterFunctions, { database, emitter, logger }: CrmContext) {
	// The active rules are asked after every order, interaction and answer: a 10-second cache, cleared when a segment
	// or the settings (time zone) change in this process; another replica sees a change within 10 s, and the scheduled
	// refresh covers what it missed meanwhile. What each rule reads is worked out once per load, not on every event.
	const activeSegments = cachedFor(10_000, async () => {
		const { segments, timeZone } = await activeDynamicSegments(database);
		return {
			timeZone,
			segments: segments.map((segment) => ({
				segment,
				tables: tablesRead(segment.rule),
				countsReferrals: conditionTypes(segment.rule).has('referrals'),
			})),
		};
	});
	for (const collection of ['crm_segments', 'crm_settings']) {
		for (const event of ['create', 'update', 'delete'])
			action(`${collection}.items.${event}`, () => activeSegments.clear());
	}
	const handle = (collection: string) => async (meta: Record<string, unknown>) => {
		try {
			const { segments: active, timeZone } = await activeSegments(undefined);
			const direct = active.filter((entry) => entry.tables.has(collection)).map((entry) => entry.segment);
			const countingReferrals = REFERRAL_EVENTS.has(collection)
				? active.filter((entry) => entry.countsReferrals).map((entry) => entry.segment)
				: [];
			if (!direct.length && !countingReferrals.length) return;
			const customers = await customersOf(database, collection, meta);
			const options = { now: new Date(), timeZone };
			const evaluate = async (customer: number, segments: SegmentRow[]) => {
				// One failing segment never stops the later ones: recorded on it and logged by id, without the SQL.
				await forEachIsolated(
					segments,
					async (segment) => {
						const change = await reevaluateCustomer(database, segment, customer, options);
						if (change) emitter.emitAction(`crm.segment.${change.change}`, { segment: change.segment, customer }, null);
					},
					async (segment, reason) => {
						logger.warn(`crm: segment ${segment.id} evaluation of customer ${customer} failed: ${reason}`);
						await recordSegmentError(database, segment.id, reason, new Date());
					},
				);
			};
			for (const customer of customers) await evaluate(customer, direct);
			if (countingReferrals.length)
				for (const referrer of await referrersOf(database, customers)) await evaluate(referrer, countingReferrals);
		} catch (error) {
			logger.error(error, 'crm: incremental segment update failed');
		}
	};
	for (const collection of [...CUSTOMER_LINKED, 'crm_customers']) {
		action(`${collection}.items.create`, handle(collection));
		action(`${collection}.items.update`, handle(collection));
	}
}
