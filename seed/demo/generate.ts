// Deterministic demo data for the CRM: customers with realistic repeat behaviour (loyal, regular, occasional,
// lapsed, one-time, prospects), orders clustered on each customer's favourite categories, interactions and
// survey answers. Pure: seed and `now` in, plain objects out, with references by external id and SKU.
// No clock reads, no Math.random, no I/O, no Directus imports.
import { makeProducts, type DemoProduct } from './catalogue.ts';
import { assignBehaviours, makeProfile, type DemoCustomer } from './customers.ts';
import {
	makeFeedback,
	makeInteractions,
	type DemoFeedback,
	type DemoInteraction,
	type FeedbackDraft,
} from './engagement.ts';
import { indexProducts, makeOrder, planOrderTimes, type DemoOrder, type OrderDraft } from './orders.ts';
import { createRng } from './rng.ts';

export type { Category, DemoProduct } from './catalogue.ts';
export type { CustomerSource, CustomerTag, DemoCustomer } from './customers.ts';
export type { DemoFeedback, DemoInteraction, FeedbackChannel } from './engagement.ts';
export type { Gender, Language } from './names.ts';
export type { DemoOrder, DemoOrderLine, OrderChannel, OrderStatus } from './orders.ts';

export interface DemoOptions {
	seed: number;
	/** Number of customers; orders average about ten per customer. */
	customers: number;
	/** The moment the data is generated "at": nothing is dated after it. */
	now: Date;
}

export interface DemoData {
	products: DemoProduct[];
	customers: DemoCustomer[];
	/** Sorted by ordered_at; external ids follow that order. */
	orders: DemoOrder[];
	/** Sorted by occurred_at. */
	interactions: DemoInteraction[];
	/** Sorted by answered_at; source_keys follow that order. */
	feedback: DemoFeedback[];
}

const byTime = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function generateDemoData(options: DemoOptions): DemoData {
	const { seed, customers: customerCount } = options;
	const nowMs = options.now.getTime();
	if (!Number.isInteger(customerCount) || customerCount < 0 || customerCount > 99_999)
		throw new RangeError('customers must be an integer from 0 to 99999');
	if (!Number.isFinite(nowMs)) throw new RangeError('now must be a valid date');

	const rng = createRng(seed);
	const products = makeProducts();
	const productsByCategory = indexProducts(products);
	const usedPhones = new Set<string>();
	const customers: DemoCustomer[] = [];
	const orderDrafts: { atMs: number; order: OrderDraft }[] = [];
	const interactions: DemoInteraction[] = [];
	const feedbackDrafts: FeedbackDraft[] = [];

	assignBehaviours(rng, customerCount).forEach((behaviour, index) => {
		const profile = makeProfile(rng, index + 1, behaviour, nowMs, products, usedPhones);
		customers.push(profile.customer);
		const orderTimes = planOrderTimes(rng, profile, nowMs);
		for (const atMs of orderTimes)
			orderDrafts.push({ atMs, order: makeOrder(rng, profile, atMs, nowMs, productsByCategory) });
		interactions.push(...makeInteractions(rng, profile, orderTimes, nowMs));
		feedbackDrafts.push(...makeFeedback(rng, profile, orderTimes, nowMs));
	});

	// Array.prototype.sort is stable, so ties keep customer order and the output stays deterministic.
	orderDrafts.sort((a, b) => a.atMs - b.atMs);
	interactions.sort((a, b) => byTime(a.occurred_at, b.occurred_at));
	feedbackDrafts.sort((a, b) => byTime(a.answered_at, b.answered_at));

	return {
		products,
		customers,
		orders: orderDrafts.map(({ order }, i) => ({ external_id: `demo-o-${String(i + 1).padStart(6, '0')}`, ...order })),
		interactions,
		feedback: feedbackDrafts.map((answer, i) => ({
			...answer,
			source_key: `demo-f-${String(i + 1).padStart(5, '0')}`,
		})),
	};
}
