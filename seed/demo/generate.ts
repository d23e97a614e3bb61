// Deterministic demo data: customers with realistic repeat behaviour (loyal, regular, occasional, lapsed, one-time,
// prospects), orders with lines clustered on each customer's favourite categories, interactions and survey answers.
// Pure: `now` and `seed` in, plain objects out (references by external id / sku).
import { CATEGORIES, COMMENTS, EN_FIRST, EN_LAST, KO_FAMILY, KO_GIVEN, SUBJECTS } from './catalogue.ts';
import { createRng, type Rng } from './rng.ts';

const DAY = 86_400_000;

export interface DemoProduct { sku: string; name: string; category: string; price: number; description: string }
export interface DemoLine { sku: string | null; product_name: string; category: string | null; kind: 'product' | 'discount'; quantity: number; unit_price: number; line_total: number }
export interface DemoCustomer {
	external_id: string; full_name: string; first_name: string; last_name: string; email: string; phone: string;
	birthday: string | null; gender: 'female' | 'male' | null; language: 'ko-KR' | 'en-US'; timezone: string; source: string;
	country: 'KR' | 'US'; tags: string[]; stage: 'prospect';
	consent_email: boolean; consent_email_at: string | null; consent_sms: boolean; consent_sms_at: string | null;
	consent_kakao: boolean; consent_kakao_at: string | null; consent_night: boolean; consent_night_at: string | null;
	created_at: string;
}
export interface DemoOrder { external_id: string; customer_external_id: string; status: string; channel: string; ordered_at: string; total: number; discount_total: number; currency: 'KRW'; lines: DemoLine[] }
export interface DemoInteraction { customer_external_id: string; channel: string; direction: string; type: string; status: 'open' | 'done'; subject: string; body: string; occurred_at: string }
export interface DemoFeedback { customer_external_id: string; kind: 'nps' | 'csat'; score: number; comment: string; survey: string; channel: string; answered_at: string; source_key: string }
export interface DemoData { products: DemoProduct[]; customers: DemoCustomer[]; orders: DemoOrder[]; interactions: DemoInteraction[]; feedback: DemoFeedback[] }

type Behaviour = 'loyal' | 'regular' | 'occasional' | 'lapsed' | 'one_time' | 'prospect';
const BEHAVIOURS: [Behaviour, number, number][] = [
	// kind, share, mean days between orders
	['loyal', 0.15, 14], ['regular', 0.25, 35], ['occasional', 0.25, 120], ['lapsed', 0.15, 25], ['one_time', 0.15, 0], ['prospect', 0.05, 0],
];

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const isoDate = (t: number) => new Date(t).toISOString().slice(0, 10);

function behaviourOf(rng: Rng): [Behaviour, number] {
	let r = rng.next();
	for (const [kind, share, gap] of BEHAVIOURS) {
		if (r < share) return [kind, gap];
		r -= share;
	}
	return ['regular', 35];
}

function makeProducts(): DemoProduct[] {
	return Object.entries(CATEGORIES).flatMap(([category, items], c) =>
		items.map(([name, price], i) => ({ sku: `${category.slice(0, 3).toUpperCase()}-${pad(c * 100 + i + 1, 4)}`, name, category, price, description: `${name} (${category})` })),
	);
}

function makeCustomer(rng: Rng, index: number, now: number): DemoCustomer {
	const korean = rng.chance(0.8);
	const id = pad(index, 5);
	const createdAt = now - rng.int(1, 900) * DAY;
	const consentAt = (given: boolean) => (given ? new Date(createdAt + rng.int(0, 30) * DAY).toISOString() : null);
	const consents = { email: rng.chance(0.6), sms: rng.chance(0.5), kakao: rng.chance(0.55), night: rng.chance(0.15) };
	let person: Pick<DemoCustomer, 'full_name' | 'first_name' | 'last_name' | 'email' | 'phone' | 'gender'>;
	if (korean) {
		const total = KO_FAMILY.reduce((s, f) => s + f[2], 0);
		let r = rng.next() * total;
		const family = KO_FAMILY.find((f) => (r -= f[2]) < 0) ?? KO_FAMILY[0];
		const [given, roman, gender] = rng.pick(KO_GIVEN);
		person = { full_name: family[0] + given, first_name: given, last_name: family[0], email: `${roman}.${family[1]}${id}@${rng.pick(['example.kr', 'example.com'])}`, phone: `+8210${pad(10_000_000 + index * 4099 % 89_999_999, 8)}`, gender };
	} else {
		const [first, gender] = rng.pick(EN_FIRST);
		const last = rng.pick(EN_LAST);
		person = { full_name: `${first} ${last}`, first_name: first, last_name: last, email: `${first}.${last}${id}@${rng.pick(['example.com', 'example.net'])}`.toLowerCase(), phone: `+1212555${pad(index, 4)}`, gender };
	}
	return {
		external_id: `demo-c-${id}`, ...person, gender: rng.chance(0.1) ? null : person.gender,
		birthday: rng.chance(0.15) ? null : isoDate(Date.UTC(rng.int(1955, 2005), rng.int(0, 11), rng.int(1, 28))),
		language: korean ? 'ko-KR' : 'en-US', timezone: korean ? 'Asia/Seoul' : 'America/New_York', country: korean ? 'KR' : 'US',
		source: rng.pick(['store', 'store', 'web', 'app', 'referral', 'social', 'event', 'other']),
		tags: ['vip-candidate', 'wholesale', 'newsletter', 'allergy-note', 'corporate'].filter(() => rng.chance(0.12)).slice(0, 2),
		stage: 'prospect',
		consent_email: consents.email, consent_email_at: consentAt(consents.email), consent_sms: consents.sms, consent_sms_at: consentAt(consents.sms),
		consent_kakao: consents.kakao, consent_kakao_at: consentAt(consents.kakao), consent_night: consents.night, consent_night_at: consentAt(consents.night),
		created_at: new Date(createdAt).toISOString(),
	};
}

