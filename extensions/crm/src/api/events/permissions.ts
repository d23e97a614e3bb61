// Collection-level permissions each event needs, checked before anything is claimed or written (Directus checks
// again, field by field, when the ItemsService writes).
import type { Accountability } from '@directus/types';
import type { Knex } from 'knex';
import { canAccess, type Action } from '../access';
import type { ValidEvent } from '../../domain/events/validate-event';
import type { EventType } from '../../domain/events/types';

type Need = [collection: string, action: Action];

const BASE: Record<EventType, Need[]> = {
	'customer.upsert': [
		['crm_customers', 'read'],
		['crm_customers', 'create'],
		['crm_customers', 'update'],
	],
	'order.placed': [
		['crm_customers', 'read'],
		['crm_orders', 'create'],
	],
	'order.paid': [
		['crm_orders', 'read'],
		['crm_orders', 'update'],
	],
	'order.refunded': [
		['crm_orders', 'read'],
		['crm_orders', 'update'],
	],
	'order.cancelled': [
		['crm_orders', 'read'],
		['crm_orders', 'update'],
	],
	'interaction.logged': [
		['crm_customers', 'read'],
		['crm_interactions', 'create'],
	],
};

function needs(event: ValidEvent): Need[] {
	const list = [...BASE[event.type]];
	const lines = event.data.lines as { sku?: string }[] | undefined;
	if (lines?.length) list.push(['crm_order_lines', 'create']);
	if (lines?.some((line) => line.sku)) list.push(['crm_products', 'read']);
	if (event.data.order !== undefined) list.push(['crm_orders', 'read']);
	return list;
}

export class EventPermissions {
	private readonly cache = new Map<string, Promise<boolean>>();

	constructor(
		private readonly knex: Knex,
		private readonly accountability: Accountability,
	) {}

	private can([collection, action]: Need): Promise<boolean> {
		const key = `${collection}:${action}`;
		if (!this.cache.has(key)) this.cache.set(key, canAccess(this.knex, this.accountability, collection, action));
		return this.cache.get(key)!;
	}

	/** The first permission the event lacks, or null. */
	async missing(event: ValidEvent): Promise<Need | null> {
		for (const need of needs(event)) if (!(await this.can(need))) return need;
		return null;
	}

	/** Whether the caller may send at least one kind of event. */
	async canSendAny(): Promise<boolean> {
		for (const base of Object.values(BASE)) {
			let all = true;
			for (const need of base) all = all && (await this.can(need));
			if (all) return true;
		}
		return false;
	}
}
