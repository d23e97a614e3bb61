// The cohort retention matrix: customers grouped by the month of their first purchase (acquisition month), and for each
// later month how many of them purchased. Pure shaping of the grouped rows the SQL returns.

/** One grouped row: bucket indexes into the month list (oldest first). `month` -1 is the cohort's size row. */
export interface CohortRowInput {
	cohort: number | string | null;
	month: number | string | null;
	customers: number | string;
}

export interface CohortCell {
	/** Months since acquisition (0 = the acquisition month). */
	offset: number;
	customers: number;
	/** customers ÷ cohort size; null for an empty cohort. */
	rate: number | null;
	/** False for a month still in progress: its count can only grow, so the average leaves it out. */
	complete: boolean;
}

export interface CohortRow {
	/** 2026-01 */
	key: string;
	/** Customers whose first purchase ever is in this month. */
	size: number;
	/** Offsets 0 … (months observed since), so the matrix is a triangle. */
	cells: CohortCell[];
}

export interface CohortMatrix {
	months: string[];
	cohorts: CohortRow[];
	/**
	 * Per offset: all cohorts' purchasers ÷ all their sizes, over the cohorts whose month at that offset is complete
	 * (as cohort tables usually do: the month in progress would drag the average down); null without any.
	 */
	average: (number | null)[];
}

export const SIZE_ROW = -1;

/**
 * `completeMonths`: how many of the months, from the oldest, are over (default all); cells falling in a later month
 * are marked incomplete and left out of the average.
 */
export function shapeCohorts(
	monthKeys: readonly string[],
	rows: readonly CohortRowInput[],
	completeMonths: number = monthKeys.length,
): CohortMatrix {
	const n = monthKeys.length;
	const sizes = new Array<number>(n).fill(0);
	const counts = Array.from({ length: n }, () => new Array<number>(n).fill(0));
	for (const row of rows) {
		if (row.cohort === null || row.month === null) continue;
		const cohort = Number(row.cohort);
		const month = Number(row.month);
		const customers = Number(row.customers);
		if (!Number.isInteger(cohort) || cohort < 0 || cohort >= n) continue;
		if (month === SIZE_ROW) sizes[cohort] += customers;
		else if (Number.isInteger(month) && month >= cohort && month < n) counts[cohort][month - cohort] += customers;
	}
	const cohorts = monthKeys.map((key, c): CohortRow => ({
		key,
		size: sizes[c],
		cells: Array.from({ length: n - c }, (_, offset) => ({
			offset,
			customers: counts[c][offset],
			rate: sizes[c] ? counts[c][offset] / sizes[c] : null,
			complete: c + offset < completeMonths,
		})),
	}));
	const average = Array.from({ length: n }, (_, offset) => {
		let customers = 0;
		let size = 0;
		for (let c = 0; c + offset < Math.min(n, completeMonths); c++) {
			customers += counts[c][offset];
			size += sizes[c];
		}
		return size ? customers / size : null;
	});
	return { months: [...monthKeys], cohorts, average };
}
