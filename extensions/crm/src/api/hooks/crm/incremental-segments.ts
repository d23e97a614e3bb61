// Incremental segment membership: when an order, interaction, feedback or customer changes, only that customer is
// re-evaluated, and only against the segments whose rules read the changed table. Action hooks are fire-and-forget,
// so this is the fast path; the scheduled full refresh (hourly/nightly) is the safety net that catches anything lost.
import type { Knex } from 'knex';
import { tablesRead } from '../../../domain/segments/validate-rule';
import { reevaluateCustomer, segmentsReading } from '../../../data/segments/segment-membership';
import type { ActionEmitter } from '../../segment-events';

type Action = (event: string, handler: (meta: Record<string, unknown>) => Promise<void> | void) => void;

const CUSTOMER_LINKED = ['crm_orders', 'crm_interactions', 'crm_feedback'];

async function customersOf(knex: Knex, collection: string, meta: Record<string, unknown>): Promise<number[]> {
	if (collection === 'crm_customers') return ((meta.keys ?? [meta.key]) as (number | string)[]).filter((k) => k != null).map(Number);
	// A created row names its customer in the payload (a plain id; a nested customer object is read back instead).
	const given = (meta.payload as Record<string, unknown> | undefined)?.customer;
	if (meta.key != null && !meta.keys && (typeof given === 'number' || (typeof given === 'string' && /^\d+$/.test(given)))) return [Number(given)];
	const keys = ((meta.keys ?? [meta.key]) as (number | string)[]).filter((k) => k != null);
	if (!keys.length) return [];
	const rows = await knex(collection).distinct('customer').whereIn('id', keys);
	return rows.map((row) => Number(row.customer)).filter((id) => Number.isFinite(id));
}

export function registerIncrementalSegments(action: Action, database: Knex, emitter: ActionEmitter, logError: (error: unknown) => void) {
	const handle = (collection: string) => async (meta: Record<string, unknown>) => {
		try {
			const { segments, timeZone } = await segmentsReading(database, collection, (rule) => tablesRead(rule));
			if (!segments.length) return;
			const customers = await customersOf(database, collection, meta);
			const options = { now: new Date(), timeZone };
			for (const customer of customers) {
				for (const segment of segments) {
					const change = await reevaluateCustomer(database, segment, customer, options);
					if (change) emitter.emitAction(`crm.segment.${change.change}`, { segment: change.segment, customer }, null);
				}
			}
		} catch (error) {
			logError(error);
		}
	};
	for (const collection of [...CUSTOMER_LINKED, 'crm_customers']) {
		action(`${collection}.items.create`, handle(collection));
		action(`${collection}.items.update`, handle(collection));
	}
}
