// Demo customers and the hidden profile that drives their buying: behaviour type, active period, order count,
// favourite categories and products, preferred channel.
import { CATALOGUE, CATEGORIES, type Category, type DemoProduct } from './catalogue.ts';
import { makePerson, type Gender, type Language } from './names.ts';
import type { OrderChannel } from './orders.ts';
import type { Rng } from './rng.ts';
import type { Lang } from './texts.ts';
import { DAY, HOUR, MINUTE, MONTH, clamp, toIso } from './time.ts';

export type Behaviour = 'loyal' | 'regular' | 'occasional' | 'lapsed' | 'one_time' | 'prospect';
export type CustomerSource = 'store' | 'web' | 'app' | 'referral' | 'social' | 'event' | 'other';
export type CustomerTag = 'vip-candidate' | 'wholesale' | 'newsletter' | 'allergy-note' | 'corporate';

export interface DemoCustomer {
	external_id: string;
	full_name: string;
	first_name: string;
	last_name: string;
	email: string;
	phone: string | null;
	birthday: string | null;
	gender: Gender | null;
	language: Language;
	timezone: 'Asia/Seoul' | 'America/New_York';
	source: CustomerSource;
	country: 'KR' | 'US';
	tags: CustomerTag[];
	consent_email: boolean;
	consent_email_at: string | null;
	consent_sms: boolean;
	consent_sms_at: string | null;
	consent_kakao: boolean;
	consent_kakao_at: string | null;
	consent_night: boolean;
	consent_night_at: string | null;
	stage: 'prospect';
	created_at: string;
}

export interface CustomerProfile {
	customer: DemoCustomer;
	behaviour: Behaviour;
	lang: Lang;
	utcOffsetHours: number;
	createdMs: number;
	/** Orders fall inside [activeFromMs, activeToMs]; for lapsed customers activeToMs is when they stopped. */
	activeFromMs: number;
	activeToMs: number;
	orderCount: number;
	favouriteCategories: Category[];
	favouriteWeights: number[];
	favouriteSkus: Set<string>;
	preferredChannel: OrderChannel;
	bulkBuyer: boolean;
}

export const BEHAVIOUR_SHARES: readonly (readonly [Behaviour, number])[] = [
	['loyal', 0.15],
	['regular', 0.25],
	['occasional', 0.25],
	['lapsed', 0.15],
	['one_time', 0.15],
	['prospect', 0.05],
];

// Gamma-distributed order counts: larger shapes give tighter spreads. Means give ~10 orders per customer overall.
const ORDER_COUNTS: Record<Behaviour, { mean: number; shape: number; min: number; max: number }> = {
	loyal: { mean: 30, shape: 6, min: 18, max: 70 },
	regular: { mean: 12, shape: 4, min: 5, max: 30 },
	occasional: { mean: 3.5, shape: 2.5, min: 2, max: 8 },
	lapsed: { mean: 10, shape: 4, min: 4, max: 25 },
	one_time: { mean: 1, shape: 1, min: 1, max: 1 },
	prospect: { mean: 0, shape: 1, min: 0, max: 0 },
};

const SOURCES: readonly (readonly [CustomerSource, number])[] = [
	['store', 30],
	['web', 20],
	['app', 20],
	['referral', 10],
	['social', 10],
	['event', 5],
	['other', 5],
];
const CHANNEL_BY_SOURCE: Record<CustomerSource, readonly OrderChannel[]> = {
	store: ['store'],
	web: ['web'],
	app: ['app'],
	referral: ['store', 'web'],
	social: ['app', 'web'],
	event: ['store', 'app'],
	other: ['store', 'web', 'phone', 'marketplace'],
};
const TAG_ORDER: readonly CustomerTag[] = ['vip-candidate', 'wholesale', 'newsletter', 'allergy-note', 'corporate'];

/** Exact shares rather than independent draws, so even a 40-customer demo has every behaviour. */
export function assignBehaviours(rng: Rng, count: number): Behaviour[] {
	const list: Behaviour[] = [];
	for (const [behaviour, share] of BEHAVIOUR_SHARES) {
		const n = behaviour === 'regular' ? 0 : Math.round(count * share);
		for (let i = 0; i < n && list.length < count; i++) list.push(behaviour);
	}
	while (list.length < count) list.push('regular');
	return rng.shuffle(list);
}

function activePeriod(
	rng: Rng,
	behaviour: Behaviour,
	nowMs: number,
): { createdMs: number; fromMs: number; toMs: number } {
	// Orders cover the last 24 months; accounts may be up to 30 months old. The hour margin survives ISO truncation.
	const horizon = nowMs - 730 * DAY + HOUR;
	const oldest = nowMs - 912 * DAY;
	const between = (from: number, to: number) => rng.float(from, to);
	switch (behaviour) {
		case 'loyal': {
			const createdMs = between(oldest, nowMs - 14 * MONTH);
			return {
				createdMs,
				fromMs: Math.max(createdMs + between(0, 20 * DAY), horizon),
				toMs: nowMs - between(0, 10 * DAY),
			};
		}
		case 'regular': {
			const createdMs = between(oldest, nowMs - 8 * MONTH);
			return {
				createdMs,
				fromMs: Math.max(createdMs + between(0, 45 * DAY), horizon),
				toMs: nowMs - between(0, 45 * DAY),
			};
		}
		case 'occasional': {
			const createdMs = between(oldest, nowMs - 4 * MONTH);
			return { createdMs, fromMs: Math.max(createdMs, horizon), toMs: nowMs - between(0, 90 * DAY) };
		}
		case 'lapsed': {
			const stoppedMs = nowMs - between(6 * MONTH, 18 * MONTH);
			const createdMs = between(oldest, stoppedMs - 8 * MONTH);
			return { createdMs, fromMs: Math.max(createdMs, horizon), toMs: stoppedMs };
		}
		case 'one_time': {
			const createdMs = between(horizon, nowMs - DAY);
			return { createdMs, fromMs: createdMs, toMs: Math.min(createdMs + 30 * DAY, nowMs) };
		}
		case 'prospect': {
			const createdMs = between(oldest, nowMs - HOUR);
			return { createdMs, fromMs: createdMs, toMs: createdMs };
		}
	}
}

