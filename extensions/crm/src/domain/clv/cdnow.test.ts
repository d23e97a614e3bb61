import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseCdnowTransactions } from './cdnow';
import { bgnbdLogLikelihood, expectedPurchases, fitBgnbd } from './bgnbd';
import { fitGammaGamma } from './gamma-gamma';
import { summarizeTransactions } from './summary';

// The public CDNOW sample (as shipped with the `lifetimes` package) is kept in the repo so the test runs on any clone.
const SAMPLE_FILE = new URL('../../../../../test/fixtures/cdnow/CDNOW_sample.txt', import.meta.url);

describe('parseCdnowTransactions', () => {
	it('reads the sample layout (master id, sample id, date, CDs, dollars)', () => {
		expect(parseCdnowTransactions(' 00004 0001 19970101  2   29.33\n 00004 0001 19970118  2   29.73\n')).toEqual([
			{ customerId: '00004', date: '1997-01-01', amount: 29.33 },
			{ customerId: '00004', date: '1997-01-18', amount: 29.73 },
		]);
	});

	it('reads the master layout and skips its header', () => {
		const text = ' customer_id  date number_of_cds  dollar_value\n 00001 19970101  1   11.77\n';
		expect(parseCdnowTransactions(text)).toEqual([{ customerId: '00001', date: '1997-01-01', amount: 11.77 }]);
	});

	it('rejects malformed lines', () => {
		expect(() => parseCdnowTransactions('00001 19970101 1 11.77\n00002 1997-01-01 1 3\n')).toThrow(RangeError);
		expect(() => parseCdnowTransactions('00001 19970101 1\n')).toThrow(RangeError);
		expect(() => parseCdnowTransactions('00001 19970101 1 abc\n')).toThrow(RangeError);
	});
});

describe('CDNOW sample: published BG/NBD and Gamma-Gamma results', () => {
	const transactions = parseCdnowTransactions(readFileSync(SAMPLE_FILE, 'utf8'));
	// Calibration = 1997-01-01 .. 1997-09-30 inclusive; T is measured to 1997-09-30,
	// giving T = 272/7 = 38.86 weeks for a customer who first bought on 1997-01-01.
	const customers = summarizeTransactions(transactions, { calibrationEnd: '1997-09-30', timeUnit: 'weeks' });
	const repeatCustomers = customers.filter((customer) => customer.frequency > 0);

	it('has 2357 customers, 946 of whom repeat in the calibration period', () => {
		expect(transactions).toHaveLength(6919);
		expect(customers).toHaveLength(2357);
		expect(repeatCustomers).toHaveLength(946);
		expect(customers[0]).toMatchObject({ customerId: '00004', frequency: 2 });
		expect(customers[0]!.recency).toBeCloseTo(30.43, 2);
		expect(customers[0]!.age).toBeCloseTo(38.86, 2);
	});

	it('fits BG/NBD: r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4', () => {
		const fit = fitBgnbd(customers);
		expect(fit.converged).toBe(true);
		expect(fit.params.r).toBeCloseTo(0.243, 3);
		expect(fit.params.alpha).toBeCloseTo(4.414, 3);
		expect(fit.params.a).toBeCloseTo(0.793, 3);
		expect(fit.params.b).toBeCloseTo(2.426, 3);
		expect(fit.logLikelihood).toBeCloseTo(-9582.4, 1);
		expect(bgnbdLogLikelihood({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, customers)).toBeCloseTo(-9582.4, 1);

		const customer = { frequency: 2, recency: 30.43, age: 38.86 };
		expect(expectedPurchases(fit.params, customer, 39)).toBeCloseTo(1.226, 3);
	});

	it('fits Gamma-Gamma on the 946 repeat customers: p = 6.25, q = 3.74, γ = 15.44', () => {
		const fit = fitGammaGamma(customers);
		expect(fit.converged).toBe(true);
		expect(fit.customerCount).toBe(946);
		expect(fit.params.p).toBeCloseTo(6.25, 2);
		expect(fit.params.q).toBeCloseTo(3.74, 2);
		expect(fit.params.gamma).toBeCloseTo(15.44, 2);
	});
});
