// The cohort retention matrix in ONE SQL statement: customers by the month of their first purchase ever
// (crm_customers.first_order_at), and per later month how many of them purchased. Months are local to the CRM time
// zone: bucketCase maps each timestamp to its month by bound instants, so SQLite and PostgreSQL agree.
import type { Knex } from 'knex';
import { shapeCohorts, SIZE_ROW, type CohortMatrix } from '../../domain/kpi/cohort';
import { periodOf, periodsEndingWith, shiftPeriod, type CivilDate } from '../../domain/kpi/period';
import type { KpiCache } from './cache';
import { filterKey, whereChannel, whereCustomer, type KpiFilters } from './filters';
import { bucketCase, PURCHASE_STATUSES, ts } from './sql';

export interface CohortRequest {
	/** How many acquisition months, ending with the month containing `at`. */
	months: number;
	at: CivilDate;
	/** Months before the one containing `at` for the last cohort (-1: the last complete month). */
	offset?: number;
	timeZone: string;
	/** Segment and tier narrow the customers; channel narrows the purchases counted (not the acquisition). */
	filters: KpiFilters;
	/** Months ending after this are in progress: marked, and left out of the average. Default: the request's time. */
	now?: Date;
}

export function cohortQuery(knex: Knex, boundaries: readonly Date[], filters: KpiFilters): Knex.QueryBuilder {
	const from = ts(knex, boundaries[0]);
	const to = ts(knex, boundaries[boundaries.length - 1]);
	const acquired = knex('crm_customers as c')
		.select(knex.raw('? as ??', [bucketCase(knex, 'c.first_order_at', boundaries), 'cohort']))
		.where('c.first_order_at', '>=', from)
		.where('c.first_order_at', '<', to);
	whereCustomer(knex, acquired, 'c.id', filters);
	const sizes = knex
		.from(acquired.as('a'))
		.select('a.cohort', knex.raw(`${SIZE_ROW} as ??`, ['month']), knex.raw('count(*) as ??', ['customers']))
		.groupBy('a.cohort');

	const bought = knex('crm_orders as o')
		.join('crm_customers as c', 'c.id', 'o.customer')
		.select(
			'o.customer',
			knex.raw('? as ??', [bucketCase(knex, 'c.first_order_at', boundaries), 'cohort']),
			knex.raw('? as ??', [bucketCase(knex, 'o.ordered_at', boundaries), 'month']),
		)
		.whereIn('o.status', PURCHASE_STATUSES as unknown as string[])
		.where('o.ordered_at', '>=', from)
		.where('o.ordered_at', '<', to)
		.where('c.first_order_at', '>=', from)
		.where('c.first_order_at', '<', to);
	whereChannel(bought, 'o.channel', filters);
	whereCustomer(knex, bought, 'o.customer', filters);
	const activity = knex
		.from(bought.as('b'))
		.select('b.cohort', 'b.month', knex.raw('count(distinct ??) as ??', ['b.customer', 'customers']))
		.groupBy('b.cohort', 'b.month');

	return knex
		.select('*')
		.from(sizes.as('s'))
		.unionAll(knex.select('*').from(activity.as('t')));
}

export function cohortMatrix(knex: Knex, request: CohortRequest, cache?: KpiCache): Promise<CohortMatrix> {
	const periods = periodsEndingWith(
		shiftPeriod(periodOf(request.at, 'month', request.timeZone), request.offset ?? 0),
		request.months,
	);
	const boundaries = [...periods.map((p) => p.start), periods[periods.length - 1].end];
	const now = (request.now ?? new Date()).getTime();
	const complete = periods.filter((p) => p.end.getTime() <= now).length;
	const compute = async () =>
		shapeCohorts(
			periods.map((p) => p.key),
			await cohortQuery(knex, boundaries, request.filters),
			complete,
		);
	if (!cache) return compute();
	const last = periods[periods.length - 1].key;
	return cache.get(
		['cohorts', request.months, last, complete, request.timeZone, filterKey(request.filters)].join('|'),
		compute,
	);
}
