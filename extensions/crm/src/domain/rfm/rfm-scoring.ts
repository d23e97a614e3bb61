/**
 * RFM scoring: recency, frequency and monetary scores 1-5 per customer. Pure; the SQL in data/rfm computes the same
 * thing set-wise, and `quintileScores` below is the reference implementation its tests compare against.
 *
 * Measures, over the window (now - windowDays, now], from orders whose status is a purchase (paid, fulfilled):
 *   recency_days  whole days (floored) since the customer's last purchase in the window
 *   frequency     number of purchases in the window
 *   monetary      sum of their totals, rounded to cents
 * Customers without a purchase in the window get no measures and no score (null): "no recent purchase" is not a
 * low score on a scale of buyers, and scoring them would drag every buyer's quintiles upwards.
 *
 * Tie rule (the same for R, F and M). Order the N scored customers by "goodness" (higher frequency, higher
 * monetary, FEWER recency days: recency is reversed so the most recent buyers get 5). Let v1 < ... < vd be the
 * d distinct values and, for the k-th one:
 *   below(k) = number of customers with a value worse than vk
 *   q(k)     = 1 + floor(5 * below(k) / N)          the quintile in which vk's tie block starts
 *   up(k)    = min over j <= k of (q(j) + k - j)    never more than one score above the previous distinct value
 *   low(k)   = max(1, min(k, 5 - (d - k)))          leave room so the best value can reach min(d, 5)
 *   score(k) = max(low(k), up(k))
 * Consequences (all tested):
 *   - equal values always get the same score (the score is a function of the value, not of a row position);
 *   - scores never decrease with the value and step by 0 or 1 between neighbouring distinct values, starting at 1,
 *     so exactly min(d, 5) scores are used: every bin 1..5 is filled whenever there are >= 5 distinct values,
 *     2 distinct values use exactly scores 1 and 2, and with <= 5 distinct values the score is the dense rank;
 *   - without ties it is the plain quintile 1 + floor(5 * (position - 1) / N);
 *   - a huge tie block (80% of customers bought once) takes one score (1) and the remaining customers spread over
 *     2..5 instead of all jumping to 5 and leaving 2..4 empty.
 * Why not `ntile(5) over (order by value)`: ntile deals rows into five equal-sized buckets by row position, so a
 * tie block that straddles a bucket boundary is split, and two customers with identical frequency get different
 * F scores depending on row order (the rfm#17 bug). cume_dist alone (ceil(5 * cume_dist)) keeps ties together but
 * gives the 80% one-time buyers F = 4 and leaves bins empty.
 */

/** Orders in these statuses count as purchases (same as the cached customer stats). */
export const RFM_PURCHASE_STATUSES = ['paid', 'fulfilled'] as const;

export const DAY_MS = 86_400_000;

/** The RFM window used nightly and when a refresh names none. */
export const DEFAULT_RFM_WINDOW_DAYS = 365;

export interface RfmOptions {
	/** The moment the scores are computed for; orders after it are ignored. */
	now: Date;
	/** Only purchases in (now - windowDays, now] count. */
	windowDays: number;
}

export interface RfmWindow {
	from: Date;
	to: Date;
}

/** The purchase window; rejects nonsense early so it never reaches SQL as NaN. */
export function rfmWindow({ now, windowDays }: RfmOptions): RfmWindow {
	if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new Error('RFM: `now` must be a valid Date');
	if (!Number.isFinite(windowDays) || windowDays <= 0) throw new Error('RFM: `windowDays` must be a positive number');
	return { from: new Date(now.getTime() - windowDays * DAY_MS), to: now };
}

/** Whole days between a purchase and `now`, as the SQL computes it (floored). */
export function recencyDays(now: Date, lastPurchaseAt: Date): number {
	return Math.floor((now.getTime() - lastPurchaseAt.getTime()) / DAY_MS);
}

/**
 * Reference implementation of the tie rule above: the score 1..5 for each input value, in input order.
 * `higherIsBetter: false` reverses the order (recency days).
 */
export function quintileScores(values: readonly number[], higherIsBetter = true): number[] {
	const n = values.length;
	if (n === 0) return [];
	const goodness = values.map((v) => (higherIsBetter ? v : -v));
	const counts = new Map<number, number>();
	for (const v of goodness) counts.set(v, (counts.get(v) ?? 0) + 1);
	const distinct = [...counts.keys()].sort((a, b) => a - b);
	const d = distinct.length;
	const scoreOf = new Map<number, number>();
	let below = 0;
	let up = Number.POSITIVE_INFINITY;
	distinct.forEach((value, index) => {
		const k = index + 1;
		const q = 1 + Math.floor((5 * below) / n);
		up = Math.min(q, up + 1); // the running min of q(j) + k - j, one step at a time
		const low = Math.max(1, Math.min(k, 5 - (d - k)));
		scoreOf.set(value, Math.max(low, up));
		below += counts.get(value)!;
	});
	return goodness.map((v) => scoreOf.get(v)!);
}

export interface RfmMeasures {
	recencyDays: number;
	frequency: number;
	monetary: number;
}

export interface RfmScores {
	r: number;
	f: number;
	m: number;
}

/** Scores every measured customer at once (reference for the SQL; fine for small in-memory sets). */
export function rfmScores(measures: readonly RfmMeasures[]): RfmScores[] {
	const r = quintileScores(
		measures.map((x) => x.recencyDays),
		false,
	);
	const f = quintileScores(measures.map((x) => x.frequency));
	const m = quintileScores(measures.map((x) => x.monetary));
	return measures.map((_, i) => ({ r: r[i], f: f[i], m: m[i] }));
}
