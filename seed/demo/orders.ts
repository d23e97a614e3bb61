// Demo orders: when each customer buys (a steady rhythm for loyal and regular customers, scattered for the rest)
// and what (mostly their favourite categories and products, so purchases cluster for recommendations).
import { CATALOGUE, CATEGORIES, type Category, type DemoProduct } from './catalogue.ts';
import type { CustomerProfile } from './customers.ts';
import type { Rng } from './rng.ts';
import { DISCOUNTS } from './texts.ts';
import { DAY, atPlausibleHour, clamp, localMonth, toIso } from './time.ts';

export type OrderStatus = 'pending' | 'paid' | 'fulfilled' | 'refunded' | 'cancelled';
export type OrderChannel = 'store' | 'web' | 'app' | 'phone' | 'marketplace';

export interface DemoOrderLine {
	/** null for discount lines. */
	sku: string | null;
	product_name: string;
	category: Category | null;
	kind: 'product' | 'discount';
	quantity: number;
	/** Whole KRW; negative on discount lines. */
	unit_price: number;
	line_total: number;
}

export interface DemoOrder {
	external_id: string;
	customer_external_id: string;
	status: OrderStatus;
	channel: OrderChannel;
	ordered_at: string;
	/** Sum of line_total, whole KRW. */
	total: number;
	/** Positive amount taken off by discount lines. */
	discount_total: number;
	currency: 'KRW';
	lines: DemoOrderLine[];
}

/** An order before it gets its external id (ids follow time order across all customers). */
export type OrderDraft = Omit<DemoOrder, 'external_id'>;

const CHANNELS: readonly (readonly [OrderChannel, number])[] = [
	['store', 35],
	['web', 25],
	['app', 25],
	['phone', 5],
	['marketplace', 10],
];
const LINE_COUNTS = [
	[1, 40],
	[2, 30],
	[3, 20],
	[4, 10],
] as const;
// Seollal (Jan–Feb) and Chuseok (Sep) are the gift-set seasons.
const GIFT_MONTHS = new Set([0, 1, 8]);
const CATEGORY_POPULARITY = CATEGORIES.map((category) => CATALOGUE[category].popularity);

export function indexProducts(products: readonly DemoProduct[]): Map<Category, DemoProduct[]> {
	const byCategory = new Map<Category, DemoProduct[]>();
	for (const product of products)
		byCategory.set(product.category, [...(byCategory.get(product.category) ?? []), product]);
	return byCategory;
}

/** Sorted order times inside the profile's active period. */
export function planOrderTimes(rng: Rng, profile: CustomerProfile, nowMs: number): number[] {
	const { activeFromMs: from, orderCount: count } = profile;
	const to = Math.min(profile.activeToMs, nowMs);
	const span = to - from;
	const rhythm = profile.behaviour === 'loyal' ? 0.2 : profile.behaviour === 'regular' ? 0.4 : null;
	const times: number[] = [];
	for (let i = 0; i < count; i++) {
		// Loyal and regular customers come back at a steady pace; the rest buy at random moments.
		const position = rhythm === null ? rng.next() : clamp((i + 0.5 + rng.normal(0, rhythm)) / count, 0, 1);
		times.push(atPlausibleHour(rng, from + position * span, profile.utcOffsetHours, from, to));
	}
	return times.sort((a, b) => a - b);
}

function status(rng: Rng, atMs: number, nowMs: number): OrderStatus {
	// Only the last two days can still be waiting for payment.
	if (nowMs - atMs < 2 * DAY && rng.chance(0.6)) return 'pending';
	const r = rng.next();
	if (r < 0.03) return 'refunded';
	if (r < 0.05) return 'cancelled';
	return nowMs - atMs > 3 * DAY && r < 0.45 ? 'fulfilled' : 'paid';
}

function pickCategory(rng: Rng, profile: CustomerProfile, atMs: number): Category {
	if (GIFT_MONTHS.has(localMonth(atMs, profile.utcOffsetHours)) && rng.chance(0.12)) return 'gift_set';
	if (rng.chance(0.8)) return profile.favouriteCategories[rng.weightedIndex(profile.favouriteWeights)];
	return CATEGORIES[rng.weightedIndex(CATEGORY_POPULARITY)];
}

function productLine(rng: Rng, profile: CustomerProfile, product: DemoProduct): DemoOrderLine {
	const bulk =
		profile.bulkBuyer && (product.category === 'gift_set' || product.category === 'coffee') && rng.chance(0.25);
	const quantity = bulk ? rng.int(5, 30) : rng.weighted(CATALOGUE[product.category].quantities);
	return {
		sku: product.sku,
		product_name: product.name,
		category: product.category,
		kind: 'product',
		quantity,
		unit_price: product.price,
		line_total: product.price * quantity,
	};
}

function discountLine(rng: Rng, profile: CustomerProfile, subtotal: number): DemoOrderLine | null {
	const offer = DISCOUNTS[rng.weightedIndex(DISCOUNTS.map((d) => d.weight))];
	const wanted =
		offer.percent !== undefined ? Math.round((subtotal * offer.percent) / 100 / 100) * 100 : (offer.fixed ?? 0);
	// Never more than half the order, and always whole hundreds of won.
	const amount = Math.min(wanted, Math.floor(subtotal / 2 / 100) * 100);
	if (amount <= 0) return null;
	return {
		sku: null,
		product_name: offer[profile.lang],
		category: null,
		kind: 'discount',
		quantity: 1,
		unit_price: -amount,
		line_total: -amount,
	};
}

export function makeOrder(
	rng: Rng,
	profile: CustomerProfile,
	atMs: number,
	nowMs: number,
	productsByCategory: ReadonlyMap<Category, readonly DemoProduct[]>,
): OrderDraft {
	const lines: DemoOrderLine[] = [];
	const chosen = new Set<string>();
	const wantedLines = rng.weighted(LINE_COUNTS);
	// A few extra attempts because a repeated product is skipped rather than added twice.
	for (let attempt = 0; lines.length < wantedLines && attempt < wantedLines + 4; attempt++) {
		const options = productsByCategory.get(pickCategory(rng, profile, atMs)) ?? [];
		const favourites = options.filter((p) => profile.favouriteSkus.has(p.sku));
		const product = favourites.length > 0 && rng.chance(0.6) ? rng.pick(favourites) : rng.pick(options);
		if (chosen.has(product.sku)) continue;
		chosen.add(product.sku);
		lines.push(productLine(rng, profile, product));
	}
	const subtotal = lines.reduce((sum, line) => sum + line.line_total, 0);
	const discount = rng.chance(0.1) ? discountLine(rng, profile, subtotal) : null;
	if (discount) lines.push(discount);
	return {
		customer_external_id: profile.customer.external_id,
		status: status(rng, atMs, nowMs),
		channel: rng.chance(0.7) ? profile.preferredChannel : rng.weighted(CHANNELS),
		ordered_at: toIso(atMs),
		total: subtotal + (discount?.line_total ?? 0),
		discount_total: discount ? -discount.line_total : 0,
		currency: 'KRW',
		lines,
	};
}