function orderTimes(rng: Rng, behaviour: Behaviour, meanGap: number, now: number): number[] {
	if (behaviour === 'prospect') return [];
	const start = now - rng.int(30, 730) * DAY;
	if (behaviour === 'one_time') return [start];
	const stop = behaviour === 'lapsed' ? now - rng.int(180, 540) * DAY : now - DAY / 24;
	const times: number[] = [];
	for (let t = start; t <= stop && times.length < 80; t += Math.max(1, rng.exponential(meanGap)) * DAY) times.push(t);
	return times.length ? times : [start];
}

function makeOrder(rng: Rng, customer: DemoCustomer, at: number, favourites: string[], products: DemoProduct[], index: number, now: number): DemoOrder {
	const lines: DemoLine[] = [];
	for (let n = rng.int(1, 4); n > 0; n--) {
		const category = rng.chance(0.75) ? rng.pick(favourites) : rng.pick(Object.keys(CATEGORIES));
		const product = rng.pick(products.filter((p) => p.category === category));
		const quantity = rng.chance(0.8) ? 1 : rng.int(2, 3);
		lines.push({ sku: product.sku, product_name: product.name, category, kind: 'product', quantity, unit_price: product.price, line_total: product.price * quantity });
	}
	const subtotal = lines.reduce((s, l) => s + l.line_total, 0);
	let discount = 0;
	if (rng.chance(0.1)) {
		discount = Math.round((subtotal * 0.1) / 100) * 100;
		lines.push({ sku: null, product_name: '10% 할인 쿠폰', category: null, kind: 'discount', quantity: 1, unit_price: -discount, line_total: -discount });
	}
	const r = rng.next();
	const recent = now - at < 2 * DAY;
	const status = recent && r < 0.5 ? 'pending' : r < 0.03 ? 'refunded' : r < 0.05 ? 'cancelled' : r < 0.6 ? 'fulfilled' : 'paid';
	return {
		external_id: `demo-o-${pad(index, 6)}`, customer_external_id: customer.external_id, status,
		channel: rng.pick(['store', 'store', 'web', 'app', 'phone', 'marketplace']), ordered_at: new Date(Math.floor(at / 1000) * 1000).toISOString(),
		total: subtotal - discount, discount_total: discount, currency: 'KRW', lines,
	};
}

export function generateDemoData(options: { seed: number; customers: number; now: Date }): DemoData {
	const rng = createRng(options.seed);
	const now = options.now.getTime();
	const products = makeProducts();
	const customers: DemoCustomer[] = [];
	const pending: { customer: DemoCustomer; at: number; favourites: string[] }[] = [];
	const interactions: DemoInteraction[] = [];
	const feedback: DemoFeedback[] = [];
	for (let i = 1; i <= options.customers; i++) {
		const customer = makeCustomer(rng, i, now);
		customers.push(customer);
		const [behaviour, gap] = behaviourOf(rng);
		const favourites = [rng.pick(Object.keys(CATEGORIES)), rng.pick(Object.keys(CATEGORIES))];
		const times = orderTimes(rng, behaviour, gap, now);
		for (const at of times) pending.push({ customer, at, favourites });
		const lang = customer.language === 'ko-KR' ? 'ko' : 'en';
		for (let n = rng.int(0, 3); n > 0; n--) {
			const type = rng.pick(['call', 'visit', 'note', 'inquiry', 'complaint', 'after_sales', 'meeting'] as const);
			interactions.push({
				customer_external_id: customer.external_id, channel: rng.pick(['store', 'phone', 'email', 'sms', 'kakao', 'web', 'social', 'visit']),
				direction: rng.pick(['inbound', 'outbound', 'internal']), type, status: rng.chance(0.1) ? 'open' : 'done',
				subject: SUBJECTS[lang][type], body: SUBJECTS[lang][type], occurred_at: new Date(now - rng.int(1, 700) * DAY).toISOString(),
			});
		}
		if (times.length && rng.chance(0.4)) {
			const base = behaviour === 'loyal' ? 8.5 : behaviour === 'lapsed' ? 4.5 : behaviour === 'one_time' ? 6 : 7.5;
			const score = Math.max(0, Math.min(10, Math.round(base + (rng.next() - 0.5) * 5)));
			const mood = score >= 9 ? 'high' : score >= 7 ? 'mid' : 'low';
			const answeredAt = Math.min(now - DAY, times[0] + rng.int(1, 60) * DAY);
			feedback.push({
				customer_external_id: customer.external_id, kind: 'nps', score, comment: rng.chance(0.6) ? rng.pick(COMMENTS[lang][mood]) : '',
				survey: 'demo-nps-2026', channel: rng.pick(['email', 'kakao', 'web']), answered_at: new Date(Math.max(answeredAt, times[0])).toISOString(),
				source_key: `demo-f-${pad(feedback.length + 1, 5)}`,
			});
			if (rng.chance(0.3)) {
				feedback.push({
					customer_external_id: customer.external_id, kind: 'csat', score: Math.max(1, Math.min(5, Math.round(score / 2))), comment: '',
					survey: 'demo-csat', channel: 'web', answered_at: new Date(Math.max(answeredAt, times[0])).toISOString(), source_key: `demo-f-${pad(feedback.length + 1, 5)}`,
				});
			}
		}
	}
	pending.sort((a, b) => a.at - b.at);
	const orders = pending.map((p, index) => makeOrder(rng, p.customer, p.at, p.favourites, products, index + 1, now));
	return { products, customers, orders, interactions, feedback };
}
