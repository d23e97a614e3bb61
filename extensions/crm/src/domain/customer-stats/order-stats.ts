// How one order's change moves its customer's cached statistics. Pure: the caller reads and writes the database.

/** Orders in these statuses count as purchases; pending, refunded and cancelled ones do not. */
export const PURCHASE_STATUSES = ['paid', 'fulfilled'] as const;

export interface OrderFacts {
	customer: string | number | null;
	status: string;
	total: number;
	orderedAt: Date | null;
}

/** A change to one customer's stats: counters to add, a purchase date gained and/or lost. */
export interface StatsDelta {
	customer: string | number;
	orders: number;
	spent: number;
	gainedPurchaseAt: Date | null;
	lostPurchaseAt: Date | null;
}

export function isPurchase(order: OrderFacts | null): order is OrderFacts & { customer: string | number } {
	return !!order && order.customer !== null && (PURCHASE_STATUSES as readonly string[]).includes(order.status);
}

const roundMoney = (value: number) => Math.round(value * 100) / 100;

/** The deltas that turn the stats for `before` into the stats for `after` (either may be null: create / delete). */
export function statsDeltas(before: OrderFacts | null, after: OrderFacts | null): StatsDelta[] {
	const deltas = new Map<string, StatsDelta>();
	const deltaFor = (customer: string | number) => {
		const key = String(customer);
		let delta = deltas.get(key);
		if (!delta) {
			delta = { customer, orders: 0, spent: 0, gainedPurchaseAt: null, lostPurchaseAt: null };
			deltas.set(key, delta);
		}
		return delta;
	};
	if (isPurchase(before)) {
		const delta = deltaFor(before.customer);
		delta.orders -= 1;
		delta.spent = roundMoney(delta.spent - before.total);
		delta.lostPurchaseAt = before.orderedAt;
	}
	if (isPurchase(after)) {
		const delta = deltaFor(after.customer);
		delta.orders += 1;
		delta.spent = roundMoney(delta.spent + after.total);
		delta.gainedPurchaseAt = after.orderedAt;
		if (delta.lostPurchaseAt && after.orderedAt && delta.lostPurchaseAt.getTime() === after.orderedAt.getTime()) {
			delta.lostPurchaseAt = null;
			delta.gainedPurchaseAt = null;
		}
	}
	return [...deltas.values()].filter((d) => d.orders !== 0 || d.spent !== 0 || d.gainedPurchaseAt || d.lostPurchaseAt);
}

/** Reads the order fields the stats depend on from a raw row or payload; amounts may arrive as strings (decimals). */
export function orderFacts(row: Record<string, unknown>, defaults: Partial<OrderFacts> = {}): OrderFacts {
	const total = row.total ?? defaults.total ?? 0;
	const orderedAt = row.ordered_at ?? defaults.orderedAt ?? null;
	return {
		customer: (row.customer as string | number | null | undefined) ?? defaults.customer ?? null,
		status: String(row.status ?? defaults.status ?? 'paid'),
		total: Number(total),
		orderedAt: orderedAt === null ? null : parseTimestamp(orderedAt),
	};
}

/** Accepts Date, ISO strings and epoch milliseconds (SQLite stores Directus timestamps as numbers). */
export function parseTimestamp(value: unknown): Date | null {
	if (value instanceof Date) return value;
	if (typeof value === 'number') return new Date(value);
	if (typeof value === 'string' && value.trim() !== '') {
		const date = /^\d{10,}$/.test(value) ? new Date(Number(value)) : new Date(value);
		return Number.isNaN(date.getTime()) ? null : date;
	}
	return null;
}
