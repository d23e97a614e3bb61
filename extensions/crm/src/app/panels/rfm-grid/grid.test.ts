import { describe, expect, it } from 'vitest';
import {
	bookmarkHref,
	bookmarkRoute,
	cellBookmark,
	cellFilter,
	findCellBookmark,
	formatMoney,
	isEmptyGrid,
	toDisplayGrid,
	type GridData,
} from './grid';
import { MESSAGES, toLanguage, translate } from './i18n';

const cells = [1, 2, 3, 4, 5].flatMap((r) => [1, 2, 3, 4, 5].map((f) => ({ r, f, customers: 0, avgMonetary: 0 })));
const data = (patch: (c: (typeof cells)[number]) => Partial<(typeof cells)[number]>): GridData => ({
	computedAt: '2026-03-01T09:00:00.000Z',
	unscored: 4,
	cells: cells.map((c) => ({ ...c, ...patch(c) })),
});

describe('isEmptyGrid', () => {
	it('is empty when RFM never ran or nobody is scored', () => {
		expect(isEmptyGrid(null)).toBe(true);
		expect(isEmptyGrid({ computedAt: null, unscored: 3, cells })).toBe(true);
		expect(isEmptyGrid(data(() => ({})))).toBe(true);
		expect(isEmptyGrid(data((c) => (c.r === 2 && c.f === 3 ? { customers: 1 } : {})))).toBe(false);
	});
});

describe('toDisplayGrid', () => {
	const grid = toDisplayGrid(
		data((c) =>
			c.r === 5 && c.f === 5
				? { customers: 1200, avgMonetary: 1234567.4 }
				: c.r === 1 && c.f === 1
					? { customers: 300, avgMonetary: 9900 }
					: {},
		),
		'ko-KR',
		'KRW',
	);

	it('puts F5 on top and R1..R5 left to right', () => {
		expect(grid.rows.map((row) => row.f)).toEqual([5, 4, 3, 2, 1]);
		expect(grid.rows[0].cells.map((c) => c.r)).toEqual([1, 2, 3, 4, 5]);
		expect(grid.columns).toEqual([1, 2, 3, 4, 5]);
	});

	it('formats counts and average spend for the locale and shades by share of the fullest cell', () => {
		const top = grid.rows[0].cells[4];
		expect(top).toMatchObject({ r: 5, f: 5, customers: 1200, countLabel: '1,200', intensity: 1 });
		expect(top.avgLabel).toBe('₩1,234,567');
		expect(top.title).toBe('R5 · F5: 고객 1,200명, 평균 구매액 ₩1,234,567');
		expect(grid.rows[4].cells[0].intensity).toBe(0.25);
		expect(grid.rows[2].cells[2]).toMatchObject({ customers: 0, avgLabel: '–', intensity: 0 });
		expect(grid).toMatchObject({ scored: 1500, unscored: 4 });
		expect(grid.computedAtLabel).toMatch(/2026/);
	});

	it('speaks English for en-US', () => {
		const en = toDisplayGrid(
			data((c) => (c.r === 3 && c.f === 2 ? { customers: 2, avgMonetary: 50.5 } : {})),
			'en-US',
			'USD',
		);
		expect(en.rows[3].cells[2].title).toBe('R3 · F2: 2 customers, average spend $50.50');
	});
});

describe('formatMoney', () => {
	it('falls back to a plain number without a valid currency code', () => {
		expect(formatMoney(1234.56, 'en-US', null)).toBe('1,235');
		expect(formatMoney(1234.56, 'en-US', 'not a code')).toBe('1,235');
		expect(formatMoney(1234.56, 'en-US', 'eur')).toBe('€1,234.56');
	});
});

describe('cell click-through', () => {
	it('filters customers on both scores and opens them through a bookmark route', () => {
		expect(cellFilter(4, 2)).toEqual({ _and: [{ rfm_r: { _eq: 4 } }, { rfm_f: { _eq: 2 } }] });
		expect(cellBookmark(4, 2, 'ko-KR')).toEqual({
			bookmark: 'RFM R4 · F2',
			collection: 'crm_customers',
			layout: 'tabular',
			filter: cellFilter(4, 2),
			icon: 'grid_view',
		});
		expect(bookmarkRoute(17)).toBe('/content/crm_customers?bookmark=17');
		expect(bookmarkHref(17)).toBe('/admin/content/crm_customers?bookmark=17');
	});

	it("reuses only the current user's own bookmark for the same cell", () => {
		const presets = [
			{ id: 1, bookmark: 'RFM R4 · F2', collection: 'crm_customers', user: 'someone-else' },
			{ id: 2, bookmark: null, collection: 'crm_customers', user: 'me' },
			{ id: 3, bookmark: 'RFM R4 · F2', collection: 'crm_customers', user: 'me' },
		];
		expect(findCellBookmark(presets, 'me', 4, 2, 'en-US')?.id).toBe(3);
		expect(findCellBookmark(presets, 'me', 4, 3, 'en-US')).toBeNull();
	});
});

describe('i18n', () => {
	it('has the same keys in Korean and English and picks Korean for any ko locale', () => {
		expect(Object.keys(MESSAGES['ko-KR']).sort()).toEqual(Object.keys(MESSAGES['en-US']).sort());
		expect([toLanguage('ko-KR'), toLanguage('ko'), toLanguage('en-US'), toLanguage(null)]).toEqual([
			'ko-KR',
			'ko-KR',
			'en-US',
			'en-US',
		]);
		expect(translate('en-US', 'empty')).toBe('RFM not computed yet: run it');
		expect(translate('ko-KR', 'bookmark_title', { r: 1, f: 5 })).toBe('RFM R1 · F5');
	});
});
