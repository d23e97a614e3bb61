// Named RFM segments as data: rules over R and the average of F and M, first match wins. Pure.

export interface RfmCell {
	name: string;
	label: { en: string; ko: string };
	/** Inclusive R score range. */
	r: readonly [number, number];
	/** Inclusive range of (F + M) / 2, so half steps such as 2.5 occur. */
	fm: readonly [number, number];
}

/**
 * The default grid (R down, F/M average across); every one of the 125 (r, f, m) triples lands in a cell:
 *
 *          fm 1-1.5        2-2.5               3-3.5        4-5
 *   r 5    new             potential loyalist  loyal        champions
 *   r 4    promising       potential loyalist  loyal        champions
 *   r 3    about to sleep  needs attention     loyal        loyal
 *   r 2    lost            hibernating         at risk      at risk
 *   r 1    lost            hibernating         at risk      cannot lose them
 */
export const DEFAULT_RFM_CELLS: readonly RfmCell[] = [
	{ name: 'champions', label: { en: 'Champions', ko: '챔피언' }, r: [4, 5], fm: [4, 5] },
	{ name: 'loyal', label: { en: 'Loyal', ko: '충성 고객' }, r: [3, 5], fm: [3, 5] },
	{ name: 'cannot_lose_them', label: { en: 'Cannot lose them', ko: '놓치면 안 되는 고객' }, r: [1, 1], fm: [4, 5] },
	{ name: 'at_risk', label: { en: 'At risk', ko: '이탈 위험' }, r: [1, 2], fm: [3, 5] },
	{ name: 'new', label: { en: 'New', ko: '신규 고객' }, r: [5, 5], fm: [1, 1.5] },
	{ name: 'promising', label: { en: 'Promising', ko: '유망 고객' }, r: [4, 4], fm: [1, 1.5] },
	{ name: 'potential_loyalist', label: { en: 'Potential loyalist', ko: '잠재 충성 고객' }, r: [4, 5], fm: [2, 2.5] },
	{ name: 'needs_attention', label: { en: 'Needs attention', ko: '관심 필요' }, r: [3, 3], fm: [2, 2.5] },
	{ name: 'about_to_sleep', label: { en: 'About to sleep', ko: '휴면 직전' }, r: [3, 3], fm: [1, 1.5] },
	{ name: 'hibernating', label: { en: 'Hibernating', ko: '휴면 고객' }, r: [1, 2], fm: [2, 2.5] },
	{ name: 'lost', label: { en: 'Lost', ko: '이탈 고객' }, r: [1, 2], fm: [1, 1.5] },
];

const within = (value: number, [min, max]: readonly [number, number]) => value >= min && value <= max;

/** The first cell whose rules match, or null (no score, or a custom table with gaps). */
export function cellFor(
	r: number | null,
	f: number | null,
	m: number | null,
	cells: readonly RfmCell[] = DEFAULT_RFM_CELLS,
): RfmCell | null {
	if (r === null || f === null || m === null) return null;
	const fm = (f + m) / 2;
	return cells.find((cell) => within(r, cell.r) && within(fm, cell.fm)) ?? null;
}

/**
 * For SQL: each cell with the keys r * 100 + f + m of the (r, f, m) triples it wins, in table order. The cell only
 * depends on r and f + m, so at most 45 keys in total; deriving them from cellFor keeps SQL and JS identical even
 * for custom tables with overlaps or odd bounds.
 */
export function cellKeys(cells: readonly RfmCell[] = DEFAULT_RFM_CELLS): { name: string; keys: number[] }[] {
	const names = new Set<string>();
	for (const cell of cells) {
		if (!cell.name) throw new Error('RFM cell without a name');
		if (names.has(cell.name)) throw new Error(`RFM cell "${cell.name}" is listed twice`);
		names.add(cell.name);
	}
	const keys = new Map<string, number[]>();
	for (let r = 1; r <= 5; r++) {
		for (let fPlusM = 2; fPlusM <= 10; fPlusM++) {
			const f = Math.min(5, fPlusM - 1);
			const cell = cellFor(r, f, fPlusM - f, cells);
			if (cell) keys.set(cell.name, [...(keys.get(cell.name) ?? []), r * 100 + fPlusM]);
		}
	}
	return cells.filter((cell) => keys.has(cell.name)).map((cell) => ({ name: cell.name, keys: keys.get(cell.name)! }));
}