function birthday(rng: Rng, nowMs: number): string | null {
	if (rng.chance(0.15)) return null;
	const year = new Date(nowMs).getUTCFullYear() - Math.round(clamp(rng.normal(38, 12), 18, 80));
	const month = rng.int(1, 12);
	const day = rng.int(1, new Date(Date.UTC(year, month, 0)).getUTCDate());
	return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function pickTags(rng: Rng, behaviour: Behaviour): CustomerTag[] {
	const weights: Record<CustomerTag, number> = {
		'vip-candidate': behaviour === 'loyal' ? 40 : behaviour === 'regular' ? 8 : 1,
		wholesale: 5,
		newsletter: 40,
		'allergy-note': 12,
		corporate: 6,
	};
	const chosen = new Set<CustomerTag>();
	for (
		let n: number = rng.weighted([
			[0, 55],
			[1, 35],
			[2, 10],
		] as const);
		n > 0;
		n--
	) {
		chosen.add(rng.weighted(TAG_ORDER.filter((tag) => !chosen.has(tag)).map((tag) => [tag, weights[tag]] as const)));
	}
	return TAG_ORDER.filter((tag) => chosen.has(tag));
}

function pickFavourites(rng: Rng, products: readonly DemoProduct[]) {
	const favouriteCategories: Category[] = [];
	for (let n = rng.int(2, 3); n > 0; n--) {
		favouriteCategories.push(
			rng.weighted(
				CATEGORIES.filter((c) => !favouriteCategories.includes(c)).map((c) => [c, CATALOGUE[c].popularity] as const),
			),
		);
	}
	const favouriteSkus = new Set(
		favouriteCategories.flatMap((category) =>
			rng.sample(
				products.filter((p) => p.category === category).map((p) => p.sku),
				2,
			),
		),
	);
	return {
		favouriteCategories,
		favouriteWeights: [0.55, 0.3, 0.15].slice(0, favouriteCategories.length),
		favouriteSkus,
	};
}

export function makeProfile(
	rng: Rng,
	number: number,
	behaviour: Behaviour,
	nowMs: number,
	products: readonly DemoProduct[],
	usedPhones: Set<string>,
): CustomerProfile {
	const person = makePerson(rng, number, usedPhones);
	const korean = person.language === 'ko-KR';
	const { createdMs, fromMs, toMs } = activePeriod(rng, behaviour, nowMs);
	const spec = ORDER_COUNTS[behaviour];
	const orderCount =
		spec.max === 0 ? 0 : Math.round(clamp(rng.gamma(spec.shape, spec.mean / spec.shape), spec.min, spec.max));
	const source = rng.weighted(SOURCES);
	const tags = pickTags(rng, behaviour);

	// Most consents are given at sign-up, some later.
	const consentMs = (given: boolean, after = createdMs) =>
		given ? (rng.chance(0.7) ? after + rng.float(0, 10 * MINUTE) : rng.float(after, nowMs)) : null;
	const consentEmail = rng.chance(0.6);
	const consentSms = person.phone !== null && rng.chance(korean ? 0.45 : 0.25);
	const consentKakao = rng.chance(korean ? 0.5 : 0.03);
	const emailMs = consentMs(consentEmail);
	const smsMs = consentMs(consentSms);
	const kakaoMs = consentMs(consentKakao);
	// Night-time marketing consent is rare, only meaningful with a messaging consent, and given after it.
	const consentNight = (consentSms || consentKakao) && rng.chance(0.15);
	const nightMs = consentMs(consentNight, Math.min(smsMs ?? Infinity, kakaoMs ?? Infinity));
	const iso = (ms: number | null) => (ms === null ? null : toIso(Math.min(ms, nowMs)));

	const customer: DemoCustomer = {
		external_id: `demo-c-${String(number).padStart(5, '0')}`,
		full_name: person.full_name,
		first_name: person.first_name,
		last_name: person.last_name,
		email: person.email,
		phone: person.phone,
		birthday: birthday(rng, nowMs),
		gender: person.gender,
		language: person.language,
		timezone: person.timezone,
		source,
		country: person.country,
		tags,
		consent_email: consentEmail,
		consent_email_at: iso(emailMs),
		consent_sms: consentSms,
		consent_sms_at: iso(smsMs),
		consent_kakao: consentKakao,
		consent_kakao_at: iso(kakaoMs),
		consent_night: consentNight,
		consent_night_at: iso(nightMs),
		stage: 'prospect',
		created_at: toIso(createdMs),
	};
	const preferredChannel = korean
		? rng.pick(CHANNEL_BY_SOURCE[source])
		: rng.weighted([
				['web', 5],
				['app', 2],
				['marketplace', 2],
				['store', 1],
			] as const);
	return {
		customer,
		behaviour,
		lang: korean ? 'ko' : 'en',
		utcOffsetHours: korean ? 9 : -5,
		createdMs,
		activeFromMs: fromMs,
		activeToMs: toMs,
		orderCount,
		...pickFavourites(rng, products),
		preferredChannel,
		bulkBuyer: tags.includes('wholesale') || tags.includes('corporate'),
	};
}
