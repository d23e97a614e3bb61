// Duplicate detection over the whole customer base (findDuplicatePairs: three self-joins on computed keys, grouped
// and ranked by pair) against one hand-written statement that only groups the same keys (no pairs, no ranking); and
// one customer's duplicates (the customer page's card). 1 % of customers get a phone twin stored in another format
// and 1 % an e-mail twin in capitals; the changes are undone afterwards so later figures see the generated data.
import type { Knex } from 'knex';
import type { ExtensionCode } from './load-extension-code.ts';
import { comparePair, median, timeMs, type Pair } from './timing.ts';

export interface MergeFigure {
	detection: Pair & { pairs: number };
	oneCustomerMs: number;
}

const HAND_WRITTEN = `
	SELECT key, COUNT(*) AS n FROM (
		SELECT CASE WHEN d LIKE '82%' THEN '0' || SUBSTR(d, 3) ELSE d END AS key
		FROM (SELECT REPLACE(REPLACE(REPLACE(phone, '-', ''), ' ', ''), '+', '') AS d FROM crm_customers
			WHERE phone IS NOT NULL) p
		UNION ALL SELECT LOWER(TRIM(email)) FROM crm_customers WHERE email IS NOT NULL
		UNION ALL SELECT LOWER(TRIM(full_name)) || '|' || CAST(birthday AS TEXT) FROM crm_customers
			WHERE full_name IS NOT NULL AND birthday IS NOT NULL
	) keys GROUP BY key HAVING COUNT(*) > 1 ORDER BY n DESC LIMIT 500`;

export async function mergeFigure(
	knex: Knex,
	code: ExtensionCode,
	customers: number,
	runs: number,
): Promise<MergeFigure> {
	await knex.raw(`UPDATE crm_customers SET phone = '+8210' || LPAD(CAST(id AS TEXT), 8, '0') WHERE id % 100 = 7`);
	await knex.raw(
		`UPDATE crm_customers SET phone = '010-' || SUBSTR(LPAD(CAST(id - 1 AS TEXT), 8, '0'), 1, 4) || '-' ||
			SUBSTR(LPAD(CAST(id - 1 AS TEXT), 8, '0'), 5, 4) WHERE id % 100 = 8`,
	);
	await knex.raw(`UPDATE crm_customers SET email = UPPER('customer' || (id - 1) || '@example.com') WHERE id % 100 = 9`);
	await knex.raw('ANALYZE crm_customers');
	try {
		let pairs = 0;
		const detection = await comparePair(
			runs,
			async () => (pairs = (await code.merge.findDuplicatePairs(knex, { limit: 500 })).length),
			() => knex.raw(HAND_WRITTEN),
		);
		const samples: number[] = [];
		for (let i = 0; i < 20; i++) {
			const id = 7 + 100 * Math.floor(((i + 0.5) * customers) / 100 / 20);
			samples.push(await timeMs(() => code.merge.findDuplicatePairs(knex, { limit: 50, customer: id })));
		}
		return { detection: { ...detection, pairs }, oneCustomerMs: median(samples) };
	} finally {
		await knex.raw(`UPDATE crm_customers SET phone = NULL WHERE id % 100 IN (7, 8)`);
		await knex.raw(`UPDATE crm_customers SET email = 'customer' || id || '@example.com' WHERE id % 100 = 9`);
	}
}
