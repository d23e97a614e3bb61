import { describe, expect, it } from 'vitest';
import { cellFor, cellKeys, DEFAULT_RFM_CELLS, type RfmCell } from './rfm-cells';

const SCORES = [1, 2, 3, 4, 5];
const triples = SCORES.flatMap((r) => SCORES.flatMap((f) => SCORES.map((m) => [r, f, m] as const)));

describe('cellFor with the default table', () => {
	it('maps every (r, f, m) in 1..5³ to exactly one cell, and every cell is reachable', () => {
		const reached = new Map<string, number>();
		for (const [r, f, m] of triples) {
			const cell = cellFor(r, f, m);
			expect(cell, `${r}${f}${m}`).not.toBeNull();
			reached.set(cell!.name, (reached.get(cell!.name) ?? 0) + 1);
		}
		expect(triples).toHaveLength(125);
		expect([...reached.values()].reduce((a, b) => a + b, 0)).toBe(125);
		expect([...reached.keys()].sort()).toEqual(DEFAULT_RFM_CELLS.map((c) => c.name).sort());
	});

	it('follows the documented grid', () => {
		const name = (r: number, f: number, m: number) => cellFor(r, f, m)?.name;
		expect(name(5, 5, 5)).toBe('champions');
		expect(name(4, 4, 4)).toBe('champions');
		expect(name(5, 3, 3)).toBe('loyal');
		expect(name(3, 5, 5)).toBe('loyal');
		expect(name(5, 2, 3)).toBe('potential_loyalist');
		expect(name(5, 1, 1)).toBe('new');
		expect(name(4, 1, 2)).toBe('promising');
		expect(name(3, 2, 2)).toBe('needs_attention');
		expect(name(3, 1, 1)).toBe('about_to_sleep');
		expect(name(2, 5, 5)).toBe('at_risk');
		expect(name(1, 3, 4)).toBe('at_risk');
		expect(name(1, 5, 4)).toBe('cannot_lose_them');
		expect(name(2, 2, 2)).toBe('hibernating');
		expect(name(1, 1, 2)).toBe('lost');
	});

	it('has English and Korean labels for every cell', () => {
		for (const cell of DEFAULT_RFM_CELLS) {
			expect(cell.label.en.length).toBeGreaterThan(0);
			expect(cell.label.ko).toMatch(/[가-힣]/);
		}
	});

	it('gives no cell to a customer without scores', () => {
		expect(cellFor(null, null, null)).toBeNull();
		expect(cellFor(5, null, 5)).toBeNull();
	});
});

describe('cellFor with a custom table', () => {
	const twoCells: RfmCell[] = [
		{ name: 'vip', label: { en: 'VIP', ko: '우수 고객' }, r: [1, 5], fm: [4.5, 5] },
		{ name: 'recent', label: { en: 'Recent', ko: '최근 고객' }, r: [5, 5], fm: [1, 5] },
	];
	it('uses the first matching rule and leaves gaps unmatched', () => {
		expect(cellFor(5, 5, 5, twoCells)?.name).toBe('vip');
		expect(cellFor(5, 1, 1, twoCells)?.name).toBe('recent');
		expect(cellFor(4, 4, 4, twoCells)).toBeNull();
	});
	it('compares the F/M average, so half steps matter', () => {
		expect(cellFor(1, 5, 4, twoCells)?.name).toBe('vip');
		expect(cellFor(1, 4, 4, twoCells)).toBeNull();
	});
});

describe('cellKeys', () => {
	it('agrees with cellFor for every triple', () => {
		for (const cells of [DEFAULT_RFM_CELLS, DEFAULT_RFM_CELLS.slice().reverse()]) {
			const byKey = new Map(cellKeys(cells).flatMap(({ name, keys }) => keys.map((key) => [key, name] as const)));
			for (const [r, f, m] of triples) expect(byKey.get(r * 100 + f + m)).toBe(cellFor(r, f, m, cells)?.name);
		}
	});
	it('rejects duplicate or empty names', () => {
		expect(() => cellKeys([DEFAULT_RFM_CELLS[0], DEFAULT_RFM_CELLS[0]])).toThrow(/twice/);
		expect(() => cellKeys([{ ...DEFAULT_RFM_CELLS[0], name: '' }])).toThrow(/name/);
	});
});
