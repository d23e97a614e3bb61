import { describe, expect, it } from 'vitest';
import { expectedPurchases, probabilityAlive, type BgNbdParams } from './bgnbd';
import { customerLifetimeValue, type GammaGammaParams } from './gamma-gamma';
import type { PurchaseModel } from './models';
import { predictCustomers } from './predict';

const purchaseParams: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const purchaseModel: PurchaseModel = { kind: 'bgnbd', params: purchaseParams };
const spendModel: GammaGammaParams = { p: 6.25, q: 3.74, gamma: 15.44 };
const clv = { periods: 12, periodLength: 52 / 12, discountRate: 0.01 };
const options = { purchasesHorizon: 90 / 7, clv };

// Repeated triples with different spend: the shared purchase side must not leak one customer's spend to another.
const customers = [
	{ frequency: 0, recency: 0, age: 38.86, meanRepeatValue: null },
	{ frequency: 2, recency: 30.43, age: 38.86, meanRepeatValue: 20 },
	{ frequency: 2, recency: 30.43, age: 38.86, meanRepeatValue: 75.5 },
	{ frequency: 0, recency: 0, age: 38.86, meanRepeatValue: null },
	{ frequency: 7, recency: 12, age: 30, meanRepeatValue: 40 },
];

describe('predictCustomers', () => {
	it('gives each customer exactly what the per-customer model functions give', () => {
		const predictions = predictCustomers(purchaseModel, spendModel, customers, options);
		expect(predictions).toHaveLength(customers.length);
		customers.forEach((customer, i) => {
			expect(predictions[i]).toEqual({
				// BG/NBD gives every one-time buyer P(alive) = 1 by construction: stored as unknown instead.
				pAlive: customer.frequency === 0 ? null : probabilityAlive(purchaseParams, customer),
				expectedPurchases: expectedPurchases(purchaseParams, customer, options.purchasesHorizon),
				clv: customerLifetimeValue(purchaseModel, spendModel, customer, clv),
			});
		});
		expect(predictions[2]!.clv).toBeGreaterThan(predictions[1]!.clv);
	});

	it("without a spend model, values the expected purchases over the horizon at the customer's own mean spend", () => {
		const predictions = predictCustomers(purchaseModel, null, customers, options);
		customers.forEach((customer, i) => {
			const purchases = expectedPurchases(purchaseParams, customer, clv.periods * clv.periodLength);
			expect(predictions[i]!.clv).toBeCloseTo(purchases * (customer.meanRepeatValue ?? 0), 12);
		});
		expect(predictions[0]!.clv).toBe(0);
	});
});
