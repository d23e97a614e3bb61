import { describe, expect, it } from 'vitest';
import { generateDemoData } from './generate.ts';
import { createRng } from './rng.ts';

const now = new Date('2026-11-23T00:00:00Z');
const data = generateDemoData({ seed: 42, customers: 2000, now });

describe('demo data', () => {
	it('is the same for the same seed and different for another', () => {
		expect(generateDemoData({ seed: 42, customers: 50, now })).toEqual(generateDemoData({ seed: 42, customers: 50, now }));
		expect(generateDemoData({ seed: 43, customers: 50, now }).customers[0]).not.toEqual(generateDemoData({ seed: 42, customers: 50, now }).customers[0]);
	});

	it('has about ten orders per customer, within the last 24 months and never in the future', () => {
		expect(data.orders.length).toBeGreaterThan(15_000);
		expect(data.orders.length).toBeLessThan(25_000);
		const earliest = now.getTime() - 731 * 86_400_000;
		for (const order of data.orders) {
			const at = Date.parse(order.ordered_at);
			expect(at).toBeLessThanOrEqual(now.getTime());
			expect(at).toBeGreaterThanOrEqual(earliest);
		}
	});

	it('mixes one-time, repeat and never-buying customers', () => {
		const perCustomer = new Map<string, number>();
		for (const order of data.orders) perCustomer.set(order.customer_external_id, (perCustomer.get(order.customer_external_id) ?? 0) + 1);
		const counts = data.customers.map((c) => perCustomer.get(c.external_id) ?? 0);
		expect(counts.filter((n) => n === 0).length).toBeGreaterThan(20);
		expect(counts.filter((n) => n === 1).length).toBeGreaterThan(100);
		expect(counts.filter((n) => n >= 20).length).toBeGreaterThan(100);
	});

	it('keeps keys unique and references intact', () => {
		for (const key of ['external_id', 'email', 'phone'] as const) expect(new Set(data.customers.map((c) => c[key])).size).toBe(data.customers.length);
		expect(new Set(data.orders.map((o) => o.external_id)).size).toBe(data.orders.length);
		expect(new Set(data.products.map((p) => p.sku)).size).toBe(data.products.length);
		expect(new Set(data.feedback.map((f) => f.source_key)).size).toBe(data.feedback.length);
		const customers = new Set(data.customers.map((c) => c.external_id));
		const skus = new Set(data.products.map((p) => p.sku));
		for (const row of [...data.orders, ...data.interactions, ...data.feedback]) expect(customers.has(row.customer_external_id)).toBe(true);
		for (const line of data.orders.flatMap((o) => o.lines)) if (line.kind === 'product') expect(skus.has(line.sku!)).toBe(true);
	});

	it('makes every order total the sum of its lines, in whole won', () => {
		for (const order of data.orders) {
			expect(order.total).toBe(order.lines.reduce((s, l) => s + l.line_total, 0));
			expect(Number.isInteger(order.total)).toBe(true);
			expect(order.total).toBeGreaterThan(0);
		}
	});

	it('has Korean and English customers with valid NPS and CSAT scores', () => {
		const korean = data.customers.filter((c) => c.language === 'ko-KR').length / data.customers.length;
		expect(korean).toBeGreaterThan(0.7);
		expect(korean).toBeLessThan(0.9);
		for (const f of data.feedback) expect(f.kind === 'nps' ? f.score >= 0 && f.score <= 10 : f.score >= 1 && f.score <= 5).toBe(true);
	});
});

describe('createRng', () => {
	it('repeats its sequence for a seed and respects ranges', () => {
		const a = createRng(7);
		const b = createRng(7);
		const values = Array.from({ length: 1000 }, () => a.int(3, 9));
		expect(values).toEqual(Array.from({ length: 1000 }, () => b.int(3, 9)));
		expect(Math.min(...values)).toBe(3);
		expect(Math.max(...values)).toBe(9);
	});
});
