// Brings an order's points in line with its status: a paid order earns once; a refunded or cancelled order gives back
// exactly what it earned and voids coupons used on it. Safe to run any number of times, on any replica: every
// movement is keyed by its cause and the customer's row lock serialises concurrent runs.
import type { Knex } from 'knex';
import {
	bonusAwards,
	earnForOrder,
	expiryFor,
	isBirthdayMonth,
	type Award,
	type EarningRule,
	type OrderForEarning,
	type Tier,
} from '../../domain/loyalty';
import { isPurchase, orderFacts, parseTimestamp, PURCHASE_STATUSES } from '../../domain/customer-stats/order-stats';
import { lockCustomer, lockOrderCustomer, postMovement } from './ledger';
import { capUsage } from './rules-repo';
import { loyaltyProgramme } from './programme-cache';
import type { LoyaltySettings } from './settings';
import { toDbTimestamp } from '../timestamps';
import { reviewTier, type TierChange } from './tier-review';
import { voidCouponsOfOrder } from './coupons';

export interface SettleResult {
	order: number;
	earned: number;
	reversed: number;
	tierChange: TierChange | null;
}

export async function settleOrderPoints(
	knex: Knex,
	orderId: number,
	settings: LoyaltySettings,
	now: Date,
): Promise<SettleResult | null> {
	return knex.transaction(async (trx) => {
		const readOrder = () =>
			trx('crm_orders').first('id', 'customer', 'status', 'total', 'ordered_at', 'channel').where('id', orderId);
		// The order's customer, locked in one statement; when that finds nothing, tell a missing order (null, retried)
		// from a missing customer (thrown), as a separate read would.
		let locked = await lockOrderCustomer(trx, orderId);
		if (!locked) {
			const seen = await readOrder();
			if (!seen) return null;
			locked = await lockCustomer(trx, Number(seen.customer));
		}
		// Read under the lock: a writer still holding it (e.g. an events-API transaction whose after-save hooks
		// fired before its commit) has committed by now, so this is the order's latest status.
		const order = await readOrder();
		if (!order) return null;
		let balance = locked.balance;
		const result: SettleResult = { order: orderId, earned: 0, reversed: 0, tierChange: null };
		const programme = await loyaltyProgramme(trx, now.getTime());
		const movements = await trx('crm_points_ledger')
			.select('id', 'points', 'rule', 'kind')
			.where({ order: orderId })
			.whereIn('kind', ['earn', 'reverse']);
		const earnings = movements.filter((row) => row.kind === 'earn');
		const reversals = movements.filter((row) => row.kind === 'reverse');

		if (isPurchase(orderFacts(order))) {
			// Once an order's points were reversed it never earns again (a re-opened refund is a new order for loyalty).
			if (!earnings.length && !reversals.length) {
				for (const award of await awardsFor(trx, order, locked.row, settings, programme)) {
					const posted = await postMovement(trx, balance, {
						customer: Number(order.customer),
						kind: 'earn',
						points: award.points,
						sourceKey: award.sourceKey,
						occurredAt: parseTimestamp(order.ordered_at) ?? now,
						expiresAt: expiryFor(parseTimestamp(order.ordered_at) ?? now, settings.expiryDays),
						order: orderId,
						rule: award.ruleId,
						reason: award.detail,
					});
					balance = posted.balance;
					if (!posted.duplicate) result.earned += posted.points;
				}
			}
		} else if (order.status === 'refunded' || order.status === 'cancelled') {
			for (const earning of earnings) {
				const posted = await postMovement(trx, balance, {
					customer: Number(order.customer),
					kind: 'reverse',
					points: -Number(earning.points),
					sourceKey: `reverse:${earning.id}`,
					occurredAt: now,
					order: orderId,
					rule: earning.rule,
					reason: `order ${orderId} ${order.status}`,
					preferLots: [earning.id],
					shortfall: settings.allowNegative ? 'negative' : 'clip',
				});
				balance = posted.balance;
				if (!posted.duplicate) result.reversed -= posted.points;
			}
			balance = await voidCouponsOfOrder(trx, orderId, balance, now);
		}
		// Tiers move only when earned points do; review dates are handled by the nightly job.
		// Tiers move at once only upward, and only when lifetime earnings could reach a higher tier (the window sum never
		// exceeds them); downgrades wait for the nightly review. This skips the window aggregate on most orders.
		// A reversal re-checks too (a downgrade it causes still waits for the review date).
		if (
			result.reversed > 0 ||
			(result.earned > 0 &&
				upgradePossible(programme.tiers, locked.row.tier, Number(locked.row.points_earned ?? 0) + result.earned))
		)
			result.tierChange = await reviewTier(
				trx,
				{ id: Number(order.customer), tier: locked.row.tier, tier_review_at: locked.row.tier_review_at },
				settings,
				now,
				programme.tiers,
			);
		await trx('crm_orders').where({ id: orderId, status: order.status }).update({ points_pending: false });
		return result;
	});
}

