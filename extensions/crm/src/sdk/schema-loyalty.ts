// Schema types of the loyalty collections, the events journal and the change history (see schema.ts).
import type * as T from '../domain/events/types';
import type { CrmCustomer, CrmOrder, CrmProduct, Decimal, Timestamp, User } from './schema';

export interface CrmLoyaltyRule {
	id: number;
	status: 'active' | 'archived';
	name: string;
	kind: 'spend' | 'multiplier' | 'bonus';
	points: Decimal | null;
	per_amount: Decimal | null;
	factor: Decimal | null;
	formula: string | null;
	event: 'first_purchase' | 'birthday_month' | 'survey_answered' | 'referral' | 'review' | null;
	stacking: 'additive' | 'best_of';
	priority: number | null;
	tiers: string[] | null;
	categories: string[] | null;
	products: string[] | null;
	channels: string[] | null;
	weekdays: string[] | null;
	starts_at: Timestamp | null;
	ends_at: Timestamp | null;
	cap_per_order: number | null;
	cap_per_day: number | null;
	cap_per_customer: number | null;
	description: string | null;
	date_created: Timestamp | null;
	date_updated: Timestamp | null;
}

export interface CrmTier {
	id: number;
	code: string;
	name: string;
	rank: number;
	threshold: Decimal;
	multiplier: Decimal;
	free_shipping: boolean;
	birthday_reward: number | CrmReward | null;
	color: string | null;
	description: string | null;
}

export interface CrmReward {
	id: number;
	status: 'active' | 'archived';
	name: string;
	points_cost: number;
	kind: 'amount' | 'percent' | 'free_product';
	amount: Decimal | null;
	percent: Decimal | null;
	max_discount: Decimal | null;
	product: number | CrmProduct | null;
	valid_days: number;
	description: string | null;
}

export interface CrmCoupon {
	id: number;
	code: string;
	customer: number | CrmCustomer;
	reward: number | CrmReward;
	status: 'issued' | 'used' | 'voided' | 'expired';
	points_cost: number | null;
	issued_at: Timestamp | null;
	expires_at: Timestamp | null;
	used_at: Timestamp | null;
	order: number | CrmOrder | null;
	source_key: string | null;
}

export interface CrmPointsMovement {
	id: number;
	customer: number | CrmCustomer;
	kind: 'earn' | 'redeem' | 'expire' | 'adjust' | 'reverse';
	points: number;
	occurred_at: Timestamp;
	expires_at: Timestamp | null;
	lot_remaining: number | null;
	allocations: unknown;
	order: number | CrmOrder | null;
	rule: number | CrmLoyaltyRule | null;
	coupon: number | CrmCoupon | null;
	reason: string | null;
	staff: User | null;
	source_key: string;
}

/** One row of the events journal (what POST /crm/events recorded under an idempotency key). */
export interface CrmEventRecord {
	id: number;
	idempotency_key: string;
	type: T.EventType;
	status: 'processed' | 'rejected';
	received_at: Timestamp;
	payload: T.CrmEvent | null;
	result: { fingerprint: string; http_status: number; data?: Record<string, unknown>; errors?: T.EventError[] } | null;
}

export interface CrmHistory {
	id: number;
	customer: number | CrmCustomer;
	kind: 'stage' | 'tier' | 'consent' | 'merge';
	from_value: string | null;
	to_value: string | null;
	reason: string | null;
	changed_at: Timestamp;
	staff: User | null;
}
