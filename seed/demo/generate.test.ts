import { describe, expect, it } from 'vitest';
import { normalisePhone } from '../../extensions/crm/src/domain/events/contact.ts';
import { generateDemoData, type DemoData } from './generate.ts';

const now = new Date('2026-11-23T09:30:00Z');
const nowMs = now.getTime();
const DAY = 86_400_000;
const monthsBefore = (months: number) => {
	const date = new Date(now);
	date.setUTCMonth(date.getUTCMonth() - months);
	return date.getTime();
};
const data = generateDemoData({ seed: 42, customers: 2000, now });
const ms = (iso: string) => Date.parse(iso);
const hangul = /[\uac00-\ud7a3]/;

function ordersByCustomer(d: DemoData) {
	const map = new Map<string, typeof d.orders>();
	for (const order of d.orders)
		map.set(order.customer_external_id, [...(map.get(order.customer_external_id) ?? []), order]);
	return map;
}
const byCustomer = ordersByCustomer(data);
const customerById = new Map(data.customers.map((c) => [c.external_id, c]));

describe('generateDemoData', () => {
	it('gives every customer with a phone a number the CRM accepts, stored as it would store it', () => {
		const phones = data.customers.map((customer) => customer.phone).filter((phone) => phone !== null);
		expect(phones.length).toBeGreaterThan(1000);
		expect(phones.filter((phone) => normalisePhone(phone!) !== phone)).toEqual([]);
	});

	it('returns deep-equal data for the same seed and now, and different data otherwise', () => {
		expect(JSON.stringify(generateDemoData({ seed: 42, customers: 2000, now }))).toBe(JSON.stringify(data));
		const small = generateDemoData({ seed: 42, customers: 60, now });
		expect(generateDemoData({ seed: 42, customers: 60, now })).toEqual(small);
		expect(generateDemoData({ seed: 43, customers: 60, now }).customers).not.toEqual(small.customers);
		expect(generateDemoData({ seed: 42, customers: 60, now: new Date(nowMs + DAY) }).orders).not.toEqual(small.orders);
	});

	it('handles tiny demos: no customers, and 40 customers with every behaviour', () => {
		const empty = generateDemoData({ seed: 1, customers: 0, now });
		expect([empty.customers.length, empty.orders.length, empty.interactions.length, empty.feedback.length]).toEqual([
			0, 0, 0, 0,
		]);
		expect(empty.products.length).toBe(60);
		// The SQLite integration test loads this size and expects more than 100 orders.
		expect(generateDemoData({ seed: 7, customers: 40, now }).orders.length).toBeGreaterThan(100);
		expect(() => generateDemoData({ seed: 1, customers: -1, now })).toThrow(RangeError);
	});

	it('has a catalogue of about 60 products in 8 categories with whole-hundred KRW prices', () => {
		expect(data.products.length).toBe(60);
		expect(new Set(data.products.map((p) => p.sku)).size).toBe(60);
		expect(new Set(data.products.map((p) => p.category))).toEqual(
			new Set(['coffee', 'tea', 'bakery', 'gift_set', 'kitchen', 'skincare', 'apparel', 'stationery']),
		);
		for (const p of data.products) {
			expect(Number.isInteger(p.price) && p.price % 100 === 0 && p.price >= 3000 && p.price <= 150_000).toBe(true);
			expect(p.name).toMatch(hangul);
			expect(p.description.length).toBeGreaterThan(0);
		}
	});

	it('makes customers with unique ids, emails and phones on reserved domains', () => {
		const { customers } = data;
		expect(customers.length).toBe(2000);
		expect(customers[0].external_id).toBe('demo-c-00001');
		for (const key of ['external_id', 'email'] as const) expect(new Set(customers.map((c) => c[key])).size).toBe(2000);
		const phones = customers.flatMap((c) => (c.phone ? [c.phone] : []));
		expect(new Set(phones).size).toBe(phones.length);
		for (const c of customers) {
			expect(c.email).toMatch(/^[a-z0-9._]+@example\.(com|kr|net)$/);
			expect(c.stage).toBe('prospect');
			expect(ms(c.created_at)).toBeLessThanOrEqual(nowMs);
			expect(ms(c.created_at)).toBeGreaterThanOrEqual(monthsBefore(30));
			if (c.birthday !== null) expect(Number.isNaN(Date.parse(c.birthday))).toBe(false);
			for (const channel of ['email', 'sms', 'kakao', 'night'] as const) {
				const at = c[`consent_${channel}_at`];
				expect(at !== null).toBe(c[`consent_${channel}`]);
				if (at) expect(ms(at) >= ms(c.created_at) && ms(at) <= nowMs).toBe(true);
			}
			if (c.language === 'ko-KR') {
				expect([c.full_name, c.country, c.timezone]).toEqual([c.last_name + c.first_name, 'KR', 'Asia/Seoul']);
				expect(c.full_name).toMatch(/^[\uac00-\ud7a3]{3}$/);
				expect(c.phone).toMatch(/^\+8210\d{8}$/);
			} else {
				expect([c.full_name, c.country, c.timezone, c.language]).toEqual([
					`${c.first_name} ${c.last_name}`,
					'US',
					'America/New_York',
					'en-US',
				]);
				if (c.phone !== null) expect(c.phone).toMatch(/^\+1\d{10}$/);
			}
			expect(c.tags.length).toBeLessThanOrEqual(2);
		}
		const koreanShare = customers.filter((c) => c.language === 'ko-KR').length / customers.length;
		expect(koreanShare).toBeGreaterThan(0.75);
		expect(koreanShare).toBeLessThan(0.85);
		const missingBirthdays = customers.filter((c) => c.birthday === null).length / customers.length;
		expect(missingBirthdays).toBeGreaterThan(0.1);
		expect(missingBirthdays).toBeLessThan(0.2);
		const consents = (channel: 'consent_email' | 'consent_night') => customers.filter((c) => c[channel]).length;
		expect(consents('consent_night')).toBeLessThan(consents('consent_email') / 3);
	});

	it('has about ten orders per customer, inside the last 24 months and never in the future', () => {
		expect(data.orders.length).toBeGreaterThan(15_000);
		expect(data.orders.length).toBeLessThan(25_000);
		const earliest = monthsBefore(24);
		const misplaced = data.orders.filter((order, i) => {
			const at = ms(order.ordered_at);
			return (
				at < earliest ||
				at > nowMs ||
				(i > 0 && at < ms(data.orders[i - 1].ordered_at)) ||
				at < ms(customerById.get(order.customer_external_id)!.created_at) ||
				order.external_id !== `demo-o-${String(i + 1).padStart(6, '0')}` ||
				(order.status === 'pending' && nowMs - at >= 2 * DAY)
			);
		});
		expect(misplaced).toEqual([]);
		const share = (status: string) => data.orders.filter((o) => o.status === status).length / data.orders.length;
		expect(share('paid')).toBeGreaterThan(share('fulfilled'));
		expect(share('fulfilled')).toBeGreaterThan(0.25);
		expect(share('refunded')).toBeGreaterThan(0.015);
		expect(share('refunded')).toBeLessThan(0.045);
		expect(share('cancelled')).toBeGreaterThan(0.01);
		expect(share('cancelled')).toBeLessThan(0.03);
	});

	it('makes every total the sum of its 1–4 product lines and optional discount, in whole won', () => {
		const wrong = data.orders.filter((order) => {
			const products = order.lines.filter((l) => l.kind === 'product');
			const discounts = order.lines.filter((l) => l.kind === 'discount');
			return (
				products.length < 1 ||
				products.length > 4 ||
				discounts.length > 1 ||
				new Set(products.map((l) => l.sku)).size !== products.length ||
				order.lines.some(
					(l) =>
						![l.unit_price, l.line_total, l.quantity].every(Number.isInteger) ||
						l.line_total !== l.unit_price * l.quantity,
				) ||
				discounts.some((l) => l.sku !== null || l.category !== null || l.line_total >= 0) ||
				order.total !== order.lines.reduce((sum, l) => sum + l.line_total, 0) ||
				order.discount_total !== discounts.reduce((sum, l) => sum - l.line_total, 0) ||
				order.total <= 0 ||
				order.currency !== 'KRW'
			);
		});
		expect(wrong).toEqual([]);
		const discounted = data.orders.filter((o) => o.discount_total > 0).length;
		expect(discounted / data.orders.length).toBeGreaterThan(0.07);
		expect(discounted / data.orders.length).toBeLessThan(0.13);
	});

	it('mixes prospects, one-time, frequent and lapsed customers', () => {
		const counts = data.customers.map((c) => byCustomer.get(c.external_id)?.length ?? 0);
		expect(counts.filter((n) => n === 0).length).toBeGreaterThan(50);
		expect(counts.filter((n) => n === 1).length).toBeGreaterThan(150);
		expect(counts.filter((n) => n >= 20).length).toBeGreaterThan(150);
		const lapsed = [...byCustomer.values()].filter(
			(orders) => orders.length >= 4 && nowMs - ms(orders.at(-1)!.ordered_at) > 6 * 30 * DAY,
		);
		expect(lapsed.length).toBeGreaterThan(150);
	});

	it("clusters each repeat customer's purchases on a few favourite categories", () => {
		const topShares = [...byCustomer.values()]
			.filter((orders) => orders.length >= 10)
			.map((orders) => {
				const perCategory = new Map<string, number>();
				const lines = orders.flatMap((o) => o.lines.filter((l) => l.kind === 'product'));
				for (const line of lines) perCategory.set(line.category!, (perCategory.get(line.category!) ?? 0) + 1);
				return Math.max(...perCategory.values()) / lines.length;
			});
		// With no preference the top category of 8 would hold roughly a quarter of the lines.
		expect(topShares.reduce((a, b) => a + b, 0) / topShares.length).toBeGreaterThan(0.4);
	});

	it('keeps every reference intact', () => {
		const skus = new Set(data.products.map((p) => p.sku));
		expect(
			[...data.orders, ...data.interactions, ...data.feedback].filter(
				(row) => !customerById.has(row.customer_external_id),
			),
		).toEqual([]);
		expect(
			data.orders.flatMap((o) => o.lines).filter((line) => line.kind === 'product' && !skus.has(line.sku!)),
		).toEqual([]);
	});

	it("records about 1.5 interactions per customer in the customer's language", () => {
		const perCustomer = data.interactions.length / data.customers.length;
		expect(perCustomer).toBeGreaterThan(1.2);
		expect(perCustomer).toBeLessThan(1.9);
		const open = data.interactions.filter((i) => i.status === 'open').length / data.interactions.length;
		expect(open).toBeGreaterThan(0.05);
		expect(open).toBeLessThan(0.15);
		const channels = ['store', 'phone', 'email', 'sms', 'kakao', 'web', 'social', 'visit'];
		const types = ['call', 'visit', 'note', 'inquiry', 'complaint', 'after_sales', 'meeting'];
		const wrong = data.interactions.filter((row) => {
			const customer = customerById.get(row.customer_external_id)!;
			const at = ms(row.occurred_at);
			return (
				hangul.test(row.subject) !== (customer.language === 'ko-KR') ||
				hangul.test(row.body) !== (customer.language === 'ko-KR') ||
				at < ms(customer.created_at) ||
				at > nowMs ||
				!channels.includes(row.channel) ||
				!types.includes(row.type) ||
				!['inbound', 'outbound', 'internal'].includes(row.direction) ||
				(customer.language === 'en-US' && row.channel === 'kakao')
			);
		});
		expect(wrong).toEqual([]);
	});

	it('has NPS answers from about 40% of buyers, after their first order, loyal ones scoring higher', () => {
		const nps = data.feedback.filter((f) => f.kind === 'nps');
		const buyers = byCustomer.size;
		expect(nps.length / buyers).toBeGreaterThan(0.3);
		expect(nps.length / buyers).toBeLessThan(0.5);
		expect(new Set(nps.map((f) => f.customer_external_id)).size).toBe(nps.length);
		expect(data.feedback.some((f) => f.kind === 'csat')).toBe(true);
		expect(new Set(data.feedback.map((f) => f.source_key)).size).toBe(data.feedback.length);
		for (const f of data.feedback) {
			const orders = byCustomer.get(f.customer_external_id)!;
			expect(orders).toBeDefined();
			expect(ms(f.answered_at) >= ms(orders[0].ordered_at) && ms(f.answered_at) <= nowMs).toBe(true);
			expect(f.source_key).toMatch(/^demo-f-\d{5}$/);
			if (f.kind === 'nps')
				expect([f.survey, Number.isInteger(f.score) && f.score >= 0 && f.score <= 10]).toEqual(['demo-nps-2026', true]);
			else expect([f.survey, Number.isInteger(f.score) && f.score >= 1 && f.score <= 5]).toEqual(['demo-csat', true]);
			if (f.comment)
				expect(hangul.test(f.comment)).toBe(customerById.get(f.customer_external_id)!.language === 'ko-KR');
		}
		const averageScore = (keep: (orders: NonNullable<ReturnType<typeof byCustomer.get>>) => boolean) => {
			const scores = nps.filter((f) => keep(byCustomer.get(f.customer_external_id)!)).map((f) => f.score);
			return scores.reduce((a, b) => a + b, 0) / scores.length;
		};
		const frequent = averageScore((orders) => orders.length >= 20);
		const gone = averageScore((orders) => orders.length >= 4 && nowMs - ms(orders.at(-1)!.ordered_at) > 6 * 30 * DAY);
		expect(frequent - gone).toBeGreaterThan(2);
	});
});