type KeyedAward = Award & { sourceKey: string };

async function awardsFor(
	trx: Knex,
	order: Record<string, unknown>,
	customer: Record<string, unknown>,
	settings: LoyaltySettings,
	programme: { rules: EarningRule[]; tiers: Tier[] },
): Promise<KeyedAward[]> {
	const { rules, tiers } = programme;
	if (!rules.length) return [];
	const customerId = Number(order.customer);
	const orderedAt = parseTimestamp(order.ordered_at) ?? new Date(0);
	const tier = tiers.find((candidate) => String(candidate.id) === String(customer.tier)) ?? null;
	const usage = await capUsage(trx, customerId, rules, orderedAt, settings.timeZone);
	const context = {
		tierCode: tier?.code ?? null,
		tierMultiplier: tier?.multiplier ?? 1,
		timeZone: settings.timeZone,
		earnedTodayByRule: usage.today,
		earnedTotalByRule: usage.total,
	};
	// Lines with their products' SKUs in one statement (rules name products by SKU).
	const lines = await trx('crm_order_lines as l')
		.leftJoin('crm_products as p', 'p.id', 'l.product')
		.select('l.kind', 'l.product', 'p.sku', 'l.category', 'l.quantity', 'l.line_total')
		.where('l.order', order.id as number);
	const facts: OrderForEarning = {
		orderedAt,
		channel: (order.channel as string | null) ?? null,
		total: Number(order.total ?? 0),
		lines: lines.map((line) => ({
			kind: line.kind,
			product: line.product === null ? null : (line.sku ?? String(line.product)),
			category: line.category ?? null,
			quantity: Number(line.quantity ?? 0),
			lineTotal: Number(line.line_total ?? 0),
		})),
	};
	// The ledger shows the rule's own name (written by the business in its language) as the reason.
	const named = (award: Award, sourceKey: string): KeyedAward => ({
		...award,
		detail: rules.find((rule) => String(rule.id) === String(award.ruleId))?.name ?? award.detail,
		sourceKey,
	});
	const awards: KeyedAward[] = earnForOrder(rules, facts, context).map((award) =>
		named(award, `earn:order:${order.id}:rule:${award.ruleId}`),
	);
	// Bonuses keyed per customer (first purchase) or per customer and year (birthday month), so each is paid once.
	if (
		await isFirstPurchase(trx, customerId, { id: Number(order.id), orderedAt }, parseTimestamp(customer.first_order_at))
	) {
		for (const award of bonusAwards(rules, 'first_purchase', orderedAt, context, facts.channel))
			awards.push(named(award, `bonus:first_purchase:${customerId}:rule:${award.ruleId}`));
	}
	if (isBirthdayMonth(birthdayString(customer.birthday), orderedAt, settings.timeZone)) {
		const year = new Intl.DateTimeFormat('en-CA', { timeZone: settings.timeZone, year: 'numeric' }).format(orderedAt);
		for (const award of bonusAwards(rules, 'birthday_month', orderedAt, context, facts.channel))
			awards.push(named(award, `bonus:birthday_month:${customerId}:${year}:rule:${award.ruleId}`));
	}
	return awards;
}

/**
 * No purchase of this customer precedes this order in (ordered_at, id) order, so concurrent orders agree on which one
 * was first. The cached first purchase date answers most cases without a query.
 */
async function isFirstPurchase(
	trx: Knex,
	customer: number,
	order: { id: number; orderedAt: Date },
	firstOrderAt: Date | null,
): Promise<boolean> {
	if (firstOrderAt && firstOrderAt.getTime() < order.orderedAt.getTime()) return false;
	const at = toDbTimestamp(trx, order.orderedAt);
	const earlier = await trx('crm_orders')
		.first('id')
		.where('customer', customer)
		.whereIn('status', PURCHASE_STATUSES as unknown as string[])
		.where((where) =>
			where.where('ordered_at', '<', at).orWhere((tie) => tie.where('ordered_at', '=', at).where('id', '<', order.id)),
		);
	return !earlier;
}

/** Whether some tier above the current one has a threshold the customer's lifetime earnings reach. */
function upgradePossible(tiers: Tier[], currentTier: unknown, lifetimeEarned: number): boolean {
	const current = tiers.find((tier) => String(tier.id) === String(currentTier));
	return tiers.some((tier) => (current ? tier.rank > current.rank : true) && tier.threshold <= lifetimeEarned);
}

function birthdayString(value: unknown): string | null {
	if (value === null || value === undefined || value === '') return null;
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if (typeof value === 'number') return new Date(value).toISOString().slice(0, 10);
	return String(value).slice(0, 10);
}
