// @directus/sdk schema types for the CRM's collections: `createDirectus<CrmSchema>(url)`.
// Conventions (Directus's REST output): timestamps are ISO strings, decimals come as strings on PostgreSQL and as
// numbers on SQLite, relations are the related id unless expanded with `fields`.
import type { DirectusUser } from '@directus/sdk';
import type * as T from '../domain/events/types';
import type {
	CrmCoupon,
	CrmEventRecord,
	CrmHistory,
	CrmLoyaltyRule,
	CrmPointsMovement,
	CrmReward,
	CrmTier,
} from './schema-loyalty';

export type Decimal = number | string;
export type Timestamp = string;
export type User = string | DirectusUser<CrmSchema>;
type Many<Item> = number[] | Item[];

export interface CrmSettings {
	id: number;
	currency: 'KRW' | 'USD';
	default_language: 'ko-KR' | 'en-US';
	timezone: string;
	quiet_hours_start: string | null;
	quiet_hours_end: string | null;
	sender_name: string | null;
	sender_email: string | null;
	sender_phone: string | null;
	sender_address: string | null;
	nps_low_threshold: number | null;
	points_expiry_days: number | null;
	points_expiring_notice_days: number | null;
	allow_negative_points: boolean;
	tier_window_days: number | null;
	tier_review_days: number | null;
	tier_grace_days: number | null;
	schema_version: string | null;
}

export interface CrmCustomer {
	id: number;
	status: 'active' | 'archived';
	full_name: string;
	first_name: string | null;
	last_name: string | null;
	email: string | null;
	phone: string | null;
	external_id: string | null;
	stage: 'prospect' | 'customer' | 'regular' | 'advocate' | 'partner';
	stage_locked: boolean;
	owner: User | null;
	source: T.CustomerSource | null;
	referred_by: number | CrmCustomer | null;
	birthday: string | null;
	gender: 'female' | 'male' | 'other' | null;
	language: 'ko-KR' | 'en-US' | null;
	timezone: string | null;
	company: string | null;
	address: string | null;
	postal_code: string | null;
	country: string | null;
	tags: string[] | null;
	preferred_channel: 'email' | 'sms' | 'kakao' | 'phone' | null;
	preferences: Record<string, unknown> | null;
	consent_email: boolean;
	consent_email_at: Timestamp | null;
	consent_sms: boolean;
	consent_sms_at: Timestamp | null;
	consent_kakao: boolean;
	consent_kakao_at: Timestamp | null;
	consent_night: boolean;
	consent_night_at: Timestamp | null;
	order_count: number;
	total_spent: Decimal;
	first_order_at: Timestamp | null;
	last_order_at: Timestamp | null;
	last_interaction_at: Timestamp | null;
	last_nps: number | null;
	rfm_r: number | null;
	rfm_f: number | null;
	rfm_m: number | null;
	rfm_cell: string | null;
	rfm_at: Timestamp | null;
	/** BG/NBD probability the customer is still active (0-1), refitted weekly. */
	p_alive: number | null;
	expected_purchases_90d: number | null;
	/** Predicted 12-month value (decimal; PostgreSQL returns a string). */
	predicted_clv: Decimal | null;
	clv_at: Timestamp | null;
	points_balance: number;
	points_earned: number;
	tier: number | CrmTier | null;
	tier_review_at: Timestamp | null;
	notes: string | null;
	orders: Many<CrmOrder>;
	interactions: Many<CrmInteraction>;
	date_created: Timestamp | null;
	date_updated: Timestamp | null;
}

export interface CrmProduct {
	id: number;
	status: 'active' | 'archived';
	sort: number | null;
	sku: string;
	name: string;
	category: string | null;
	price: Decimal | null;
	description: string | null;
	/** Recomputed by the CRM (POST /crm/recommendations/refresh and nightly); read-only. */
	also_bought:
		{ product: number; name: string; support: number; confidence: number; lift: number; pair_count: number }[] | null;
	also_bought_at: Timestamp | null;
	date_created: Timestamp | null;
}

export interface CrmOrder {
	id: number;
	status: T.OrderStatus;
	external_id: string | null;
	customer: number | CrmCustomer;
	channel: T.OrderChannel | null;
	ordered_at: Timestamp;
	total: Decimal;
	discount_total: Decimal | null;
	currency: string | null;
	notes: string | null;
	points_pending: boolean;
	lines: Many<CrmOrderLine>;
	date_created: Timestamp | null;
	date_updated: Timestamp | null;
}

export interface CrmOrderLine {
	id: number;
	order: number | CrmOrder;
	product: number | CrmProduct | null;
	kind: T.LineKind;
	product_name: string | null;
	category: string | null;
	quantity: number;
	unit_price: Decimal | null;
	line_total: Decimal | null;
}

export interface CrmInteraction {
	id: number;
	customer: number | CrmCustomer;
	channel: T.InteractionChannel;
	direction: 'inbound' | 'outbound' | 'internal' | null;
	type: T.InteractionType;
	status: 'open' | 'done' | null;
	subject: string | null;
	body: string | null;
	occurred_at: Timestamp;
	due_at: Timestamp | null;
	staff: User | null;
	assignee: User | null;
	order: number | CrmOrder | null;
	source_key: string | null;
	date_created: Timestamp | null;
	date_updated: Timestamp | null;
}

export interface CrmFeedback {
	id: number;
	customer: number | CrmCustomer;
	kind: 'nps' | 'csat' | 'review';
	score: number;
	comment: string | null;
	survey: string | null;
	order: number | CrmOrder | null;
	channel: T.InteractionChannel | null;
	answered_at: Timestamp;
	source_key: string | null;
	date_created: Timestamp | null;
}

export interface CrmSegment {
	id: number;
	status: 'active' | 'archived';
	name: string;
	description: string | null;
	kind: 'dynamic' | 'static';
	rule: Record<string, unknown> | null;
	refresh: 'manual' | 'hourly' | 'nightly' | null;
	member_count: number | null;
	refreshed_at: Timestamp | null;
	date_created: Timestamp | null;
	date_updated: Timestamp | null;
}

export interface CrmSegmentMember {
	id: number;
	segment: number | CrmSegment;
	customer: number | CrmCustomer;
	entered_at: Timestamp;
	left_at: Timestamp | null;
	source: 'rule' | 'manual' | 'csv' | null;
}

/** The CRM's part of a Directus schema; intersect it with your own collections' types if you have some. */
export interface CrmSchema {
	crm_settings: CrmSettings;
	crm_customers: CrmCustomer[];
	crm_products: CrmProduct[];
	crm_orders: CrmOrder[];
	crm_order_lines: CrmOrderLine[];
	crm_interactions: CrmInteraction[];
	crm_feedback: CrmFeedback[];
	crm_segments: CrmSegment[];
	crm_segment_members: CrmSegmentMember[];
	crm_loyalty_rules: CrmLoyaltyRule[];
	crm_tiers: CrmTier[];
	crm_rewards: CrmReward[];
	crm_coupons: CrmCoupon[];
	crm_points_ledger: CrmPointsMovement[];
	crm_events: CrmEventRecord[];
	crm_history: CrmHistory[];
}
